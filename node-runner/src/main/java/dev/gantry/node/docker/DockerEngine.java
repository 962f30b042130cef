package dev.gantry.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.node.BuiltImage;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerUsage;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.DiskUsage;
import dev.gantry.node.EngineInfo;
import dev.gantry.node.LogLine;
import dev.gantry.node.RegistryLogin;
import dev.gantry.node.RunningContainer;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** {@link ContainerEngine} over the Docker Engine HTTP API (Docker 20.10+ or Podman's compatible socket). */
public final class DockerEngine implements ContainerEngine, AutoCloseable {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    /** A build that runs longer is cancelled, so a hanging base-image pull cannot block a deploy forever. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofMinutes(30);

    private static final Logger LOG = Logger.getLogger(DockerEngine.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TAIL_TIMEOUT = Duration.ofSeconds(10);
    private static final String LOOPBACK = "127.0.0.1";

    private final String dockerHost;
    private final DockerHttpClient http;
    private final EngineApi api;
    private final Duration buildTimeout;
    private volatile DockerClient client;

    private DockerEngine(String dockerHost, Duration buildTimeout) {
        this.dockerHost = dockerHost;
        this.buildTimeout = buildTimeout;
        // No response timeout: builds, stops with a grace period and log reads legitimately take long.
        this.http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create(dockerHost))
                .connectionTimeout(CONNECT_TIMEOUT)
                .build();
        this.api = new EngineApi(http, dockerHost);
    }

    /** An engine at {@code dockerHost} (e.g. {@code unix:///var/run/docker.sock}); contacted on first use. */
    public static DockerEngine connect(String dockerHost) {
        return connect(dockerHost, DEFAULT_BUILD_TIMEOUT);
    }

    public static DockerEngine connect(String dockerHost, Duration buildTimeout) {
        String host = dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : dockerHost.strip();
        return new DockerEngine(host, buildTimeout);
    }

    /** The engine named by {@code DOCKER_HOST}, or the local socket. */
    public static DockerEngine fromEnvironment() {
        return connect(System.getenv("DOCKER_HOST"));
    }

    public String dockerHost() {
        return dockerHost;
    }

    @Override
    public void ping() {
        call(() -> client().pingCmd().exec());
    }

    @Override
    public BuiltImage build(InputStream buildContext, String dockerfile, String tag, Map<String, String> labels,
            Consumer<String> output) {
        return new ImageBuild(client(), dockerHost, buildTimeout).run(buildContext, dockerfile, tag, labels, output);
    }

    @Override
    public RunningContainer start(ContainerSpec spec) {
        String id = create(spec, detached -> { });
        try {
            call(() -> client().startContainerCmd(id).exec());
            return inspect(id).orElseThrow(() -> new ContainerStartFailedException(
                    "container " + spec.name() + " vanished right after it started", null));
        } catch (DockerException e) {
            removeAfterFailedStart(id);
            throw new ContainerStartFailedException(
                    "container " + spec.name() + " could not start: " + EngineFailures.engineMessage(e), e);
        } catch (RuntimeException e) {
            removeAfterFailedStart(id);
            throw e;
        }
    }

    /** Creates the container {@code spec} describes, hardened; {@code adjust} adds what one kind of run needs. */
    String create(ContainerSpec spec, Consumer<CreateContainerCmd> adjust) {
        HostConfig host = AppContainerHardening.hostConfig(spec)
                .withBinds(spec.mounts().stream().map(m -> new Bind(m.volume(), new Volume(m.path()))).toList());
        CreateContainerCmd create = client().createContainerCmd(spec.image())
                .withName(spec.name())
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withLabels(spec.labels());
        if (spec.containerPort() != 0) {
            ExposedPort port = ExposedPort.tcp(spec.containerPort());
            // Never let a missing address fall through to Docker's default of publishing on 0.0.0.0.
            String address = spec.hostAddress() == null || spec.hostAddress().isBlank() ? LOOPBACK : spec.hostAddress();
            // An empty host port lets the engine pick a free one, so instances never race for ports.
            host.withPortBindings(new PortBinding(Ports.Binding.bindIp(address), port));
            create.withExposedPorts(port);
        }
        create.withHostConfig(host);
        if (!spec.command().isEmpty()) {
            create.withCmd(spec.command());
        }
        if (spec.network() != null && !spec.network().aliases().isEmpty()) {
            create.withAliases(spec.network().aliases());
        }
        adjust.accept(create);
        try {
            if (spec.network() != null) {
                call(() -> AppNetworks.ensure(client(), spec.network().network()));
            }
            return call(() -> create.exec().getId());
        } catch (DockerException e) {
            throw new ContainerStartFailedException(
                    "container " + spec.name() + " could not be created: " + EngineFailures.engineMessage(e), e);
        }
    }

    private void removeAfterFailedStart(String id) {
        try {
            stopAndRemove(id, Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not remove container %s after its start failed", id);
        }
    }

    @Override
    public void stopAndRemove(String containerId, Duration grace) {
        int seconds = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (grace.toMillis() + 999) / 1000));
        try {
            call(() -> client().stopContainerCmd(containerId).withTimeout(seconds).exec());
        } catch (NotFoundException | NotModifiedException alreadyGoneOrStopped) {
            // nothing to stop
        }
        try {
            call(() -> client().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec());
        } catch (NotFoundException alreadyGone) {
            // removed meanwhile: the goal is reached
        } catch (ConflictException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw e;
            }
        }
    }

    @Override
    public List<RunningContainer> list(Map<String, String> labels) {
        return listFiltered(labels.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue()).toList());
    }

    @Override
    public List<RunningContainer> listLabelled(String key) {
        return listFiltered(List.of(key));
    }

    /** @param labelFilters {@code key} (any value) or {@code key=value}, all of which must match */
    private List<RunningContainer> listFiltered(List<String> labelFilters) {
        List<Container> found = call(() -> client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(labelFilters)
                .exec());
        // The list view lacks exit codes and start times; a container removed meanwhile drops out.
        return found.stream().map(c -> inspect(c.getId())).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<RunningContainer> inspect(String containerId) {
        try {
            return Optional.of(ContainerViews.of(call(() -> client().inspectContainerCmd(containerId).exec())));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String tail(String containerId, int lines) {
        return tail(LogRequest.container(client(), containerId), lines);
    }

    /** The last lines of a container's or a service's output; empty when it no longer exists. */
    String tail(LogRequest source, int lines) {
        LogTail tail = new LogTail(Math.max(1, lines));
        try {
            call(() -> source.tail(Math.max(1, lines)).exec(tail));
            if (!tail.awaitCompletion(TAIL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                closeQuietly(tail);
            }
        } catch (NotFoundException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw EngineFailures.translate(e, dockerHost);
        }
        return tail.text();
    }

    @Override
    public Closeable followLogs(String containerId, Instant since, Consumer<LogLine> sink) {
        return call(() -> new LogFollower(LogRequest.container(client(), containerId), since, sink).start());
    }

    @Override
    public int runOneOff(ContainerSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean tty) {
        return new OneOffRun(this, spec).run(stdin, stdout, stderr, tty);
    }

    @Override
    public boolean removeImage(String image) {
        try {
            call(() -> client().removeImageCmd(image).exec());
            return true;
        } catch (NotFoundException | ConflictException e) {
            LOG.debugf("image %s not removed: %s", image, EngineFailures.engineMessage(e));
            return false;
        }
    }

    @Override
    public EngineInfo info() {
        // docker-java's Info model has no runtime version, so read the engine's own answer.
        JsonNode info = getJson("/info");
        return new EngineInfo(info.path("ServerVersion").asText(""), info.path("RuncCommit").path("ID").asText(""),
                info.path("NCPU").asInt(0), info.path("MemTotal").asLong(0));
    }

    @Override
    public Optional<ContainerUsage> usage(String container) {
        // docker-java's stats call waits for a second reading; one-shot (API 1.41) answers at once.
        try {
            return ContainerStats.usage(api.get("/containers/" + container + "/stats?stream=false&one-shot=true"));
        } catch (DockerException gone) {
            return Optional.empty(); // removed or stopped since it was listed: nothing to report
        }
    }

    @Override
    public DiskUsage diskUsage() {
        // docker-java has no call for the engine's disk usage report.
        return DiskUsageReport.of(getJson("/system/df"));
    }

    private JsonNode getJson(String path) {
        return api.get(path);
    }

    /** The engine's API as JSON, for what docker-java's models lack (Swarm's newer fields). */
    EngineApi api() {
        return api;
    }

    @Override
    public boolean hasImage(String image) {
        try {
            call(() -> client().inspectImageCmd(image).exec());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public void createVolume(String name, Map<String, String> labels) {
        call(() -> client().createVolumeCmd().withName(name).withLabels(labels).exec());
    }

    @Override
    public void removeVolume(String name) {
        try {
            call(() -> client().removeVolumeCmd(name).exec());
        } catch (NotFoundException missing) {
            LOG.debugf("volume %s was already gone", name);
        } catch (ConflictException inUse) {
            throw new IllegalStateException("volume " + name + " is still in use by a container", inUse);
        }
    }

    @Override
    public void removeNetwork(String name) {
        call(() -> AppNetworks.remove(client(), name));
    }

    @Override
    public void connectNetwork(String network, String container, List<String> aliases) {
        call(() -> AppNetworks.connect(client(), network, container, aliases));
    }

    @Override
    public void connectOverlay(String overlay, String container, List<String> aliases) {
        call(() -> {
            AppNetworks.ensureOverlay(client(), overlay);
            AppNetworks.connect(client(), overlay, container, aliases);
        });
    }

    @Override
    public void disconnectNetwork(String network, String container) {
        call(() -> AppNetworks.disconnect(client(), network, container));
    }

    @Override
    public List<String> danglingImages(Instant createdBefore) {
        return call(() -> client().listImagesCmd().withDanglingFilter(true).exec()).stream()
                .filter(image -> image.getCreated() != null && image.getCreated() < createdBefore.getEpochSecond())
                .map(Image::getId)
                .toList();
    }

    @Override
    public void tagImage(String image, String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon <= 0 || reference.indexOf('/', colon) >= 0) {
            throw new IllegalArgumentException("an image reference is repository:tag, was '" + reference + "'");
        }
        call(() -> client().tagImageCmd(image, reference.substring(0, colon), reference.substring(colon + 1))
                .withForce().exec());
    }

    @Override
    public String pushImage(String reference, RegistryLogin login) {
        return call(() -> ImageTransfer.push(client(), reference, login));
    }

    @Override
    public boolean pullImage(String reference, RegistryLogin login) {
        return call(() -> ImageTransfer.pull(client(), reference, login));
    }

    @Override
    public List<String> tagsIn(String repository) {
        return call(() -> client().listImagesCmd().withImageNameFilter(repository).exec()).stream()
                .flatMap(image -> image.getRepoTags() == null ? Stream.<String>empty()
                        : Arrays.stream(image.getRepoTags()))
                .filter(tag -> tag.startsWith(repository + ":"))
                .toList();
    }

    @Override
    public List<String> listImages(Map<String, String> labels) {
        return call(() -> client().listImagesCmd().withLabelFilter(labels).exec()).stream()
                .map(Image::getId)
                .toList();
    }

    /** The underlying client, for tests and for abilities the port does not have yet. */
    DockerClient client() {
        DockerClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = call(() -> ApiVersionNegotiation.negotiatedClient(dockerHost, http));
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** Runs an engine call, telling "the engine is not there" apart ({@link EngineFailures}). */
    <T> T call(Supplier<T> engineCall) {
        try {
            return engineCall.get();
        } catch (RuntimeException e) {
            throw EngineFailures.translate(e, dockerHost);
        }
    }

    private void call(Runnable engineCall) {
        call(() -> {
            engineCall.run();
            return null;
        });
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing an engine stream failed", e);
        }
    }
}
