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
import dev.gantry.control.services.ServiceLinks;
import dev.gantry.control.storage.StorageService;
import dev.gantry.node.AppResources;
import dev.gantry.node.ImageStore;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.OneOffRuns;
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
import java.util.Set;
import java.util.stream.Stream;

/**
 * Takes an app down and removes everything Gantry holds for it: route, instances, network, images,
 * repo, logs, rows, links to backing services (the services stay); its volumes only when asked, since
 * they hold data.
 */
@ApplicationScoped
public class AppDestroyService {

    /** The app is going away for good: no drain, a short grace. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final AppService apps;
    private final AppLocks locks;
    private final ReleaseWatch watch;
    private final NodeRunner nodes;
    private final OneOffRuns oneOffs;
    private final AppResources resources;
    private final ImageStore images;
    private final RouteControl router;
    private final GantryConfig config;
    private final CrashHistory crashes;
    private final AppLogStore logs;
    private final StorageService storage;
    private final ServiceLinks services;

    AppDestroyService(AppService apps, AppLocks locks, ReleaseWatch watch, NodeRunner nodes, OneOffRuns oneOffs,
            AppResources resources, ImageStore images, RouteControl router, GantryConfig config, CrashHistory crashes,
            AppLogStore logs, StorageService storage, ServiceLinks services) {
        this.nodes = nodes;
        this.apps = apps;
        this.locks = locks;
        this.watch = watch;
        this.oneOffs = oneOffs;
        this.resources = resources;
        this.images = images;
        this.router = router;
        this.config = config;
        this.crashes = crashes;
        this.logs = logs;
        this.storage = storage;
        this.services = services;
    }

    /** @param removeStorage also delete the app's volumes and their data; otherwise they are kept (and named) */
    public void destroy(String name, boolean removeStorage, LineSink progress) {
        try (AppLocks.Held lock = locks.acquire(name, progress)) {
            List<String> volumes = storage.list(name).stream().map(StorageService.StorageView::volume).toList();
            watch.stopWatching(name);
            router.removeRoute(name);
            progress.line("Stopping the app's instances");
            nodes.keepOnly(name, Set.of(), STOP_GRACE).forEach(instance -> progress.line("Stopped " + instance));
            // One-off runs are no instances, so the runner leaves them: one still attached to its caller goes here.
            for (RunningContainer run : oneOffs.list(InstanceLabels.appOf(name))) {
                progress.line("Stopping " + run.name());
                oneOffs.remove(run.id(), STOP_GRACE);
            }
            services.appDestroyed(name);
            try {
                resources.removeNetwork(AppNetwork.of(name));
            } catch (IllegalStateException stillAttached) {
                progress.line("Kept " + stillAttached.getMessage() + " ('docker network rm " + AppNetwork.of(name)
                        + "' removes it once that container is gone)");
            }
            apps.delete(name);
            for (String volume : volumes) {
                if (removeStorage) {
                    progress.line("Deleting volume " + volume);
                    resources.removeVolume(volume);
                } else {
                    progress.line("Kept volume " + volume + " and its data (apps:destroy --storage deletes it;"
                            + " so does 'docker volume rm " + volume + "')");
                }
            }
            crashes.forgetApp(name);
            logs.delete(name);
            deleteRepository(config.home().resolve("repos").resolve(name + ".git"));
            // Removing every tag of the app's repository removes its builds and the stages kept for the next one.
            images.tagsIn(ImageBuilder.repository(name)).forEach(images::remove);
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
