package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.ImagePullFailedException;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.RegistryLogin;
import dev.gantry.node.RunningContainer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link NodeRunner} over Docker Swarm, through the manager's engine: each instance is a service of one
 * task, not one service per process type, because Gantry starts, health-checks, routes and retires
 * instances one slot at a time (a cutover runs the old and the new release side by side; a restart
 * replaces one slot while the others serve), which a service's own rolling update would do its way.
 * Tasks are never restarted by Swarm (restart condition {@code none}): a crashed or lost instance is
 * the control plane's to replace, with its backoff and health gate.
 *
 * <p>Swarm's scheduler places each task (on the ready host running the fewest, unless constraints say
 * otherwise); an instance with volumes, or whose image the registry does not hold (a build from before
 * the cluster), stays on this host, where its volumes and image are. The desired state is Swarm's own,
 * kept by its managers, so nothing here needs saving and a restart of the control plane finds every
 * service as it was. An instance is reported by its service's id, the instance's name, the address
 * of the host its task runs on and the port it is published at there ({@link SwarmHostPorts}).
 */
public final class SwarmRunner implements NodeRunner {

    private static final Logger LOG = Logger.getLogger(SwarmRunner.class);
    private static final Duration POLL = Duration.ofMillis(250);
    /** A task still waiting for a host after this cannot be placed: no ready host satisfies its constraints. */
    static final Duration UNPLACED_LIMIT = Duration.ofSeconds(20);
    /** Pulling a large image to a new host may take minutes; beyond this, something else is wrong. */
    static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Set<String> UNPLACED = Set.of("new", "allocated", "pending");
    /** How an engine words a container create for an image it does not hold. */
    private static final String NO_SUCH_IMAGE = "No such image";

    private final DockerEngine engine;
    private final DockerSwarm swarm;
    private final Supplier<Optional<RegistryLogin>> registry;
    private final Instant startedAt = Instant.now();
    private final Set<String> placing = ConcurrentHashMap.newKeySet();
    private final Object hostPorts = new Object();

    /** {@code registry}: the cluster's registry, whose credentials every host pulls the instance's image with. */
    public SwarmRunner(DockerEngine engine, DockerSwarm swarm, Supplier<Optional<RegistryLogin>> registry) {
        this.engine = engine;
        this.swarm = swarm;
        this.registry = registry;
    }

    @Override
    public RunningContainer place(ContainerSpec spec) {
        spec.instanceApp();
        placing.add(spec.name());
        try {
            Optional<JsonNode> already = service(spec.name());
            if (already.isPresent()) {
                return view(already.get());
            }
            Optional<RegistryLogin> login = registry.get().filter(found -> found.holds(spec.image()));
            if (spec.network() != null && spec.network().overlay() != null) {
                engine.call(() -> {
                    AppNetworks.ensureOverlay(engine.client(), spec.network().overlay());
                    return null;
                });
            }
            String id;
            // Two placements at once (two apps' deploys) must not choose the same host port.
            synchronized (hostPorts) {
                int hostPort = spec.containerPort() == 0 ? 0
                        : SwarmHostPorts.free(SwarmInstanceView.list(engine.api().get("/services")));
                id = engine.api().post("/services/create", SwarmServiceSpec.of(spec, constraints(spec, login), hostPort),
                        login.map(SwarmRunner::authHeader).orElse(Map.of())).path("ID").asText();
            }
            return awaitStart(id, spec, login);
        } finally {
            placing.remove(spec.name());
        }
    }

    /**
     * Volumes live on this host (the control plane makes them on its engine), and an image outside the
     * registry exists only here: such an instance must run here.
     */
    private List<String> constraints(ContainerSpec spec, Optional<RegistryLogin> login) {
        List<String> constraints = new ArrayList<>();
        if (!spec.mounts().isEmpty() || login.isEmpty()) {
            constraints.add("node.id==" + swarm.selfId());
        }
        return constraints;
    }

    /** What the engine sends with the task, so that the host it lands on may pull from the registry. */
    static Map<String, String> authHeader(RegistryLogin login) {
        ObjectNode auth = JsonNodeFactory.instance.objectNode().put("username", login.user())
                .put("password", login.password()).put("serveraddress", login.address());
        return Map.of("X-Registry-Auth", Base64.getUrlEncoder().encodeToString(
                auth.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Waits until the service's task runs (and, for a web instance, has its port), and returns it. A task
     * that ran and exited at once is returned as it is, for the caller to report like any instance that
     * exited; one that never ran (its host could not pull the image, say) or that no host takes fails the
     * placement, naming the host and the reason, and the service is removed.
     */
    private RunningContainer awaitStart(String id, ContainerSpec spec, Optional<RegistryLogin> login) {
        Instant began = Instant.now();
        while (true) {
            Optional<JsonNode> task = SwarmInstanceView.current(tasks(List.of(id)));
            Duration waited = Duration.between(began, Instant.now());
            if (task.isPresent()) {
                JsonNode status = task.get().path("Status");
                String state = status.path("State").asText();
                if ("running".equals(state) && (spec.containerPort() == 0 || SwarmInstanceView.publishedPort(status) > 0)) {
                    return view(id);
                }
                if (SwarmInstanceView.ENDED.contains(state)) {
                    if (!status.path("ContainerStatus").path("ContainerID").asText("").isEmpty()) {
                        return view(id);
                    }
                    throw failed(id, spec, neverRan(task.get(), spec, login));
                }
                if (UNPLACED.contains(state) && waited.compareTo(UNPLACED_LIMIT) > 0) {
                    throw failed(id, spec, new ContainerStartFailedException("no host of the cluster takes " + spec.name()
                            + " (" + reason(status) + "). Check nodes: a ready host must satisfy the instance's placement", null));
                }
            }
            if (waited.compareTo(START_LIMIT) > 0) {
                throw failed(id, spec, new ContainerStartFailedException(spec.name() + " did not start within "
                        + START_LIMIT.toMinutes() + " minutes" + task.map(found -> " (" + onHost(found) + ": "
                        + reason(found.path("Status")) + ")").orElse(""), null));
            }
            pause();
        }
    }

    private ContainerStartFailedException failed(String id, ContainerSpec spec, ContainerStartFailedException failure) {
        try {
            engine.api().delete("/services/" + id);
        } catch (RuntimeException e) {
            LOG.warnf("could not remove the service of %s after its start failed: %s", spec.name(), e.getMessage());
        }
        return failure;
    }

    /**
     * A task that ended before its container existed. A host's engine that cannot pull logs why and goes on
     * to create the container, which then fails for want of the image: for an image the registry holds,
     * that means the host could not pull it, which is what the operator must hear (not the engine's words).
     */
    private ContainerStartFailedException neverRan(JsonNode task, ContainerSpec spec, Optional<RegistryLogin> login) {
        return neverRan(task.path("Status"), swarm.nodesById().get(task.path("NodeID").asText()), spec.name(), spec.image(), login);
    }

    /** {@code node}: the task's host, null when Swarm no longer knows it. */
    static ContainerStartFailedException neverRan(JsonNode status, ClusterNode node, String name, String image,
            Optional<RegistryLogin> login) {
        String host = described(node);
        String reason = reason(status);
        if (login.isPresent() && reason.contains(NO_SUCH_IMAGE)) {
            return new ImagePullFailedException(node == null ? "the host" : node.name(), login.get().address(),
                    host + " could not pull " + image + " from the registry at " + login.get().address());
        }
        return new ContainerStartFailedException(host + " could not start " + name + ": " + reason, null);
    }

    private String onHost(JsonNode task) {
        return described(swarm.nodesById().get(task.path("NodeID").asText()));
    }

    private static String described(ClusterNode node) {
        return node == null ? "the cluster" : node.name() + " (" + node.address() + ")";
    }

    private static String reason(JsonNode status) {
        String error = status.path("Err").asText("");
        return error.isBlank() ? status.path("State").asText() + ": " + status.path("Message").asText("") : error;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerStartFailedException("interrupted while waiting for an instance to start", e);
        }
    }

    /** Swarm stops the task with the grace the instance was placed with ({@link SwarmServiceSpec}), whatever {@code grace} says. */
    @Override
    public void remove(String container, Duration grace) {
        Optional<JsonNode> service = service(container);
        if (service.isEmpty()) {
            return;
        }
        try {
            engine.api().delete("/services/" + service.get().path("ID").asText());
        } catch (NotFoundException alreadyGone) {
            // the goal is reached
        }
    }

    @Override
    public List<RunningContainer> instances(Map<String, String> labels) {
        List<String> filters = labels.isEmpty() ? List.of(NodeLabels.INSTANCE)
                : labels.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue()).toList();
        return views(SwarmInstanceView.list(engine.api().get(EngineApi.filtered("/services", Map.of("label", filters)))));
    }

    @Override
    public Optional<RunningContainer> instance(String container) {
        return service(container).map(found -> views(List.of(found)).get(0));
    }

    @Override
    public List<String> keepOnly(String app, Set<String> names, Duration grace) {
        List<String> removed = new ArrayList<>();
        for (RunningContainer instance : instances(Map.of(NodeLabels.APP, app))) {
            if (!names.contains(instance.name()) && !placing.contains(instance.name())) {
                LOG.infof("%s: removing %s: no release wants it", app, instance.name());
                remove(instance.id(), grace);
                removed.add(instance.name());
            }
        }
        return removed;
    }

    @Override
    public NodeStatus status() {
        List<RunningContainer> all = instances(Map.of());
        return new NodeStatus("cluster", 0, startedAt,
                (int) all.stream().map(instance -> instance.labels().get(NodeLabels.APP)).distinct().count(), all.size());
    }

    /** A service by id, by service name, or by its instance's name (which a long one is not named after). */
    private Optional<JsonNode> service(String container) {
        try {
            return Optional.of(engine.api().get("/services/" + container));
        } catch (NotFoundException notByIdOrName) {
            return SwarmInstanceView.list(engine.api().get(EngineApi.filtered("/services",
                    Map.of("label", List.of(NodeLabels.INSTANCE + "=" + container))))).stream().findFirst();
        }
    }

    private RunningContainer view(String id) {
        return view(engine.api().get("/services/" + id));
    }

    private RunningContainer view(JsonNode service) {
        return views(List.of(service)).get(0);
    }

    /** Three calls for any number of services: the services given, their tasks, the hosts. */
    private List<RunningContainer> views(List<JsonNode> services) {
        if (services.isEmpty()) {
            return List.of();
        }
        Map<String, List<JsonNode>> tasks = tasks(services.stream().map(service -> service.path("ID").asText()).toList())
                .stream().collect(Collectors.groupingBy(task -> task.path("ServiceID").asText()));
        Map<String, ClusterNode> nodes = swarm.nodesById();
        return services.stream().map(service -> SwarmInstanceView.of(service,
                SwarmInstanceView.current(tasks.getOrDefault(service.path("ID").asText(), List.of())), nodes)).toList();
    }

    private List<JsonNode> tasks(List<String> serviceIds) {
        try {
            return SwarmInstanceView.list(engine.api().get(EngineApi.filtered("/tasks", Map.of("service", serviceIds))));
        } catch (NotFoundException oneRemovedSinceListed) {
            // The engine refuses the whole filter once one of its services is gone, as a retiring instance's
            // service is while a scale-down stops it in the background: the others' tasks are still wanted.
            Set<String> wanted = Set.copyOf(serviceIds);
            return SwarmInstanceView.list(engine.api().get("/tasks")).stream()
                    .filter(task -> wanted.contains(task.path("ServiceID").asText()))
                    .toList();
        }
    }
}
