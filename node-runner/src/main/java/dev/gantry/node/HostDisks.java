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
     * Removes the images given (by id) from every other ready host that holds them and runs no container
     * of them (the engine refuses those, which stay).
     *
     * @return by host, the ids it removed
     */
    Map<String, List<String>> removeImages(Collection<String> imageIds);
}
