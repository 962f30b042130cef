package dev.gantry.control.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Gantry as {@code ./gantry up} runs it: the router and the node runner as their own processes and
 * the packaged control plane ({@code quarkus-run.jar}), on free ports with their own data dir, so that
 * a test can stop, kill and restart any one of them.
 */
final class GantryProcess implements AutoCloseable {

    private static final Random RANDOM = new Random();

    final Path home;
    /** Plain HTTP, on loopback only: what tests talk to unless they test TLS. */
    final int apiPort;
    /** HTTPS on every address, with a certificate of Gantry's API CA ({@code home/tls/ca.crt}). */
    final int publicApiPort;
    final int sshPort;
    final int routerPort;
    final int routerHttpsPort;
    final int routerAdminPort;
    final int nodeRunnerPort;
    private final Map<String, String> extraEnv;
    private final Path appDir = Path.of(System.getProperty("gantry.app.dir"));
    private Process router;
    private Process nodeRunner;
    private Process controlPlane;

    GantryProcess(Path home) {
        this(home, Map.of());
    }

    /** With {@code extraEnv} on top of the defaults, e.g. an external database or another engine. */
    GantryProcess(Path home, Map<String, String> extraEnv) {
        this.home = home;
        this.extraEnv = new HashMap<>(extraEnv);
        this.apiPort = freePort();
        this.publicApiPort = freePort();
        this.sshPort = freePort();
        this.routerPort = freePort();
        this.routerHttpsPort = freePort();
        this.routerAdminPort = freePort();
        this.nodeRunnerPort = freePort();
    }

    /** Sets {@code name} for the processes started from now on, e.g. before {@link #startControlPlane()}. */
    void putEnv(String name, String value) {
        extraEnv.put(name, value);
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Map.of(
                "GANTRY_HOME", home.toString(),
                "GANTRY_API_PORT", Integer.toString(publicApiPort),
                "GANTRY_API_LOCAL_PORT", Integer.toString(apiPort),
                "GANTRY_SSH_PORT", Integer.toString(sshPort),
                "GANTRY_ROUTER_PORT", Integer.toString(routerPort),
                "GANTRY_ROUTER_HTTPS_PORT", Integer.toString(routerHttpsPort),
                "GANTRY_ROUTER_ADMIN_PORT", Integer.toString(routerAdminPort),
                "GANTRY_NODE_RUNNER_PORT", Integer.toString(nodeRunnerPort),
                "GANTRY_SSH_BIND_HOST", "127.0.0.1",
                "GANTRY_ROUTER_BIND_HOST", "127.0.0.1"));
        env.putAll(extraEnv);
        return env;
    }

    /**
     * Starts the router, the node runner when it is a process of its own ({@code GANTRY_NODE_MODE=process};
     * by default the control plane runs it inside), and the control plane; if one fails, nothing it
     * started is left running.
     */
    void start() throws IOException, InterruptedException {
        try {
            startRouter();
            if ("process".equals(env().get("GANTRY_NODE_MODE"))) {
                startNodeRunner();
            }
            startControlPlane();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            stop();
            throw e;
        }
    }

    void startRouter() throws IOException, InterruptedException {
        router = launch(javaCommand("router", "-cp", classpath(), "dev.gantry.router.RouterMain"), "router.log");
        awaitPort(router, routerPort, "router.log");
    }

    /**
     * A router as on another host: its own {@code otherHome} and ports on 127.0.0.1, the admin token
     * copied from this Gantry's (as the playbook copies it); log in {@code otherHome/router.log}.
     */
    Process startRouterBeside(Path otherHome, int port, int adminPort) throws IOException, InterruptedException {
        Path token = otherHome.resolve("router").resolve("admin-token");
        Files.createDirectories(token.getParent());
        Files.copy(home.resolve("router").resolve("admin-token"), token, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = new HashMap<>(env());
        env.putAll(Map.of("GANTRY_HOME", otherHome.toString(), "GANTRY_ROUTER_PORT", Integer.toString(port),
                "GANTRY_ROUTER_HTTPS_PORT", "0", "GANTRY_ROUTER_ADMIN_PORT", Integer.toString(adminPort)));
        Process beside = launch(javaCommand("router", "-cp", classpath(), "dev.gantry.router.RouterMain"), env,
                otherHome.resolve("router.log"));
        awaitPort(beside, adminPort, otherHome.resolve("router.log"));
        return beside;
    }

    void startNodeRunner() throws IOException, InterruptedException {
        nodeRunner = launch(javaCommand("node-runner", "-cp", classpath(), "dev.gantry.node.agent.NodeAgentMain"),
                "node-runner.log");
        awaitPort(nodeRunner, nodeRunnerPort, "node-runner.log");
    }

    /** SIGKILL: the node runner gets no chance to finish anything, as after a crash or the OOM killer. */
    void killNodeRunner() throws InterruptedException {
        nodeRunner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        nodeRunner = null;
    }

    String nodeRunnerLog() throws IOException {
        return Files.readString(home.resolve("node-runner.log"));
    }

    void startControlPlane() throws IOException, InterruptedException {
        controlPlane = launch(javaCommand("control-plane", "-jar", appDir.resolve("quarkus-run.jar").toString()), "gantry.log");
        awaitStatus();
        // The loopback API answers a moment before the public HTTPS port is bound: a test may go there first.
        awaitPort(controlPlane, publicApiPort, "gantry.log");
    }

    /** SIGTERM to each that runs, control plane first, as ./gantry down does. */
    void stop() throws InterruptedException {
        stopControlPlane();
        nodeRunner = terminate(nodeRunner);
        router = terminate(router);
    }

    void stopControlPlane() throws InterruptedException {
        controlPlane = terminate(controlPlane);
    }

    /** SIGKILL: no shutdown hooks, nothing cleaned up, as after a crash or the OOM killer. */
    void killControlPlane() throws InterruptedException {
        controlPlane.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        controlPlane = null;
    }

    void restartRouter() throws IOException, InterruptedException {
        router = terminate(router);
        startRouter();
    }

    /**
     * Restarts the router without dropping a request, as {@code ./gantry restart-router} does: a new
     * router process starts beside the running one (both listen on the port with SO_REUSEPORT), and
     * once it is ready the old one gets SIGTERM, finishes its requests in flight and exits.
     */
    void handOverRouter() throws IOException, InterruptedException {
        Process old = router;
        startRouter();
        awaitRouterReady(router);
        terminate(old);
        // The new router opens its admin interface once the old one has let go of the route table.
        awaitPort(router, routerAdminPort, "router.log");
    }

    /** Until the router names itself in GANTRY_HOME/run/router.ready, which it writes once it serves. */
    private void awaitRouterReady(Process process) throws IOException, InterruptedException {
        Path ready = home.resolve("run").resolve("router.ready");
        String pid = Long.toString(process.pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("router.log: the new router exited during start:\n"
                        + Files.readString(home.resolve("router.log")));
            }
            if (Files.exists(ready) && Files.readString(ready).trim().equals(pid)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("router.log: the new router was not ready within 60 s");
    }

    /** The processes by the name of their module, while they run. */
    Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> running = new TreeMap<>();
        if (router != null) {
            running.put("router", router.toHandle());
        }
        if (nodeRunner != null) {
            running.put("node-runner", nodeRunner.toHandle());
        }
        if (controlPlane != null) {
            running.put("control-plane", controlPlane.toHandle());
        }
        return running;
    }

    /**
     * The JVM options ./gantry up starts {@code module}'s process with, asked of ./gantry itself (its
     * java_options: {@code module/jvm.options}), then {@code args}: the tests run what a host runs.
     */
    private static List<String> javaCommand(String module, String... args) throws IOException, InterruptedException {
        Path repo = Path.of(System.getProperty("gantry.repo.root"));
        Process options = new ProcessBuilder("bash", "-c", "source \"$0/gantry\" && java_options \"$1\" ''",
                repo.toString(), module).redirectErrorStream(true).start();
        String output = new String(options.getInputStream().readAllBytes()).trim();
        if (options.waitFor() != 0) {
            throw new AssertionError("./gantry's java_options " + module + " failed: " + output);
        }
        List<String> command = new ArrayList<>(List.of(output.split("\\s+")));
        command.addAll(List.of(args));
        return command;
    }

    /** The packaged control plane's jars, which hold the router's and the node runner's mains too. */
    private String classpath() {
        return appDir.resolve("lib/boot") + "/*:" + appDir.resolve("lib/main") + "/*";
    }

    String log() throws IOException {
        return Files.readString(home.resolve("gantry.log"));
    }

    private Process launch(List<String> javaArgs, String logName) throws IOException {
        return launch(javaArgs, env(), home.resolve(logName));
    }

    private static Process launch(List<String> javaArgs, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        // As ./gantry's spawn_java sets it.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    static Process terminate(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        return null;
    }

    private void awaitPort(Process process, int port, String logName) throws IOException, InterruptedException {
        awaitPort(process, port, home.resolve(logName));
    }

    private static void awaitPort(Process process, int port, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(log + ": exited during start:\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError(log + ": not listening on " + port + " within 60 s");
    }

    private void awaitStatus() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/v1/status"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!controlPlane.isAlive()) {
                throw new AssertionError("Gantry exited during start:\n" + log());
            }
            try {
                if (client.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Gantry did not answer within 120 s:\n" + log());
    }

    /**
     * A free port below the kernel's ephemeral range (32768+), where the engine also publishes
     * containers: a port picked there can be taken by an app instance before Gantry binds it.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000 on 127.0.0.1");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
