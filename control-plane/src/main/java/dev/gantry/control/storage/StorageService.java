package dev.gantry.control.storage;

import dev.gantry.build.ProcessTypes;
import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Formation;
import dev.gantry.control.domain.Storage;
import dev.gantry.control.domain.StorageMount;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.node.AppResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named volumes ({@code storage:*}): persistent data kept across deploys, rollbacks, restarts and
 * scale changes. Mounts take effect for instances started afterwards (the next deploy, or
 * {@code ps:restart} now), as in Dokku.
 */
@ApplicationScoped
public class StorageService {

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._/-]{0,200}");
    /** Paths an app must not cover: the system's own, or where the engine puts its files. */
    private static final List<String> RESERVED = List.of("/", "/proc", "/sys", "/dev", "/etc", "/bin", "/sbin", "/lib",
            "/usr", "/run");

    private final AppService apps;
    private final AppResources resources;
    private final AppEvents events;

    StorageService(AppService apps, AppResources resources, AppEvents events) {
        this.apps = apps;
        this.resources = resources;
        this.events = events;
    }

    /** What {@code storage:list} shows: volume, engine name, and its mounts. */
    public record StorageView(String name, String volume, List<String> mounts) {
    }

    @Transactional
    public String create(String appName, String name, String user) {
        App app = apps.get(appName);
        if (!ProcessTypes.isValidName(name)) {
            throw new InvalidInputException("'" + name + "' is not a storage name: use lowercase letters, digits and"
                    + " inner dashes, at most 30 characters (e.g. data, uploads)");
        }
        if (Storage.find(app, name).isPresent()) {
            throw new ConflictException(appName + " already has storage '" + name + "'");
        }
        Storage storage = new Storage();
        storage.app = app;
        storage.name = name;
        storage.createdBy = user;
        storage.createdAt = Instant.now();
        storage.persist();
        resources.createVolume(appName, storage.volumeName());
        events.record(appName, "storage " + name + " created by " + user);
        return storage.volumeName();
    }

    /** {@code NAME:/path}, for every process type or one. */
    @Transactional
    public void mount(String appName, String spec, Optional<String> type, String user) {
        Storage storage = storageOf(appName, nameOf(spec));
        String path = pathOf(spec);
        type.filter(t -> !ProcessTypes.isValidName(t)).ifPresent(t -> {
            throw new InvalidInputException("'" + t + "' is not a process type name");
        });
        boolean exists = StorageMount.of(storage).stream()
                .anyMatch(m -> m.path.equals(path) && Objects.equals(m.processType, type.orElse(null)));
        if (exists) {
            throw new ConflictException(spec + " is already mounted" + type.map(t -> " in " + t).orElse(""));
        }
        refuseIfPlaced(storage, type);
        StorageMount mount = new StorageMount();
        mount.storage = storage;
        mount.path = path;
        mount.processType = type.orElse(null);
        mount.persist();
        events.record(appName, "storage " + storage.name + " mounted at " + path + type.map(t -> " in " + t).orElse("")
                + " by " + user);
    }

    /**
     * A volume lives on the cluster's manager and holds every instance that mounts it there: a type that
     * {@code ps:place} keeps on labelled hosts would then have no host, or instances on more than one.
     */
    private static void refuseIfPlaced(Storage storage, Optional<String> type) {
        Formation.of(storage.app).stream()
                .filter(row -> row.placement != null && (type.isEmpty() || type.get().equals(row.processType)))
                .findFirst().ifPresent(placed -> {
                    throw new ConflictException(placed.processType + " of " + storage.app.name + " is placed on hosts with "
                            + placed.placement + " (ps:place), but a volume lives on the cluster's manager and keeps the"
                            + " instances that mount it there. Run ps:place " + storage.app.name + " " + placed.processType
                            + " default first, then mount " + storage.name);
                });
    }

    @Transactional
    public void unmount(String appName, String spec, String user) {
        Storage storage = storageOf(appName, nameOf(spec));
        String path = pathOf(spec);
        long removed = StorageMount.delete("storage = ?1 and path = ?2", storage, path);
        if (removed == 0) {
            throw new NotFoundException(spec + " is not mounted. Run 'storage:list " + appName + "' to see the mounts");
        }
        events.record(appName, "storage " + storage.name + " unmounted from " + path + " by " + user);
    }

    @Transactional
    public List<StorageView> list(String appName) {
        App app = apps.get(appName);
        return Storage.of(app).stream().map(storage -> new StorageView(storage.name, storage.volumeName(),
                StorageMount.of(storage).stream()
                        .map(m -> m.path + (m.processType == null ? "" : " (" + m.processType + ")")).toList()))
                .toList();
    }

    /** Deletes the volume and its data; refused while mounted, since a running instance may write to it. */
    @Transactional
    public void destroy(String appName, String name, String user) {
        Storage storage = storageOf(appName, name);
        if (!StorageMount.of(storage).isEmpty()) {
            throw new ConflictException("storage " + name + " is still mounted. Unmount it (storage:unmount) and"
                    + " restart the app (ps:restart) first");
        }
        try {
            resources.removeVolume(storage.volumeName());
        } catch (IllegalStateException inUse) {
            throw new ConflictException(inUse.getMessage() + ". Restart the app (ps:restart) so that no instance"
                    + " uses it, then try again");
        }
        storage.delete();
        events.record(appName, "storage " + name + " destroyed by " + user);
    }

    private Storage storageOf(String appName, String name) {
        return Storage.find(apps.get(appName), name).orElseThrow(() -> new NotFoundException(appName
                + " has no storage '" + name + "'. Create it with storage:create " + appName + " " + name));
    }

    private static String nameOf(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new InvalidInputException("'" + spec + "' is not NAME:/path. Write e.g. data:/app/data");
        }
        return spec.substring(0, colon);
    }

    private static String pathOf(String spec) {
        String path = spec.substring(spec.indexOf(':') + 1);
        if (!PATH.matcher(path).matches() || path.contains("..") || path.contains("//")) {
            throw new InvalidInputException("'" + path + "' is not an absolute path without '..'. Write e.g."
                    + " data:/app/data");
        }
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (RESERVED.stream().anyMatch(reserved -> normalized.equals(reserved))) {
            throw new InvalidInputException(normalized + " belongs to the system. Mount under another path, e.g."
                    + " /data or /app/data");
        }
        return normalized;
    }
}
