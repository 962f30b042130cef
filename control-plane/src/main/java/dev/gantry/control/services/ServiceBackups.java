package dev.gantry.control.services;

import dev.gantry.common.LineSink;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.OneOffRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * {@code services:backup} and {@code services:restore}: the image's {@code gantry-backup} writes a
 * consistent copy to stdout (PostgreSQL's {@code pg_dump -Fc}, a Redis snapshot made as BGSAVE makes
 * one) into {@code GANTRY_HOME/backups/NAME/ID.dump}, of which the newest {@code backups_kept} stay;
 * {@code gantry-restore} reads one back. A backup is written beside its place and moved there only
 * when complete; a restore runs in one transaction (PostgreSQL) or replaces the snapshot only once it
 * is checked (Redis). Either way a failure says why in one line and leaves the data as it was.
 */
@ApplicationScoped
public class ServiceBackups {

    private static final Logger LOG = Logger.getLogger(ServiceBackups.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern ID_PATTERN = Pattern.compile("\\d{8}-\\d{6}(-\\d{1,3})?");
    private static final String SUFFIX = ".dump";
    private static final String PARTIAL = ".partial";

    private final ServiceCatalog catalog;
    private final ServiceInstances instances;
    private final ServiceLocks locks;
    private final OneOffRuns oneOffs;
    private final Path root;

    ServiceBackups(ServiceCatalog catalog, ServiceInstances instances, ServiceLocks locks, OneOffRuns oneOffs,
            GantryConfig config) {
        this.catalog = catalog;
        this.instances = instances;
        this.locks = locks;
        this.oneOffs = oneOffs;
        this.root = config.home().resolve("backups");
    }

    /** One backup: its id ({@code 20250107-030000}, UTC), size and when it was made. */
    public record Backup(String id, long bytes, Instant at) {
    }

    public Backup backup(String name, String user, LineSink progress) {
        Backup backup = backup(catalog.spec(name, user), progress);
        LOG.infof("%s backed up %s as %s", user, name, backup.id());
        return backup;
    }

    /** A backup on the schedule's behalf: nobody to check. */
    Backup backup(ServiceSpec spec, LineSink progress) {
        try (AppLocks.Held lock = locks.acquire(spec.name())) {
            requireServing(spec, "back it up");
            Path dir = directory(spec.name());
            String id = newId(dir);
            Path partial = dir.resolve(id + PARTIAL);
            progress.line("-----> Backing up " + spec);
            StderrTail stderr = new StderrTail();
            int exit;
            try (OutputStream out = Files.newOutputStream(partial)) {
                exit = run(spec, "gantry-backup", false, null, out, stderr);
            } catch (IOException e) {
                exit = -1;
                stderr.line("could not write " + partial + ": " + e.getMessage());
            }
            if (exit != 0 || size(partial) == 0) {
                delete(partial);
                throw new ServiceFailedException("the backup of " + spec.name() + " failed: " + stderr.reason(exit)
                        + ". Its data is unchanged");
            }
            move(partial, dir.resolve(id + SUFFIX));
            return prune(dir, catalog.backupsKept(spec.name())).stream().filter(backup -> backup.id().equals(id))
                    .findFirst().orElseThrow();
        }
    }

    /** Newest first. */
    public List<Backup> list(String name, String user) {
        catalog.spec(name, user);
        return list(directory(name));
    }

    /** Replaces the service's data with a backup's; the apps keep their URL. */
    public void restore(String name, String id, String user, LineSink progress) {
        ServiceSpec spec = catalog.spec(name, user);
        if (!isBackupId(id)) {
            throw new InvalidInputException("'" + id + "' is not a backup id (like 20250107-030000). Run"
                    + " 'services:backups " + name + "' to list them");
        }
        Path file = directory(name).resolve(id + SUFFIX);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException(name + " has no backup " + id + ". Run 'services:backups " + name
                    + "' to list them");
        }
        try (AppLocks.Held lock = locks.acquire(name)) {
            requireServing(spec, "restore it");
            progress.line("-----> Restoring " + spec + " from " + id);
            StderrTail stderr = new StderrTail();
            int exit = spec.kind().restoresOffline() ? restoreStopped(spec, file, stderr, progress)
                    : restore(spec, file, stderr);
            if (exit != 0) {
                throw new ServiceFailedException("the restore of " + name + " from " + id + " failed: "
                        + stderr.reason(exit) + ". Its data is as it was");
            }
            LOG.infof("%s restored %s from %s", user, name, id);
        }
    }

    public static boolean isBackupId(String candidate) {
        return ID_PATTERN.matcher(candidate).matches();
    }

    private int restore(ServiceSpec spec, Path file, StderrTail stderr) {
        try (InputStream in = Files.newInputStream(file)) {
            return run(spec, "gantry-restore", false, in, OutputStream.nullOutputStream(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** The service stops while its files are replaced, and starts again whatever happened. */
    private int restoreStopped(ServiceSpec spec, Path file, StderrTail stderr, LineSink progress) {
        instances.removeAll(spec.name());
        try {
            try (InputStream in = Files.newInputStream(file)) {
                return run(spec, "gantry-restore", true, in, OutputStream.nullOutputStream(), stderr);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        } finally {
            instances.awaitHealthy(spec, instances.start(spec, progress));
        }
    }

    private int run(ServiceSpec spec, String script, boolean withVolume, InputStream stdin, OutputStream stdout,
            StderrTail stderr) {
        try {
            return oneOffs.run(instances.oneOff(spec, script, withVolume), stdin, stdout, stderr, false);
        } catch (ContainerStartFailedException e) {
            stderr.line(e.getMessage());
            return -1;
        }
    }

    private void requireServing(ServiceSpec spec, String why) {
        if (instances.serving(spec.name()).isEmpty()) {
            throw new ServiceFailedException(spec.name() + " is not running, so nothing can " + why + ". Wait for"
                    + " the supervisor to start it (services:info " + spec.name() + " shows its state)");
        }
    }

    /** Keeps the newest {@code keep} backups; returns them, newest first. */
    static List<Backup> prune(Path dir, int keep) {
        List<Backup> all = list(dir);
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            delete(dir.resolve(old.id() + SUFFIX));
        }
        return all.subList(0, Math.min(keep, all.size()));
    }

    static List<Backup> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).map(file -> {
                String name = file.getFileName().toString();
                try {
                    return new Backup(name.substring(0, name.length() - SUFFIX.length()), Files.size(file),
                            Files.getLastModifiedTime(file).toInstant());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted(Comparator.comparing(Backup::id).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    private Path directory(String name) {
        Path dir = root.resolve(name);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + dir, e);
        }
    }

    /** A new id from the time now; a second backup within the same second gets a counter. */
    private static String newId(Path dir) {
        String base = ID.format(Instant.now());
        String id = base;
        for (int n = 2; Files.exists(dir.resolve(id + SUFFIX)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + from + " to " + to, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
    }
}
