package dev.gantry.control.cluster;

import dev.gantry.build.StackImage;
import dev.gantry.common.LineSink;
import dev.gantry.control.build.StackImages;
import dev.gantry.node.BuiltImage;
import dev.gantry.node.ImageStore;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The small image Gantry runs on the cluster's other hosts to read and free their disks (as a Swarm job,
 * see {@code HostDisks}): Gantry's base image, which has Perl, plus the tool. Built here like a stack
 * image the first time it is needed (and again when the tool changes), and published to the cluster's
 * registry, from which every host pulls it once. Its repository is outside {@code gantry/}, where every
 * name is an app's.
 */
public final class HostToolsImage {

    static final String TAG = "gantry-tools/host-disk:1";
    private static final Logger LOG = Logger.getLogger(HostToolsImage.class);

    private final StackImages stackImages;
    private final ImageStore images;
    private final StackImage definition;

    /** {@code tool}: the tool's text, which the node runner's side reads the output of. */
    public HostToolsImage(StackImages stackImages, ImageStore images, byte[] tool) {
        this.stackImages = stackImages;
        this.images = images;
        this.definition = new StackImage("host-tools", "disk", TAG,
                "FROM " + stackImages.baseImage() + "\nCOPY gantry-host-disk /usr/local/bin/\n",
                List.of(new StackImage.ContextFile("gantry-host-disk", tool, true)));
    }

    /** The image's reference in the registry, built and published first when needed (a push of what is there moves nothing). */
    public String reference() {
        LineSink log = LOG::info;
        stackImages.ensure(definition, log);
        return images.publish(new BuiltImage(TAG, TAG));
    }
}
