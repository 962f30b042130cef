package dev.gantry.node;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The disks of a cluster's other hosts, those the control plane does not run on ({@link NodeReport} and
 * {@link ImageStore} cover its own): what images and containers take there, for {@code system:df}, and
 * removing images no release keeps, for garbage collection. Instances' images reach those hosts by
 * pulls, and nothing else removes them there. On one host, and on a cluster of one, there are none.
 */
public interface HostDisks {

    /** What another host answered, or why it did not ({@code usage} empty then). */
    record HostUsage(String host, DiskUsage usage, String failure) {
    }

    /**
     * Each other ready host's disk usage, as its engine reports it; a host that does not answer within
     * about a minute is listed with the reason. Empty without other hosts.
     */
    List<HostUsage> usage();

    /**
     * Removes the image references given ({@code registry/gantry/APP@sha256:...}, as instances pulled them)
     * from every other ready host that holds them, and an image with its last reference unless a container
     * uses it (the engine refuses that one, which stays). By reference, not by image id: two apps' builds may
     * be the very same image, which the engine would not remove by its id while either names it.
     *
     * @return by host, the references it removed
     */
    Map<String, List<String>> removeImages(Collection<String> references);
}
