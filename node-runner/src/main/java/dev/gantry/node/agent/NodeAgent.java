package dev.gantry.node.agent;

import dev.gantry.common.ProcessLock;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.RunningContainer;
import dev.gantry.service.ServiceJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A node's runner: holds the desired instances ({@link DesiredInstances}, saved on every change) and
 * reconciles the engine against them, in the manner of Nomad's client. Placing an instance starts it;
 * every pass of the loop then compares desired with the containers labelled as instances:
 *
 * <ul>
 * <li>desired and there: left exactly as it is, so a restart of the runner restarts nothing;</li>
 * <li>there, of a known app, and not desired: stopped and removed (a removal a crash cut short, a
 *     rollout's instance the control plane gave up on);</li>
 * <li>desired and gone (removed behind Gantry's back): forgotten, so the control plane, which sees
 *     the slot empty, starts a replacement and health-checks it before it joins the route.</li>
 * </ul>
 *
 * The runner never restarts an exited instance by itself: it reports it, and the control plane decides
 * (crash backoff). Containers of apps it was never told about are left alone.
 */
public final class NodeAgent implements NodeRunner, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NodeAgent.class);

    private final ContainerEngine engine;
    private final ProcessLock lock;
    private final DesiredInstances desired;
    private final String node;
    private final long pid;
    private final Instant startedAt = Instant.now();
    private final Set<String> placing = ConcurrentHashMap.newKeySet();
    private final Set<String> removing = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> placementLocks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(daemon("node-reconcile"));
    private final ExecutorService stops = Executors.newCachedThreadPool(daemon("node-stop"));

    private NodeAgent(ContainerEngine engine, ProcessLock lock, DesiredInstances desired, String node, long pid) {
        this.engine = engine;
        this.lock = lock;
        this.desired = desired;
        this.node = node;
        this.pid = pid;
    }

    /**
     * A runner over {@code engine} whose desired instances live in {@code stateFile} (read now, so a
     * restarted runner carries on where the last one stopped). {@code pid} is 0 inside the control plane.
     * Refused while another runner has the same file open: two runners reconciling the same desired set
     * against one engine would each remove what the other just started, as a host running the node
     * runner inside the control plane and as its own process at once would.
     */
    public static NodeAgent open(ContainerEngine engine, Path stateFile, String node, long pid) {
        ProcessLock lock = ProcessLock.acquire(stateFile.resolveSibling(stateFile.getFileName() + ".lock"),
                Duration.ZERO, () -> { }).orElseThrow(() -> new IllegalStateException(
                        "another node runner already runs the instances saved in " + stateFile + ". Run one per host:"
                        + " inside the control plane (GANTRY_NODE_MODE=embedded, the default) or as its own process"
                        + " (GANTRY_NODE_MODE=process, gantry-node-runner.service), and stop the other"));
        try {
            return new NodeAgent(engine, lock, DesiredInstances.load(stateFile, ServiceJson.MAPPER), node, pid);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Runs a reconcile pass now and then every {@code period}. */
    public NodeAgent start(Duration period) {
        loop.scheduleWithFixedDelay(this::reconcileQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public RunningContainer place(ContainerSpec spec) {
        String app = spec.instanceApp();
        synchronized (placementLocks.computeIfAbsent(spec.name(), name -> new Object())) {
            try {
                Optional<RunningContainer> already = alreadyPlaced(spec.name());
                return already.isPresent() ? already.get() : start(app, spec);
            } finally {
                placementLocks.remove(spec.name());
            }
        }
    }

    /** Desired first, then started: a crash in between leaves a name the next placement or pass resolves. */
    private RunningContainer start(String app, ContainerSpec spec) {
        placing.add(spec.name());
        try {
            desired.put(app, new DesiredInstances.Instance(spec.name(), null));
            RunningContainer started = engine.start(spec);
            desired.put(app, new DesiredInstances.Instance(spec.name(), started.id()));
            LOG.infof("%s: started %s on port %d", app, spec.name(), started.hostPort());
            return started;
        } catch (RuntimeException e) {
            desired.remove(spec.name());
            throw e;
        } finally {
            placing.remove(spec.name());
        }
    }

    /**
     * The container of a name placed before, when it has started: a repeated placement (the caller
     * did not get the first answer) must not start a second one. A container created but never
     * started (a crash between the two) is removed and started afresh.
     */
    private Optional<RunningContainer> alreadyPlaced(String name) {
        if (desired.find(name).isEmpty()) {
            return Optional.empty();
        }
        Optional<RunningContainer> existing = engine.inspect(name);
        if (existing.isPresent() && existing.get().startedAt() == null) {
            engine.stopAndRemove(existing.get().id(), Duration.ZERO);
            return Optional.empty();
        }
        return existing;
    }

    @Override
    public void remove(String container, Duration grace) {
        desired.remove(container);
        engine.stopAndRemove(container, grace);
    }

    @Override
    public List<RunningContainer> instances(Map<String, String> labels) {
        // With no label to match (the control plane's collector asks so), the engine lists instances
        // alone rather than every container of the host, each of which is then inspected.
        List<RunningContainer> containers = labels.isEmpty() ? engine.listLabelled(NodeLabels.INSTANCE)
                : engine.list(labels);
        return containers.stream().filter(NodeAgent::isInstance).toList();
    }

    @Override
    public Optional<RunningContainer> instance(String container) {
        return engine.inspect(container).filter(NodeAgent::isInstance);
    }

    @Override
    public List<String> keepOnly(String app, Set<String> names, Duration grace) {
        List<DesiredInstances.Instance> kept = new ArrayList<>();
        List<RunningContainer> unwanted = new ArrayList<>();
        for (RunningContainer container : instances(Map.of(NodeLabels.APP, app))) {
            if (names.contains(container.name()) || placing.contains(container.name())) {
                kept.add(new DesiredInstances.Instance(container.name(), container.id()));
            } else {
                unwanted.add(container);
            }
        }
        desired.replace(app, kept);
        CompletableFuture.allOf(unwanted.stream()
                .map(container -> CompletableFuture.runAsync(() -> stop(app, container, grace), stops))
                .toArray(CompletableFuture[]::new)).join();
        return unwanted.stream().map(RunningContainer::name).toList();
    }

    @Override
    public NodeStatus status() {
        return new NodeStatus(node, pid, startedAt, desired.appCount(), desired.instanceCount());
    }

    /** One pass of the loop; returns what it removed and forgot, for tests and the log. */
    Pass reconcile() {
        List<String> removed = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        for (String app : desired.knownApps()) {
            List<RunningContainer> containers = instances(Map.of(NodeLabels.APP, app));
            Set<String> present = new HashSet<>();
            for (RunningContainer container : containers) {
                present.add(container.name());
                if (desired.find(container.name()).isEmpty() && !placing.contains(container.name())
                        && removing.add(container.name())) {
                    removed.add(container.name());
                    stops.execute(() -> {
                        try {
                            stop(app, container, NodeLabels.stopGrace(container.labels()));
                        } finally {
                            removing.remove(container.name());
                        }
                    });
                }
            }
            for (DesiredInstances.Instance instance : desired.of(app)) {
                // Looked up once more by name: the listing may predate a placement that finished since.
                if (!present.contains(instance.name()) && !placing.contains(instance.name())
                        && engine.inspect(instance.name()).isEmpty()) {
                    desired.remove(instance.name());
                    forgotten.add(instance.name());
                    LOG.warnf("%s: %s is gone from the engine; forgotten (the control plane starts a replacement)",
                            app, instance.name());
                }
            }
        }
        return new Pass(removed, forgotten);
    }

    record Pass(List<String> removed, List<String> forgotten) {
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.warnf("reconcile pass failed: %s", e.getMessage());
        }
    }

    private void stop(String app, RunningContainer container, Duration grace) {
        LOG.infof("%s: removing %s: no release wants it", app, container.name());
        engine.stopAndRemove(container.id(), grace);
    }


    /**
     * A container labelled as an instance, but neither a one-off run nor a task the cluster runs on this
     * host (the cluster's manager keeps those, under names of its own).
     */
    private static boolean isInstance(RunningContainer container) {
        return container.labels().containsKey(NodeLabels.INSTANCE) && !container.labels().containsKey(NodeLabels.ONE_OFF)
                && !container.labels().containsKey(NodeLabels.CLUSTER_TASK);
    }

    /**
     * Stops the loop; the instances keep running, which is the point of a runner of their own. The
     * state file is let go once a pass under way has ended, so the next runner starts from what it saved.
     */
    @Override
    public void close() {
        loop.shutdownNow();
        stops.shutdown();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.close();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
