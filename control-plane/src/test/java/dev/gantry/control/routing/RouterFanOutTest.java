package dev.gantry.control.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.BackendStats;
import dev.gantry.router.api.RouteControl;
import dev.gantry.router.api.RouterUnavailableException;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterFanOutTest {

    private static final Backend OLD = new Backend("10.0.0.5", 31001);
    private static final Backend NEW = new Backend("10.0.0.5", 31002);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final FakeRouter local = new FakeRouter();
    private final FakeRouter east = new FakeRouter();
    private final FakeRouter west = new FakeRouter();
    private RouterFanOut routers;

    @AfterEach
    void close() {
        if (routers != null) {
            routers.close();
        }
    }

    @Test
    void aRouteChangeReachesEveryRouterBeforeItReturns() {
        start();

        Set<Backend> removed = routers.setRoute(route("shop", NEW));

        assertEquals(Set.of(OLD), removed);
        for (FakeRouter router : List.of(local, east, west)) {
            assertEquals(List.of(NEW), router.routes().get("shop").backends());
        }
    }

    @Test
    void theDrainCompletesOnlyOnceEveryRouterHasDrained() {
        start();
        CompletableFuture<Void> eastDrained = new CompletableFuture<>();
        east.nextDrain = eastDrained;

        CompletableFuture<Void> drained = routers.drain(Set.of(OLD), DRAIN);

        assertTrue(local.drained.contains(OLD));
        assertFalse(drained.isDone(), "one router is still draining");
        eastDrained.complete(null);
        drained.join();
    }

    @Test
    void aRouterThatFailsToDrainDoesNotHoldUpTheCutover() {
        start();
        east.nextDrain = CompletableFuture.failedFuture(new RouterUnavailableException("east stopped", null));

        routers.drain(Set.of(OLD), DRAIN).join();

        assertEquals(List.of("west"), inStep());
    }

    @Test
    void aRouterThatIsDownDoesNotStopADeployAndGetsTheWholeTableWhenItIsBack() {
        start();
        TlsCertificate fallback = SelfSignedCertificates.generate(List.of("*.example.com"), 30);
        routers.setDefaultCertificate(fallback);
        east.down = true;

        routers.setRoute(route("shop", NEW));
        routers.setRoute(route("blog", NEW));
        routers.removeRoute("wiki");

        assertEquals(List.of("west"), inStep());
        assertEquals(List.of(OLD), east.table.get("shop").backends(), "a router out of step gets no changes");
        east.down = false;
        awaitTrue(() -> inStep().contains("east"));
        assertEquals(local.routes(), east.routes(), "routes it missed are set, routes gone are removed");
        assertEquals(fallback.fingerprint(), east.defaultCertificate.fingerprint());
    }

    @Test
    void aRouterOutOfStepSaysSinceWhenAndWhy() {
        start();
        east.down = true;
        Instant before = Instant.now();

        routers.setRoute(route("shop", NEW));

        RemoteRouter down = routers.remotes().get(0);
        assertEquals("east", down.address());
        assertFalse(down.inStep());
        assertFalse(down.since().isBefore(before));
        assertEquals("could not set the route of shop: the router does not answer", down.reason());
        east.down = false;
        awaitTrue(() -> routers.remotes().get(0).inStep());
        assertEquals(null, routers.remotes().get(0).reason());
    }

    @Test
    void aNameThatMovedToAnotherAppWhileARouterWasDownDoesNotBlockItsResync() {
        start();
        east.down = true;
        routers.removeRoute("wiki");
        routers.setRoute(new AppRoute("docs", Set.of("wiki.example.com"), List.of(NEW)));

        east.down = false;
        awaitTrue(() -> inStep().contains("east"));

        assertEquals(local.routes(), east.routes());
    }

    @Test
    void aChangeTheReferenceRefusesReachesNoOtherRouter() {
        start();

        assertThrows(IllegalArgumentException.class, () -> routers.setRoute(route("refused", NEW)));

        assertFalse(east.routes().containsKey("refused"));
        assertEquals(List.of("east", "west"), inStep());
    }

    @Test
    void statsAddUpOverAllRouters() {
        start();
        local.stats.put("shop", stats(3, new BackendStats(NEW, 1, 0, true)));
        east.stats.put("shop", stats(4, new BackendStats(NEW, 2, 1, false)));
        west.stats.put("blog", stats(5, new BackendStats(OLD, 0, 0, true)));

        Map<String, AppStats> total = routers.stats();

        assertEquals(7, total.get("shop").responses2xx());
        assertEquals(List.of(new BackendStats(NEW, 3, 1, true)), total.get("shop").backends());
        assertEquals(5, total.get("blog").responses2xx());
    }

    /** Three routers holding the same table (shop and wiki on OLD), both remotes in step. */
    private void start() {
        for (FakeRouter router : List.of(local, east, west)) {
            router.setRoute(route("shop", OLD));
            router.setRoute(new AppRoute("wiki", Set.of("wiki.example.com"), List.of(OLD)));
        }
        Map<String, RouteControl> remotes = new LinkedHashMap<>();
        remotes.put("east", east);
        remotes.put("west", west);
        routers = new RouterFanOut(local, remotes, Duration.ofMillis(50));
        awaitTrue(() -> inStep().size() == 2);
    }

    private List<String> inStep() {
        return routers.remotes().stream().filter(RemoteRouter::inStep).map(RemoteRouter::address).toList();
    }

    private static AppRoute route(String app, Backend backend) {
        return new AppRoute(app, Set.of(app + ".example.com"), List.of(backend));
    }

    private static AppStats stats(long ok, BackendStats backend) {
        return new AppStats(ok, 0, 0, 0, 0, 0, 0, 0, 0, List.of(backend), List.of());
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A router's table in memory; refuses the app "refused" and hostnames of another app, as the router does. */
    private static final class FakeRouter implements RouteControl {

        private final Map<String, AppRoute> table = new ConcurrentHashMap<>();
        final Map<String, AppStats> stats = new TreeMap<>();
        final Set<Backend> drained = ConcurrentHashMap.newKeySet();
        volatile boolean down;
        volatile CompletableFuture<Void> nextDrain;
        volatile TlsCertificate defaultCertificate;

        @Override
        public synchronized Set<Backend> setRoute(AppRoute route) {
            answer();
            if (route.app().equals("refused")) {
                throw new IllegalArgumentException("refused");
            }
            table.forEach((app, other) -> {
                if (!app.equals(route.app()) && other.hostnames().stream().anyMatch(route.hostnames()::contains)) {
                    throw new IllegalArgumentException("a hostname of " + route.app() + " belongs to " + app);
                }
            });
            AppRoute before = table.put(route.app(), route);
            Set<Backend> removed = new HashSet<>(before == null ? List.of() : before.backends());
            removed.removeAll(route.backends());
            return removed;
        }

        @Override
        public void setDefaultCertificate(TlsCertificate certificate) {
            answer();
            defaultCertificate = certificate;
        }

        @Override
        public CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout) {
            answer();
            drained.addAll(backends);
            CompletableFuture<Void> drain = nextDrain;
            return drain != null ? drain : CompletableFuture.completedFuture(null);
        }

        @Override
        public void removeRoute(String app) {
            answer();
            table.remove(app);
        }

        @Override
        public Map<String, AppRoute> routes() {
            answer();
            return new TreeMap<>(table);
        }

        @Override
        public Map<String, AppStats> stats() {
            answer();
            return stats;
        }

        private void answer() {
            if (down) {
                throw new RouterUnavailableException("the router does not answer", null);
            }
        }
    }
}
