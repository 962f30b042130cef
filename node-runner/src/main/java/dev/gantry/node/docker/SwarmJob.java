package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.RegistryLogin;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * A command run once on each of the cluster's workers, as a Swarm global job: one task per worker that
 * runs to its end. What the tasks printed comes back through the manager's service logs, and the
 * service is removed. So Gantry reaches the workers' engines without a process of its own there and
 * without opening their APIs: the job's container talks to its own host's engine through the socket
 * bound into it.
 *
 * <p>The command starts each line with its host's name and ends with {@code HOST done}. The manager's
 * service logs can lag behind a task's end, and leave out a host that reconnected lately (moby#33183):
 * the logs are read again until every ready worker has its {@code done} line or failed, the job runs
 * once more for the hosts still missing, and a host whose output never comes is reported as failed,
 * with why, not left out.
 */
final class SwarmJob {

    private static final Logger LOG = Logger.getLogger(SwarmJob.class);
    /** A job's tasks pull a small image once, then run for a second or two. */
    static final Duration LIMIT = Duration.ofSeconds(90);
    /** How long the logs are read again for a ready worker whose output is not there yet. */
    static final Duration OUTPUT_PATIENCE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_LINES = 200_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String JOB_LABEL = "gantry.job";

    /** Where a job's container finds its host's engine. */
    static final String ENGINE_SOCKET = "/var/run/docker.sock";

    /** What the tasks printed, each host's lines in order; the hosts whose task did not end well, with why. */
    record Outcome(List<String> lines, Map<String, String> failed) {
    }

    private final DockerEngine engine;
    private final DockerSwarm swarm;

    SwarmJob(DockerEngine engine, DockerSwarm swarm) {
        this.engine = engine;
        this.swarm = swarm;
    }

    /**
     * Runs {@code command} in {@code image} on every worker, with the host's engine socket ({@code hostSocket},
     * a path on the host that may name the host as {@code {{.Node.Hostname}}}) at {@link #ENGINE_SOCKET} and the
     * host's name in {@code GANTRY_HOST}, and waits up to {@link #LIMIT} for every task to end. A ready worker
     * whose output did not come (no task there, or its logs left out) gets the job once more.
     */
    Outcome run(String purpose, String image, List<String> command, String hostSocket, Optional<RegistryLogin> login) {
        removeLeftovers();
        Attempt first = attempt(purpose, image, command, hostSocket, login);
        if (first.missing().isEmpty()) {
            return new Outcome(first.lines(), first.failed());
        }
        LOG.infof("job %s: no output from %s; running it once more", purpose, first.missing());
        Attempt second = attempt(purpose, image, command, hostSocket, login);
        // A host's partial output of the first run is not mixed with its second.
        List<String> lines = new ArrayList<>(first.lines().stream()
                .filter(line -> !first.missing().contains(hostOf(line))).toList());
        Map<String, String> failed = new LinkedHashMap<>(first.failed());
        for (String host : first.missing()) {
            lines.addAll(second.lines().stream().filter(line -> host.equals(hostOf(line))).toList());
            if (second.failed().containsKey(host)) {
                failed.put(host, second.failed().get(host));
            } else if (second.missing().contains(host)) {
                failed.put(host, "its output did not come back through the manager's service logs, twice (they can"
                        + " leave out a host that reconnected lately); ask again");
            }
        }
        return new Outcome(lines, failed);
    }

    /** One run of the job: what came back, the hosts that failed, and the ready workers from which nothing came. */
    private record Attempt(List<String> lines, Map<String, String> failed, Set<String> missing) {
    }

    private Attempt attempt(String purpose, String image, List<String> command, String hostSocket,
            Optional<RegistryLogin> login) {
        Set<String> workers = readyWorkers();
        String name = "gantry-job-" + purpose + "-" + HexFormat.of().formatHex(randomBytes());
        String id = engine.api().post("/services/create", spec(name, image, command, hostSocket),
                login.map(SwarmRunner::authHeader).orElse(Map.of())).path("ID").asText();
        try {
            Map<String, String> failed = failures(awaitEnd(id));
            Instant until = Instant.now().plus(OUTPUT_PATIENCE);
            List<String> lines = output(id);
            Set<String> missing = missing(workers, failed.keySet(), lines);
            while (!missing.isEmpty() && Instant.now().isBefore(until)) {
                pause();
                lines = output(id);
                missing = missing(workers, failed.keySet(), lines);
            }
            return new Attempt(lines, failed, missing);
        } finally {
            try {
                engine.api().delete("/services/" + id);
            } catch (NotFoundException alreadyGone) {
                // the goal is reached
            } catch (RuntimeException e) {
                LOG.warnf("could not remove the job %s: %s", name, e.getMessage());
            }
        }
    }

    private Set<String> readyWorkers() {
        Set<String> workers = new TreeSet<>();
        swarm.nodes().stream().filter(node -> !node.manager() && node.state() == ClusterNode.State.READY)
                .forEach(node -> workers.add(node.name()));
        return workers;
    }

    /** Jobs a control plane stopped while they ran (it removes each one it waited for) are gone after this. */
    private void removeLeftovers() {
        Instant stale = Instant.now().minus(LIMIT.multipliedBy(2));
        for (JsonNode job : SwarmInstanceView.list(engine.api().get(EngineApi.filtered("/services",
                Map.of("label", List.of(JOB_LABEL)))))) {
            Instant created = ContainerViews.time(job.path("CreatedAt").asText(null));
            if (created != null && created.isBefore(stale)) {
                try {
                    engine.api().delete("/services/" + job.path("ID").asText());
                } catch (NotFoundException alreadyGone) {
                    // the goal is reached
                }
            }
        }
    }

    static ObjectNode spec(String name, String image, List<String> command, String hostSocket) {
        ObjectNode service = JSON.objectNode();
        service.put("Name", name);
        service.putObject("Labels").put(JOB_LABEL, "true");
        ObjectNode task = service.putObject("TaskTemplate");
        ObjectNode container = task.putObject("ContainerSpec");
        container.put("Image", image);
        ArrayNode args = container.putArray("Command");
        command.forEach(args::add);
        container.putArray("Env").add("GANTRY_HOST={{.Node.Hostname}}");
        container.putArray("Mounts").addObject().put("Type", "bind").put("Source", hostSocket).put("Target", ENGINE_SOCKET);
        task.putObject("RestartPolicy").put("Condition", "none");
        // The manager's disk is Gantry's own to look after, through its engine.
        task.putObject("Placement").putArray("Constraints").add("node.role==worker");
        service.putObject("Mode").putObject("GlobalJob");
        return service;
    }

    /** Waits until every task ended, or time is up; answers the tasks as they are then. */
    private List<JsonNode> awaitEnd(String id) {
        Instant until = Instant.now().plus(LIMIT);
        while (true) {
            List<JsonNode> tasks = SwarmInstanceView.list(engine.api().get(EngineApi.filtered("/tasks",
                    Map.of("service", List.of(id)))));
            if (!tasks.isEmpty() && tasks.stream().allMatch(SwarmJob::ended) || Instant.now().isAfter(until)) {
                return tasks;
            }
            pause();
        }
    }

    private static boolean ended(JsonNode task) {
        return SwarmInstanceView.ENDED.contains(task.path("Status").path("State").asText());
    }

    private List<String> output(String id) {
        String output = engine.tail(LogRequest.service(engine.client(), id), MAX_LINES);
        return output.isEmpty() ? List.of() : List.of(output.split("\n"));
    }

    /** The hosts whose task did not complete, with why. */
    private Map<String, String> failures(List<JsonNode> tasks) {
        Map<String, ClusterNode> nodes = swarm.nodesById();
        Map<String, String> failed = new LinkedHashMap<>();
        for (JsonNode task : tasks) {
            JsonNode status = task.path("Status");
            String state = status.path("State").asText();
            if (!"complete".equals(state)) {
                String why = status.path("Err").asText("");
                failed.put(host(task, nodes), ended(task)
                        ? (why.isBlank() ? state + ": " + status.path("Message").asText("") : why)
                        : "did not finish within " + LIMIT.toSeconds() + " s (" + state + ")");
            }
        }
        return failed;
    }

    private static String host(JsonNode task, Map<String, ClusterNode> nodes) {
        ClusterNode node = nodes.get(task.path("NodeID").asText());
        return node == null ? task.path("NodeID").asText("a host") : node.name();
    }

    /**
     * The hosts of {@code workers} that neither failed nor have their {@code HOST done} line among
     * {@code lines}: their task completed and its output is not there (yet), or they got no task.
     */
    static Set<String> missing(Set<String> workers, Set<String> failed, List<String> lines) {
        Set<String> missing = new TreeSet<>(workers);
        missing.removeAll(failed);
        lines.forEach(line -> {
            String[] words = line.trim().split(" ");
            if (words.length == 2 && "done".equals(words[1])) {
                missing.remove(words[0]);
            }
        });
        return missing;
    }

    private static String hostOf(String line) {
        String trimmed = line.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a job on the cluster's hosts", e);
        }
    }
}
