package dev.gantry.control.gc;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.node.DiskUsage;
import dev.gantry.node.HostDisks;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Image retention on the cluster's other hosts, where instances pull their release's image by digest and
 * nothing else would ever remove it: an image of a release beyond the newest kept (the same number as on
 * this host) or of an app that is gone goes, unless a container there still uses it (its engine refuses).
 * An app's images are removed under its lock, so none goes while a deploy of the app may be pulling it.
 */
@ApplicationScoped
public class HostImageCollector {

    private static final Logger LOG = Logger.getLogger(HostImageCollector.class);

    private final HostDisks hosts;
    private final ReleaseLedger ledger;
    private final AppLocks locks;
    private final GantryConfig config;

    HostImageCollector(HostDisks hosts, ReleaseLedger ledger, AppLocks locks, GantryConfig config) {
        this.hosts = hosts;
        this.ledger = ledger;
        this.locks = locks;
        this.config = config;
    }

    /** One pass over every other host; answers {@code REFERENCE on HOST} for each image reference removed. */
    List<String> collect(Set<String> known, Duration patience) {
        List<HostDisks.HostUsage> usage = hosts.usage();
        usage.stream().filter(host -> host.failure() != null)
                .forEach(host -> LOG.warnf("garbage collection skipped %s: %s", host.host(), host.failure()));
        int kept = config.releases().imagesKept();
        List<String> removed = new ArrayList<>();
        unwanted(usage, known, app -> ledger.publishedImagesToKeep(app, kept)).forEach((app, images) -> {
            if (!known.contains(app)) {
                removed.addAll(remove(images));
                return;
            }
            locks.tryAcquire(app, patience).ifPresent(lock -> {
                try (lock) {
                    removed.addAll(remove(images));
                }
            });
        });
        return removed;
    }

    private List<String> remove(Set<String> images) {
        List<String> removed = new ArrayList<>();
        hosts.removeImages(images).forEach((host, references) -> references.forEach(reference -> {
            LOG.infof("removed image %s on %s: no release keeps it", reference, host);
            removed.add(reference + " on " + host);
        }));
        return removed;
    }

    /**
     * By app, the references of its images on other hosts that no release of it keeps (every one, for an app that is
     * gone); an image two apps' references name is the other app's to keep.
     */
    static Map<String, Set<String>> unwanted(List<HostDisks.HostUsage> usage, Set<String> known,
            Function<String, Set<String>> keptReferences) {
        Map<String, Set<String>> keep = new TreeMap<>();
        Map<String, Set<String>> unwanted = new TreeMap<>();
        for (HostDisks.HostUsage host : usage) {
            for (DiskUsage.Item image : host.usage().images()) {
                for (String reference : image.tags()) {
                    AppImages.pulledAs(reference).ifPresent(app -> {
                        Set<String> kept = known.contains(app) ? keep.computeIfAbsent(app, keptReferences) : Set.of();
                        if (!kept.contains(reference)) {
                            unwanted.computeIfAbsent(app, none -> new LinkedHashSet<>()).add(reference);
                        }
                    });
                }
            }
        }
        return unwanted;
    }
}
