package dev.gantry.node.local;

import dev.gantry.node.BuiltImage;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.RegistryLogin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The image store of a host that may manage a cluster: builds run on its engine as in
 * {@link LocalImageStore}, and once the cluster has a registry ({@code cluster:init}) every published
 * image is pushed there and named by its digest ({@code HOST:PORT/gantry/APP@sha256:...}), which every
 * host pulls. Until then it is exactly the local store: one host changes nothing.
 *
 * <p>A published build carries two tags on this engine, its own ({@code gantry/APP:build-N}) and the
 * registry's ({@code HOST:PORT/gantry/APP:build-N}): the engine keeps an image's digest reference only
 * while a tag of that repository remains, and instances here start from that reference. The two go
 * together: {@link #tagsIn} lists a build under its own name while either tag remains, and
 * {@link #remove} takes both.
 */
public final class RegistryImageStore extends LocalImageStore {

    private final ContainerEngine engine;
    private final Supplier<Optional<RegistryLogin>> registry;
    /** Publishes share it; the registry's garbage collection holds it alone. */
    private final ReadWriteLock publishing = new ReentrantReadWriteLock();

    /** {@code registry}: the cluster's registry now, asked at every call (a cluster begins while Gantry runs). */
    public RegistryImageStore(ContainerEngine engine, Supplier<Optional<RegistryLogin>> registry) {
        super(engine);
        this.engine = engine;
        this.registry = registry;
    }

    @Override
    public String publish(BuiltImage image) {
        Optional<RegistryLogin> login = registry.get();
        if (login.isEmpty()) {
            return super.publish(image);
        }
        String pushed = login.get().reference(image.tag());
        publishing.readLock().lock();
        try {
            engine.tagImage(image.id(), pushed);
            return engine.pushImage(pushed, login.get());
        } finally {
            publishing.readLock().unlock();
        }
    }

    @Override
    public void whilePublishingHeld(Runnable work) {
        publishing.writeLock().lock();
        try {
            work.run();
        } finally {
            publishing.writeLock().unlock();
        }
    }

    @Override
    public boolean fetch(String reference) {
        if (engine.hasImage(reference)) {
            return true;
        }
        Optional<RegistryLogin> login = registry.get().filter(found -> found.holds(reference));
        return login.isPresent() && engine.pullImage(reference, login.get()) && engine.hasImage(reference);
    }

    @Override
    public List<String> tagsIn(String repository) {
        Optional<RegistryLogin> login = registry.get();
        if (login.isEmpty()) {
            return super.tagsIn(repository);
        }
        String prefix = login.get().reference("");
        // A registry tag outlives its local twin when the engine refused to remove it (an instance still used
        // the image): listed under the local name, a later pass of retention removes it.
        return Stream.concat(super.tagsIn(repository).stream(),
                engine.tagsIn(login.get().reference(repository)).stream().map(tag -> tag.substring(prefix.length())))
                .distinct().toList();
    }

    @Override
    public boolean remove(String image) {
        Optional<RegistryLogin> login = registry.get();
        if (login.isEmpty() || image.startsWith("sha256:") || login.get().holds(image)) {
            return super.remove(image);
        }
        String pushed = login.get().reference(image);
        boolean removed = super.remove(image) | engine.removeImage(pushed);
        // Untagging one of two tags always succeeds; removed means the image is no longer here under either.
        return removed && !engine.hasImage(pushed);
    }
}
