package dev.gantry.control.build;

import dev.gantry.build.StackImage;
import dev.gantry.build.Stacks;
import dev.gantry.build.context.BuildContextTar;
import dev.gantry.common.LineSink;
import dev.gantry.node.BuildFailedException;
import dev.gantry.node.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gantry's stack images on the node: built from Debian packages the first time a push needs them
 * (and again when Gantry's definition of them changed), reused by every build after, rebuilt on
 * demand with {@code stacks:rebuild} to pick up Debian's updates. Images an operator configured
 * are used as they are.
 */
@ApplicationScoped
public class StackImages {

    static final String STACK_IMAGE_LABEL = "gantry.stack.image";
    static final String DIGEST_LABEL = "gantry.stack.digest";

    private final ImageStore images;
    private final Stacks stacks;
    /** One build of an image at a time: a second push needing it waits for the first's build. */
    private final Map<String, ReentrantLock> building = new ConcurrentHashMap<>();

    StackImages(ImageStore images, Stacks stacks) {
        this.images = images;
        this.stacks = stacks;
    }

    /** Builds the stack's own images that are missing or out of date; the others are used as they are. */
    public void ensure(String stack, LineSink progress) {
        for (StackImage image : stacks.ownImages(stack)) {
            ensure(image, progress);
        }
    }

    /**
     * Builds one image Gantry defines from Debian packages (a stack's, or a backing service's) when it is
     * missing or out of date.
     */
    public void ensure(StackImage image, LineSink progress) {
        whileHolding(image, progress, () -> {
            StackImageState state = stateOf(image);
            if (state != StackImageState.READY) {
                build(image, image.dockerfile(), state.reason(), progress);
            }
        });
    }

    /**
     * Builds the images of {@code stack} (every stack when empty) anew, with today's Debian
     * packages; the apps get them on their next push.
     */
    public void rebuild(Optional<String> stack, LineSink progress) {
        String stamp = Instant.now().toString();
        for (String name : stack.map(List::of).orElse(stacks.names())) {
            for (StackImage image : stacks.ownImages(name)) {
                whileHolding(image, progress, () -> build(image, image.dockerfileRefreshedAt(stamp), "rebuild", progress));
            }
        }
    }

    /** Every stack image, in stacks:list's order, with its state on this node. */
    public List<StackImageStatus> statuses() {
        List<StackImageStatus> statuses = new ArrayList<>();
        for (String name : stacks.names()) {
            List<StackImage> own = stacks.ownImages(name);
            for (String role : stacks.roles(name)) {
                String id = name + "-" + role;
                statuses.add(stacks.override(name, role)
                        .map(image -> new StackImageStatus(id, image, StackImageState.OPERATORS))
                        .orElseGet(() -> {
                            StackImage image = own.stream().filter(candidate -> candidate.id().equals(id))
                                    .findFirst().orElseThrow();
                            return new StackImageStatus(id, image.tag(), stateOf(image));
                        }));
            }
        }
        return statuses;
    }

    /** The stack names, as stacks:rebuild takes them. */
    public List<String> names() {
        return stacks.names();
    }

    public String baseImage() {
        return stacks.baseImage();
    }

    private StackImageState stateOf(StackImage image) {
        if (!images.has(image.tag())) {
            return StackImageState.MISSING;
        }
        boolean current = !images.labelled(Map.of(STACK_IMAGE_LABEL, image.id(), DIGEST_LABEL, image.digest()))
                .isEmpty();
        return current ? StackImageState.READY : StackImageState.OUTDATED;
    }

    private void build(StackImage image, String dockerfile, String why, LineSink progress) {
        progress.line("-----> Building the stack image " + image.tag() + " (" + why + "), from Debian packages");
        long started = System.nanoTime();
        StackBuildOutput output = new StackBuildOutput(progress);
        try {
            images.build(BuildContextTar.of(image, dockerfile), "Dockerfile", image.tag(),
                    Map.of("gantry.stack", image.stack(), STACK_IMAGE_LABEL, image.id(), DIGEST_LABEL, image.digest()),
                    output::accept);
        } catch (BuildFailedException e) {
            output.showTail();
            throw new StackImageUnavailableException("the stack image " + image.tag() + " could not be built ("
                    + e.getMessage() + "). Check that containers reach the Debian mirror, and Maven Central for the"
                    + " Java stacks (docs/buildpacks.md), and try again");
        }
        progress.line("-----> Built " + image.tag() + " in " + Elapsed.since(started));
    }

    private void whileHolding(StackImage image, LineSink progress, Runnable work) {
        ReentrantLock lock = building.computeIfAbsent(image.tag(), tag -> new ReentrantLock());
        if (!lock.tryLock()) {
            progress.line("-----> Waiting for another build of the stack image " + image.tag());
            lock.lock();
        }
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
