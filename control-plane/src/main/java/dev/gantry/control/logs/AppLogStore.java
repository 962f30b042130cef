package dev.gantry.control.logs;

import dev.gantry.control.GantryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Every app's log stream on disk, under {@code GANTRY_HOME/logs/APP/}: instance output and Gantry's
 * events in arrival order. Files are bounded: at {@value #ROTATE_AT_BYTES} bytes the current file
 * becomes {@code app.log.1} and the oldest of {@value #FILES_KEPT} goes, so a chatty app cannot
 * fill the disk. Followers get each new line as it is stored.
 */
@ApplicationScoped
public class AppLogStore {

    private static final Logger LOG = Logger.getLogger(AppLogStore.class);
    static final long ROTATE_AT_BYTES = 10L * 1024 * 1024;
    static final int FILES_KEPT = 3;
    private static final String FILE = "app.log";

    private final Path root;
    private final ConcurrentHashMap<String, Object> appLocks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Consumer<AppLogLine>>> followers = new ConcurrentHashMap<>();

    @Inject
    AppLogStore(GantryConfig config) {
        this(config.home().resolve("logs"));
    }

    AppLogStore(Path root) {
        this.root = root;
    }

    public void append(String app, AppLogLine line) {
        synchronized (appLocks.computeIfAbsent(app, name -> new Object())) {
            try {
                Path file = current(app);
                Files.createDirectories(file.getParent());
                if (Files.exists(file) && Files.size(file) >= ROTATE_AT_BYTES) {
                    rotate(app);
                }
                try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    writer.write(line.stored());
                    writer.newLine();
                }
            } catch (IOException e) {
                LOG.warnf("could not store a log line of %s: %s", app, e.getMessage());
            }
        }
        followers.getOrDefault(app, List.of()).forEach(follower -> follower.accept(line));
    }

    /** The last {@code query.lines()} stored lines that match, oldest first. */
    public List<AppLogLine> tail(String app, LogQuery query) {
        Deque<AppLogLine> last = new ArrayDeque<>();
        if (query.lines() == 0) {
            return List.of();
        }
        synchronized (appLocks.computeIfAbsent(app, name -> new Object())) {
            for (Path file : filesOldestFirst(app)) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.map(AppLogLine::parse).flatMap(Optional::stream).filter(query::matches).forEach(line -> {
                        last.addLast(line);
                        if (last.size() > query.lines()) {
                            last.removeFirst();
                        }
                    });
                } catch (IOException | UncheckedIOException e) {
                    LOG.warnf("could not read %s: %s", file, e.getMessage());
                }
            }
        }
        return new ArrayList<>(last);
    }

    /** The time of the newest stored line, so collection can resume where it stopped. */
    public Optional<Instant> lastTime(String app) {
        List<AppLogLine> last = tail(app, new LogQuery(1, Optional.empty(), Optional.empty(), false));
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0).time());
    }

    /** Every line stored from now on goes to {@code follower} (on the writer's thread) until the handle closes. */
    public AutoCloseable follow(String app, Consumer<AppLogLine> follower) {
        List<Consumer<AppLogLine>> list = followers.computeIfAbsent(app, name -> new CopyOnWriteArrayList<>());
        list.add(follower);
        return () -> list.remove(follower);
    }

    /** Removes the app's logs (the app is destroyed). */
    public void delete(String app) {
        synchronized (appLocks.computeIfAbsent(app, name -> new Object())) {
            for (Path file : filesOldestFirst(app)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", file, e.getMessage());
                }
            }
            try {
                Files.deleteIfExists(current(app).getParent());
            } catch (IOException e) {
                LOG.warnf("could not delete the log folder of %s: %s", app, e.getMessage());
            }
        }
    }

    /** What the app's log files take on disk ({@code system:df}). */
    public long bytes(String app) {
        long total = 0;
        for (Path file : filesOldestFirst(app)) {
            try {
                total += Files.size(file);
            } catch (IOException rotatedMeanwhile) {
                // counted in the file it became
            }
        }
        return total;
    }

    private void rotate(String app) throws IOException {
        Path dir = current(app).getParent();
        Files.deleteIfExists(dir.resolve(FILE + "." + (FILES_KEPT - 1)));
        for (int i = FILES_KEPT - 2; i >= 1; i--) {
            Path older = dir.resolve(FILE + "." + i);
            if (Files.exists(older)) {
                Files.move(older, dir.resolve(FILE + "." + (i + 1)));
            }
        }
        Files.move(current(app), dir.resolve(FILE + ".1"));
    }

    private List<Path> filesOldestFirst(String app) {
        Path dir = current(app).getParent();
        List<Path> files = new ArrayList<>();
        for (int i = FILES_KEPT - 1; i >= 1; i--) {
            files.add(dir.resolve(FILE + "." + i));
        }
        files.add(current(app));
        return files.stream().filter(Files::exists).toList();
    }

    private Path current(String app) {
        return root.resolve(app).resolve(FILE);
    }
}
