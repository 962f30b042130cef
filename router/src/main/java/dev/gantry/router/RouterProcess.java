package dev.gantry.router;

import dev.gantry.common.ProcessLock;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The life of a router process, built so that a restart drops no request: the new process starts
 * beside the old one and both serve the public port (SO_REUSEPORT) until the old one has stopped.
 *
 * <ol>
 *   <li>{@link #serve}: listen on the public port with the saved table, then signal readiness
 *       ({@link ReadyFile}).</li>
 *   <li>{@link #takeOverRoutes}: wait for the {@link ProcessLock} on the route table, held by the router being replaced
 *       until it stops; then read the table again (it may have changed meanwhile) and open the admin
 *       interface, so that route changes always have exactly one taker.</li>
 *   <li>{@link #stop} (on SIGTERM): close the admin interface, refuse route changes and let go of the
 *       lock, then stop serving without cutting a request ({@link Router#shutdown}).</li>
 * </ol>
 */
final class RouterProcess {

    private static final Logger LOG = Logger.getLogger(RouterProcess.class);

    private final Vertx vertx;
    private final Router router;
    private final RouterAdminServer admin;
    private final ReadyFile ready;
    private final Path lockFile;
    private ProcessLock lock;
    private boolean stopping;

    RouterProcess(Vertx vertx, Router router, RouterAdminServer admin, Path gantryHome) {
        this.vertx = vertx;
        this.router = router;
        this.admin = admin;
        this.ready = new ReadyFile(gantryHome);
        this.lockFile = gantryHome.resolve("router").resolve("routes.lock");
    }

    synchronized void serve() {
        router.start();
        ready.markReady();
    }

    /**
     * Returns once this process takes route changes; waits up to {@code wait} for the router it
     * replaces to stop taking them.
     */
    void takeOverRoutes(Duration wait) {
        ProcessLock taken = ProcessLock.acquire(lockFile, wait, () -> LOG.infof(
                "Another router holds %s: serving beside it until it stops, then taking over its routes", lockFile))
                .orElseThrow(() -> new IllegalStateException(lockFile + " is still locked by another router after "
                        + wait.toSeconds() + " s: stop that router first (./gantry restart-router stops the old one for you)"));
        synchronized (this) {
            if (stopping) {
                taken.close();
                return;
            }
            lock = taken;
            router.reloadRoutes();
            admin.start();
        }
    }

    /** Stops without cutting a request: in-flight requests get up to {@code drain} to finish. */
    synchronized void stop(Duration drain) {
        stopping = true;
        admin.close();
        router.stopRouteChanges();
        if (lock != null) {
            lock.close();
        }
        ready.withdraw();
        try {
            router.shutdown(drain);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the router did not stop cleanly: " + e, e);
        }
    }
}
