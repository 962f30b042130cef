package dev.gantry.control.instances;

import dev.gantry.control.domain.DeployPolicy;
import dev.gantry.node.NodeRunner;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.RouteControl;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes instances that no longer receive traffic out of service: waits for their in-flight
 * requests (drain), then SIGTERM and, after the grace period, SIGKILL. It runs after the switch,
 * in the background, so a deploy is done as soon as the new release serves.
 */
@ApplicationScoped
public class InstanceRetirer {

    private static final Logger LOG = Logger.getLogger(InstanceRetirer.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 15;

    private final Set<String> retiring = ConcurrentHashMap.newKeySet();
    private final RouteControl router;
    private final NodeRunner nodes;
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "instance-retirer");
        thread.setDaemon(true);
        return thread;
    });

    InstanceRetirer(RouteControl router, NodeRunner nodes) {
        this.router = router;
        this.nodes = nodes;
    }

    /** The instances must already be out of the route: nothing new reaches them. */
    public void retire(List<AppInstance> instances, DeployPolicy policy) {
        if (!instances.isEmpty()) {
            instances.forEach(instance -> retiring.add(instance.id()));
            background.execute(() -> drainAndStop(instances, policy));
        }
    }

    /** Whether the container is draining or stopping: it still runs, but no longer counts as serving. */
    public boolean isRetiring(String containerId) {
        return retiring.contains(containerId);
    }

    private void drainAndStop(List<AppInstance> instances, DeployPolicy policy) {
        List<Backend> backends = instances.stream().filter(AppInstance::routable).map(AppInstance::backend).toList();
        router.drain(backends, policy.drainTimeout()).join();
        for (AppInstance instance : instances) {
            try {
                nodes.remove(instance.id(), policy.stopGrace());
            } catch (RuntimeException e) {
                LOG.warnf("could not stop retired instance %s: %s; it is removed at the next start", instance.name(),
                        e.getMessage());
            } finally {
                retiring.remove(instance.id());
            }
        }
    }

    /**
     * Gives retirements under way a moment to finish when Gantry stops; whatever is left is
     * removed at the next start, since it belongs to no current release.
     */
    @PreDestroy
    void finishRetirements() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
