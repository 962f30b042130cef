package dev.gantry.control.teardown;

import dev.gantry.common.LineSink;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppNetwork;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.build.ImageBuilder;
import dev.gantry.control.deploy.ReleaseWatch;
import dev.gantry.control.formation.CrashHistory;
import dev.gantry.control.instances.InstanceLabels;
import dev.gantry.control.logs.AppLogStore;
import dev.gantry.control.storage.StorageService;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.RunningContainer;
import dev.gantry.router.api.RouteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Takes an app down and removes everything Gantry holds for it: route, instances, network, images,
 * repo, logs, rows; its volumes only when asked, since they hold data.
 */
@ApplicationScoped
public class AppDestroyService {

    /** The app is going away for good: no drain, a short grace. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final AppService apps;
    private final AppLocks locks;
    private final ReleaseWatch watch;
    private final NodeRunner nodes;
    private final ContainerEngine engine;
    private final RouteControl router;
    private final GantryConfig config;
    private final CrashHistory crashes;
    private final AppLogStore logs;
    private final StorageService storage;

    AppDestroyService(AppService apps, AppLocks locks, ReleaseWatch watch, NodeRunner nodes, ContainerEngine engine,
            RouteControl router, GantryConfig config, CrashHistory crashes, AppLogStore logs, StorageService storage) {
        this.nodes = nodes;
        this.apps = apps;
        this.locks = locks;
        this.watch = watch;
        this.engine = engine;
        this.router = router;
        this.config = config;
        this.crashes = crashes;
        this.logs = logs;
        this.storage = storage;
    }

    /** @param removeStorage also delete the app's volumes and their data; otherwise they are kept (and named) */
    public void destroy(String name, boolean removeStorage, LineSink progress) {
        try (AppLocks.Held lock = locks.acquire(name, progress)) {
            List<String> volumes = storage.list(name).stream().map(StorageService.StorageView::volume).toList();
            watch.stopWatching(name);
            router.removeRoute(name);
            progress.line("Stopping the app's instances");
            nodes.keepOnly(name, Set.of(), STOP_GRACE).forEach(instance -> progress.line("Stopped " + instance));
            for (RunningContainer run : engine.list(Map.of(InstanceLabels.APP, name))) {
                progress.line("Stopping " + run.name());
                engine.stopAndRemove(run.id(), STOP_GRACE);
            }
            try {
                engine.removeNetwork(AppNetwork.of(name));
            } catch (IllegalStateException stillAttached) {
                progress.line("Kept " + stillAttached.getMessage() + " ('docker network rm " + AppNetwork.of(name)
                        + "' removes it once that container is gone)");
            }
            apps.delete(name);
            for (String volume : volumes) {
                if (removeStorage) {
                    progress.line("Deleting volume " + volume);
                    engine.removeVolume(volume);
                } else {
                    progress.line("Kept volume " + volume + " and its data (apps:destroy --storage deletes it;"
                            + " so does 'docker volume rm " + volume + "')");
                }
            }
            crashes.forgetApp(name);
            logs.delete(name);
            deleteRepository(config.home().resolve("repos").resolve(name + ".git"));
            // Removing every tag of the app's repository removes its builds and the stages kept for the next one.
            engine.tagsIn(ImageBuilder.repository(name)).forEach(engine::removeImage);
        }
    }

    private static void deleteRepository(Path repository) {
        if (!Files.exists(repository)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(repository)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + repository, e);
        }
    }
}
