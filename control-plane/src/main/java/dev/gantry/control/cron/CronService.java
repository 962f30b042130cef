package dev.gantry.control.cron;

import dev.gantry.build.AppJson;
import dev.gantry.common.LineSink;
import dev.gantry.control.DaemonThreads;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.build.CommitTree;
import dev.gantry.control.domain.App;
import dev.gantry.control.logs.AppLogLine;
import dev.gantry.control.logs.AppLogStore;
import dev.gantry.control.logs.LineOutput;
import dev.gantry.control.oneoff.OneOffRunner;
import dev.gantry.control.releases.ReleaseLedger;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jboss.logging.Logger;

/**
 * Runs the cron jobs of each app's current release: at the start of every minute (UTC), each job
 * whose schedule matches runs as a one-off container of the release, its output going to the app's
 * logs as {@code cron.ID}. The jobs are read from the app.json of the commit the release was built
 * from, so a rollback brings back that release's jobs. A job still running when it is due again is
 * skipped, and a stopped app runs none. The last exit code of each job is kept in memory only.
 */
@ApplicationScoped
public class CronService {

    private static final Logger LOG = Logger.getLogger(CronService.class);
    static final String PROCESS_TYPE = "cron";

    /** What cron:list shows of a job. */
    public record Entry(CronJob job, Optional<ZonedDateTime> next, Optional<LastRun> last, boolean running) {
    }

    public record LastRun(Instant at, int exitCode) {
    }

    private final AppService apps;
    private final ReleaseLedger ledger;
    private final OneOffRunner runner;
    private final AppLogStore logs;
    private final Path repositories;
    /** APP@COMMIT to the jobs its app.json declares. */
    private final Map<String, List<CronJob>> jobsByCommit = new ConcurrentHashMap<>();
    private final Map<String, LastRun> lastRuns = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cron"));
    private final ExecutorService runs = Executors.newCachedThreadPool(DaemonThreads.named("cron-job"));

    CronService(AppService apps, ReleaseLedger ledger, OneOffRunner runner, AppLogStore logs, GantryConfig config) {
        this.apps = apps;
        this.ledger = ledger;
        this.runner = runner;
        this.logs = logs;
        this.repositories = config.home().resolve("repos");
    }

    /** Starts the minute ticks; called once every app is back in a consistent state after a start. */
    public void start() {
        scheduleNextTick();
    }

    /** The current release's jobs, with when each runs next and how its last run ended. */
    public List<Entry> list(String app) {
        apps.get(app);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return jobsOf(app).stream()
                .map(job -> new Entry(job, job.schedule().next(now), Optional.ofNullable(lastRuns.get(key(app, job))),
                        running.contains(key(app, job))))
                .toList();
    }

    /** {@code cron:run}: runs the job now, its output to the logs and to {@code output}; returns its exit code. */
    public int runNow(String app, String id, String user, LineSink output) {
        apps.get(app);
        CronJob job = jobsOf(app).stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException(app + " has no cron job " + id + ". Run 'cron:list " + app
                        + "' to list them"));
        return run(app, job, "started by " + user + " (cron:run " + id + ")", output);
    }

    private void scheduleNextTick() {
        ZonedDateTime next = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        long delay = Duration.between(ZonedDateTime.now(ZoneOffset.UTC), next).toMillis();
        ticker.schedule(() -> {
            try {
                tick(next);
            } finally {
                scheduleNextTick();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void tick(ZonedDateTime minute) {
        try {
            for (App app : apps.list()) {
                if (ledger.isStopped(app.name)) {
                    continue;
                }
                for (CronJob job : jobsOf(app.name)) {
                    if (job.schedule().matches(minute)) {
                        runs.execute(() -> runScheduled(app.name, job));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("cron round of %s failed: %s", minute, e.getMessage());
        }
    }

    private void runScheduled(String app, CronJob job) {
        if (!running.add(key(app, job))) {
            logs.append(app, new AppLogLine(Instant.now(), AppLogLine.GANTRY, "cron job " + job.id() + " ("
                    + job.schedule() + ") is still running; this run is skipped"));
            return;
        }
        try {
            run(app, job, "started by cron (" + job.schedule() + ")", line -> { });
        } catch (RuntimeException e) {
            logs.append(app, new AppLogLine(Instant.now(), AppLogLine.GANTRY, "cron job " + job.id()
                    + " could not run: " + e.getMessage()));
        } finally {
            running.remove(key(app, job));
        }
    }

    private int run(String app, CronJob job, String why, LineSink output) {
        String source = PROCESS_TYPE + "." + job.id();
        int exitCode;
        try (LineOutput lines = new LineOutput(line -> {
            logs.append(app, new AppLogLine(Instant.now(), source, line));
            output.line(line);
        })) {
            exitCode = runner.run(app, PROCESS_TYPE, List.of("/bin/sh", "-c", job.command()), why, null, lines, lines,
                    false);
        }
        lastRuns.put(key(app, job), new LastRun(Instant.now(), exitCode));
        return exitCode;
    }

    /** The jobs of the app's current release, read from its commit's app.json once per commit. */
    private List<CronJob> jobsOf(String app) {
        return ledger.currentCommit(app)
                .map(commit -> jobsByCommit.computeIfAbsent(app + "@" + commit, unread -> readJobs(app, commit)))
                .orElse(List.of());
    }

    private List<CronJob> readJobs(String app, String commit) {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(repositories.resolve(app + ".git").toFile())
                .setMustExist(true).build()) {
            return AppJson.of(new CommitTree(repository, ObjectId.fromString(commit)))
                    .map(AppJsonCron::read).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            // The push checked the entries; a repository gone or unreadable since leaves the app without jobs.
            LOG.warnf("could not read the cron jobs of %s at %s: %s", app, commit, e.getMessage());
            return List.of();
        }
    }

    private static String key(String app, CronJob job) {
        return app + "/" + job.id();
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        runs.shutdownNow();
    }
}
