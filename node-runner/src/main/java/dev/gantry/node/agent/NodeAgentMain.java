package dev.gantry.node.agent;

import dev.gantry.common.JbossLogManager;
import dev.gantry.node.docker.DockerEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The node runner as its own process ({@code GANTRY_NODE_MODE=process}): it owns the instances on this node, so the control plane (and
 * the router) can restart, crash or be upgraded while every instance keeps running untouched, and a
 * restart of the runner itself restarts nothing either: it reads back what it was told and carries on.
 *
 * <pre>
 * GANTRY_NODE_MODE                embedded    it runs only when this is process (else the control plane runs it)
 * GANTRY_HOME                     /var/lib/gantry
 *     node/token                  the node token (made with mode 0600 if missing)
 *     node/desired.json           the desired instances, saved after every change
 * GANTRY_NODE_RUNNER_PORT         8082        its HTTP interface
 * GANTRY_NODE_RUNNER_BIND_HOST    127.0.0.1   the node's own address when the control plane is elsewhere
 * GANTRY_NODE_NAME                host name   how the control plane names this node
 * DOCKER_HOST                     unix:///var/run/docker.sock
 * </pre>
 */
public final class NodeAgentMain {

    private static final Duration RECONCILE_PERIOD = Duration.ofSeconds(2);

    private NodeAgentMain() {
    }

    public static void main(String[] args) {
        configureLogging();
        Logger log = Logger.getLogger(NodeAgentMain.class.getName());
        Map<String, String> env = System.getenv();
        String mode = env.getOrDefault("GANTRY_NODE_MODE", "embedded");
        if (!mode.equals("process")) {
            // Exits 0, so that a unit left enabled from before is not restarted over and over.
            log.warning("Not started: GANTRY_NODE_MODE is " + mode + ", so the control plane runs the node runner"
                    + " itself. Set GANTRY_NODE_MODE=process for both to run it as its own process, or disable this"
                    + " one: systemctl disable --now gantry-node-runner");
            return;
        }
        try {
            Path home = Path.of(env.getOrDefault("GANTRY_HOME", "/var/lib/gantry"));
            String bindHost = env.getOrDefault("GANTRY_NODE_RUNNER_BIND_HOST", "127.0.0.1");
            int port = port(env.get("GANTRY_NODE_RUNNER_PORT"));
            long pid = ProcessHandle.current().pid();
            DockerEngine engine = DockerEngine.fromEnvironment();
            NodeAgent agent = NodeAgent.open(engine, home.resolve("node").resolve("desired.json"), nodeName(env), pid);
            NodeAgentServer server = NodeAgentServer.start(agent, NodeToken.readOrCreate(home), bindHost, port);
            agent.start(RECONCILE_PERIOD);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                agent.close();
                log.info("Stopped (pid " + pid + "); the instances keep running");
            }, "node-runner-stop"));
            log.info("Gantry node runner " + agent.status().node() + " on " + bindHost + ":" + server.port()
                    + ", engine " + engine.dockerHost() + ", " + agent.status().desiredInstances()
                    + " desired instance(s) of " + agent.status().apps() + " app(s), pid " + pid);
        } catch (RuntimeException e) {
            log.severe("The node runner could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return 8082;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("GANTRY_NODE_RUNNER_PORT: must be a port 0..65535, was '" + value + "'");
    }

    private static String nodeName(Map<String, String> env) {
        String name = env.get("GANTRY_NODE_NAME");
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }

    /**
     * One line per record on stderr, as the other Gantry processes write: jboss-logging would otherwise
     * pick the JBoss LogManager from the class path, which nobody configures outside Quarkus.
     */
    private static void configureLogging() {
        System.setProperty("org.jboss.logging.provider", "jdk");
        JbossLogManager.chooseWhenPresent();
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tH:%1$tM:%1$tS %4$-5s [%3$s] %5$s%6$s%n");
        LogManager.getLogManager().reset();
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(handler);
    }
}
