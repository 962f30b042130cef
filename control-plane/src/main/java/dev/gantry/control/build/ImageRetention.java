package dev.gantry.control.build;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.node.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps the node's disk in check without breaking rollbacks: an app's images stay while they
 * belong to one of its newest releases (10 by default) or to the release it serves; others go.
 */
@ApplicationScoped
public class ImageRetention {

    private static final Logger LOG = Logger.getLogger(ImageRetention.class);

    private final ReleaseLedger ledger;
    private final ImageStore images;
    private final GantryConfig config;

    ImageRetention(ReleaseLedger ledger, ImageStore images, GantryConfig config) {
        this.ledger = ledger;
        this.images = images;
        this.config = config;
    }

    /**
     * Removes the app's images beyond retention; an image a container still uses (a running
     * instance of an older release, say) stays, since the engine refuses to remove it.
     *
     * The stages kept for the next build ({@code cache-N}) are not releases' images and stay.
     *
     * @return the tags of the images removed
     */
    public List<String> prune(String app) {
        Set<String> keep = ledger.imagesToKeep(app, config.releases().imagesKept());
        List<String> removed = new ArrayList<>();
        for (String image : images.tagsIn(ImageBuilder.repository(app))) {
            if (ImageBuilder.isBuild(image) && !keep.contains(image) && images.remove(image)) {
                LOG.infof("%s: removed image %s, older than the %d newest releases", app, image,
                        config.releases().imagesKept());
                removed.add(image);
            }
        }
        return removed;
    }
}
