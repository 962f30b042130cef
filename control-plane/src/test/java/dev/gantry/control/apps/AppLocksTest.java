package dev.gantry.control.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.ConflictException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AppLocksTest {

    private final AppLocks locks = new AppLocks();
    private final List<String> said = new CopyOnWriteArrayList<>();

    @Test
    void aSecondDeployIsRefusedAtOnceNamingWhoDeploysSinceWhen() {
        try (AppLocks.Held first = locks.acquireForDeploy("shop", "alice", said::add)) {
            ConflictException refused = assertThrows(ConflictException.class,
                    () -> locks.acquireForDeploy("shop", "bob", said::add));

            assertTrue(refused.getMessage().matches("a deploy of shop by alice is running since [0-2][0-9]:[0-5][0-9] UTC;"
                    + " push again when it ends"), refused.getMessage());
        }
        locks.acquireForDeploy("shop", "bob", said::add).close();
        assertEquals(List.of(), said, "nobody waited");
    }

    @Test
    void aDeployWaitsBehindAnotherKindOfChangeAndSaysSo() throws Exception {
        AppLocks.Held configChange = locks.acquire("shop", said::add);
        // A lock is released by the thread that holds it.
        CompletableFuture<Void> deploy = CompletableFuture.runAsync(
                () -> locks.acquireForDeploy("shop", "alice", said::add).close());
        while (said.isEmpty()) {
            Thread.sleep(10);
        }

        assertThrows(ConflictException.class, () -> locks.acquireForDeploy("shop", "bob", said::add),
                "one deploy at a time, even while it waits");
        configChange.close();
        deploy.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("-----> Another change of shop is running; waiting for it to finish"), said);
    }

    @Test
    void aMomentaryHoldByBackgroundWorkIsWaitedOutSilently() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> supervisorTick = CompletableFuture.runAsync(() -> {
            try (AppLocks.Held lock = locks.tryAcquire("shop").orElseThrow()) {
                held.countDown();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        held.await(5, TimeUnit.SECONDS);

        locks.acquire("shop", said::add).close();
        supervisorTick.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), said, "a wait of a moment is not news");
    }

    @Test
    void deploysOfDifferentAppsDoNotWaitForEachOther() {
        try (AppLocks.Held shop = locks.acquireForDeploy("shop", "alice", said::add);
                AppLocks.Held blog = locks.acquireForDeploy("blog", "alice", said::add)) {
            assertEquals(List.of(), said);
        }
    }
}
