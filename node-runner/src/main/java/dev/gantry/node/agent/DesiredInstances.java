package dev.gantry.node.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The instances a node runner was told to run, per app, saved to a file after every change so that a
 * restarted runner adopts exactly them. An app is <em>known</em> once the control plane has named
 * its complete set ({@code keepOnly}); only then may the runner remove the app's other containers on
 * its own.
 */
final class DesiredInstances {

    /** One desired instance; {@code containerId} is null until its container exists. */
    record Instance(String name, String containerId) {
    }

    /** What the file holds per app. */
    record AppInstances(boolean known, List<Instance> instances) {
        AppInstances {
            instances = List.copyOf(instances);
        }
    }

    record Saved(int version, Map<String, AppInstances> apps) {
    }

    private static final int FORMAT = 1;

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, AppInstances> apps;

    private DesiredInstances(Path file, ObjectMapper json, Map<String, AppInstances> apps) {
        this.file = file;
        this.json = json;
        this.apps = new TreeMap<>(apps);
    }

    /** The state saved in {@code file}, or none when there is no file yet. */
    static DesiredInstances load(Path file, ObjectMapper json) {
        if (!Files.exists(file)) {
            return new DesiredInstances(file, json, Map.of());
        }
        try {
            Saved saved = json.readValue(file.toFile(), Saved.class);
            if (saved.version() != FORMAT || saved.apps() == null) {
                throw new IllegalStateException(unreadable(file, "format " + saved.version() + ", expected " + FORMAT));
            }
            return new DesiredInstances(file, json, saved.apps());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(unreadable(file, e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(unreadable(file, e.getMessage()), e);
        }
    }

    private static String unreadable(Path file, String why) {
        return "the node runner's desired instances in " + file + " cannot be read (" + why + "). Move the file"
                + " away and start again: nothing is removed until the control plane names each app's instances,"
                + " which it does at its next start";
    }

    synchronized Optional<Instance> find(String nameOrId) {
        return apps.values().stream().flatMap(app -> app.instances().stream())
                .filter(instance -> instance.name().equals(nameOrId) || nameOrId.equals(instance.containerId()))
                .findFirst();
    }

    synchronized boolean isKnown(String app) {
        AppInstances instances = apps.get(app);
        return instances != null && instances.known();
    }

    synchronized List<String> knownApps() {
        return apps.entrySet().stream().filter(entry -> entry.getValue().known()).map(Map.Entry::getKey).toList();
    }

    synchronized List<Instance> of(String app) {
        AppInstances instances = apps.get(app);
        return instances == null ? List.of() : instances.instances();
    }

    /** Adds or replaces (by name) one instance of the app. */
    synchronized void put(String app, Instance instance) {
        AppInstances current = apps.getOrDefault(app, new AppInstances(false, List.of()));
        List<Instance> instances = new ArrayList<>(current.instances());
        instances.removeIf(existing -> existing.name().equals(instance.name()));
        instances.add(instance);
        apps.put(app, new AppInstances(current.known(), instances));
        save();
    }

    /** Removes the instance (by name or container id) wherever it is; returns whether it was desired. */
    synchronized boolean remove(String nameOrId) {
        boolean removed = false;
        for (Map.Entry<String, AppInstances> entry : apps.entrySet()) {
            List<Instance> instances = new ArrayList<>(entry.getValue().instances());
            if (instances.removeIf(i -> i.name().equals(nameOrId) || nameOrId.equals(i.containerId()))) {
                entry.setValue(new AppInstances(entry.getValue().known(), instances));
                removed = true;
            }
        }
        if (removed) {
            save();
        }
        return removed;
    }

    /** The app's complete set, as the control plane named it: the app is known from now on. */
    synchronized void replace(String app, Collection<Instance> instances) {
        apps.put(app, new AppInstances(true, List.copyOf(instances)));
        save();
    }

    synchronized int appCount() {
        return apps.size();
    }

    synchronized int instanceCount() {
        return apps.values().stream().mapToInt(app -> app.instances().size()).sum();
    }

    /** Written beside the file and moved over it, so a crash mid-write leaves the last complete state. */
    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            json.writeValue(next.toFile(), new Saved(FORMAT, apps));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the node runner cannot save its desired instances to " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
