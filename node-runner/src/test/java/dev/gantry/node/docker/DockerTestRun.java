package dev.gantry.node.docker;

import dev.gantry.node.BuiltImage;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.RunningContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One test class's use of the real engine: a unique {@code gantry.test} label on everything it
 * makes, a busybox base image built from scratch (no registry is reachable), and cleanup of all
 * of it. Fails rather than skips when there is no engine: these tests are the adapter's proof.
 */
public final class DockerTestRun implements AutoCloseable {

    static final Path BUSYBOX = Path.of("/bin/busybox");

    public final DockerEngine engine = DockerEngine.fromEnvironment();
    public final String runId = UUID.randomUUID().toString();
    public final Map<String, String> labels = Map.of("gantry.test", runId);
    public final String baseImage;
    private final List<String> images = Collections.synchronizedList(new ArrayList<>());

    public DockerTestRun() {
        engine.ping();
        baseImage = build("base", BuildContext.withDockerfile("""
                FROM scratch
                COPY busybox /bin/busybox
                RUN ["/bin/busybox", "--install", "-s", "/bin"]
                """).file("busybox", busybox(), 0755), line -> { }).tag();
    }

    public BuiltImage build(String name, BuildContext context, Consumer<String> output) {
        return build(engine, name, context, output);
    }

    BuiltImage build(DockerEngine using, String name, BuildContext context, Consumer<String> output) {
        String tag = tag(name);
        images.add(tag); // removing a tag that a failed build never made is harmless
        return using.build(context.tar(), tag, labels, output);
    }

    /** Builds with the Dockerfile at {@code dockerfile} inside the context. */
    BuiltImage build(String name, BuildContext context, String dockerfile, Consumer<String> output) {
        String tag = tag(name);
        images.add(tag);
        return engine.build(context.tar(), dockerfile, tag, labels, output);
    }

    /** A Dockerfile on top of the busybox base; {@code body} follows the FROM line. */
    public BuildContext onBase(String body) {
        return BuildContext.withDockerfile("FROM " + baseImage + "\n" + body);
    }

    String tag(String name) {
        return "gantry-test-" + name + ":" + runId.substring(0, 8);
    }

    public String containerName(String suffix) {
        return "gantry-test-" + runId.substring(0, 8) + "-" + suffix;
    }

    ContainerSpec spec(String suffix, String image, List<String> command, int port) {
        return new ContainerSpec(containerName(suffix), image, command,
                Map.of("PORT", Integer.toString(port)), labels, port, "127.0.0.1");
    }

    /** A container of the busybox base that publishes nothing, like a worker or a one-off. */
    public ContainerSpec worker(String suffix, ResourceLimits limits, String... command) {
        return new ContainerSpec(containerName(suffix), baseImage, List.of(command), Map.of(), labels, 0, null, limits);
    }

    /** Polls until the container has exited, for at most 10 s. */
    RunningContainer waitUntilExited(String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            RunningContainer c = engine.inspect(id).orElseThrow();
            if (!c.running()) {
                return c;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("container " + id + " did not exit within 10 s");
    }

    @Override
    public void close() throws IOException {
        for (RunningContainer c : engine.list(labels)) {
            engine.stopAndRemove(c.id(), Duration.ZERO);
        }
        List<String> newestFirst = new ArrayList<>(images);
        Collections.reverse(newestFirst);
        newestFirst.forEach(engine::removeImage);
        engine.close();
    }

    private static byte[] busybox() {
        try {
            return Files.readAllBytes(BUSYBOX);
        } catch (IOException e) {
            throw new UncheckedIOException("the tests need a static busybox at " + BUSYBOX
                    + " (Debian package busybox-static)", e);
        }
    }
}
