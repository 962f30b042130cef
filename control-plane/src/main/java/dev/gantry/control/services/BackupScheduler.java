package dev.gantry.control.services;

import dev.gantry.control.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Backs services up on their {@code services:backup-schedule}: twice a minute it looks at each schedule
 * and starts the backups due this minute (UTC), each once, one at a time. A backup that fails is
 * logged with its reason, and the next one is due at the next scheduled time.
 */
@ApplicationScoped
public class BackupScheduler {

    private static final Logger LOG = Logger.getLogger(BackupScheduler.class);

    private final ServiceCatalog catalog;
    private final ServiceBackups backups;
    private final Map<String, ZonedDateTime> lastDue = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("backup-schedule"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("backup"));

    BackupScheduler(ServiceCatalog catalog, ServiceBackups backups) {
        this.catalog = catalog;
        this.backups = backups;
    }

    public void start() {
        ticker.scheduleWithFixedDelay(this::tick, 30, 30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        worker.shutdownNow();
    }

    private void tick() {
        try {
            ZonedDateTime minute = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
            catalog.schedules().forEach((service, schedule) -> {
                if (schedule.matches(minute) && !minute.equals(lastDue.put(service, minute))) {
                    worker.execute(() -> backUp(service));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("looking for scheduled backups failed: %s", e.getMessage());
        }
    }

    private void backUp(String service) {
        try {
            ServiceSpec spec = catalog.all().stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
            ServiceBackups.Backup backup = backups.backup(spec, line -> LOG.debugf("%s: %s", service, line.strip()));
            LOG.infof("scheduled backup %s of %s made (%d bytes)", backup.id(), service, backup.bytes());
        } catch (RuntimeException e) {
            LOG.warnf("scheduled backup of %s failed: %s", service, e.getMessage());
        }
    }
}
