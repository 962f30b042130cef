package dev.gantry.node.local;

import dev.gantry.common.LineSink;
import dev.gantry.node.BuiltImage;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.ImageStore;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link ImageStore} on the node's own engine: builds run there and instances start there, so an
 * image never has to move and its id is the reference instances use. {@link RegistryImageStore} is
 * this store on a host that also publishes to a registry.
 */
public class LocalImageStore implements ImageStore {

    private final ContainerEngine engine;

    public LocalImageStore(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public BuiltImage build(InputStream context, String dockerfile, String tag, Map<String, String> labels,
            LineSink progress) {
        return engine.build(context, dockerfile, tag, labels, progress::line);
    }

    @Override
    public String publish(BuiltImage image) {
        return image.id();
    }

    @Override
    public boolean fetch(String reference) {
        return engine.hasImage(reference);
    }

    @Override
    public void tag(String image, String reference) {
        engine.tagImage(image, reference);
    }

    @Override
    public List<String> tagsIn(String repository) {
        return engine.tagsIn(repository);
    }

    @Override
    public boolean has(String image) {
        return engine.hasImage(image);
    }

    @Override
    public boolean remove(String image) {
        return engine.removeImage(image);
    }

    @Override
    public List<String> labelled(Map<String, String> labels) {
        return engine.listImages(labels);
    }

    @Override
    public List<String> buildLeftovers(Instant madeBefore) {
        return engine.danglingImages(madeBefore);
    }
}
