package dev.gantry.router;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GET requests through the router in a loop, from a number of keep-alive clients (one connection
 * each, one thread each), recording every outcome. Bounded, as every load loop here must be: each
 * client stops after {@link #MAX_REQUESTS_PER_CLIENT} requests or {@link #MAX_SECONDS}, or at {@link #stop()}.
 */
final class LoadLoop {

    static final int MAX_REQUESTS_PER_CLIENT = 20_000;
    static final long MAX_SECONDS = 30;

    /** One request: when it started and ended, and its status and body, or the error instead (status -1). */
    record Result(long startNanos, long endNanos, int status, String body, String error) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Queue<Result> results = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private LoadLoop() {
    }

    /** Starts {@code clients} clients sending {@code GET path} with {@code Host: host} to the router's port. */
    static LoadLoop start(int clients, int routerPort, String host, String path) {
        LoadLoop loop = new LoadLoop();
        for (int i = 0; i < clients; i++) {
            TestClient client = new TestClient(routerPort);
            Thread thread = new Thread(() -> loop.run(client, host, path), "load-" + i);
            loop.threads.add(thread);
            thread.start();
        }
        return loop;
    }

    int count() {
        return results.size();
    }

    /** Waits until {@code more} requests beyond those done so far have completed, or the loop ended. */
    void awaitMore(int more) throws InterruptedException {
        int target = count() + more;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        while (count() < target && threads.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Stops the clients and returns every result, in no particular order. */
    List<Result> stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(MAX_SECONDS));
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not end");
            }
        }
        return List.copyOf(results);
    }

    private void run(TestClient client, String host, String path) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && !stop.get() && System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.get(host, path);
                results.add(new Result(start, System.nanoTime(), response.statusCode(), response.body(), null));
            } catch (Exception e) {
                results.add(new Result(start, System.nanoTime(), -1, null, e.toString()));
            }
        }
    }
}
