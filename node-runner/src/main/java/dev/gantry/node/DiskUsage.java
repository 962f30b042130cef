package dev.gantry.node;

import java.util.List;
import java.util.Map;

/**
 * What the engine's images, containers and volumes take on the node's disk, each with its labels
 * so the caller can add them up by app. An image counts only the bytes of layers no other image
 * shares (a stack image's layers belong to the stack, not to each app built on it); a container
 * counts its writable layer; a volume its data.
 */
public record DiskUsage(List<Item> images, List<Item> containers, List<Item> volumes) {

    /**
     * @param tags the names of an image: its {@code repository:tag}s, then its {@code repository@sha256:...}
     *        digest references (all that an image pulled by digest has); none for containers and volumes
     */
    public record Item(String id, Map<String, String> labels, List<String> tags, long bytes) {
        public Item {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public DiskUsage {
        images = List.copyOf(images);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
    }
}
