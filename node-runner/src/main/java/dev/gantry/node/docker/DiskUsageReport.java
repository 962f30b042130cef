package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.node.DiskUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads the engine's {@code GET /system/df} answer into a {@link DiskUsage}. */
final class DiskUsageReport {

    private DiskUsageReport() {
    }

    static DiskUsage of(JsonNode df) {
        // Containers and volumes have no RepoTags or RepoDigests: their names come out empty.
        return new DiskUsage(
                items(df.path("Images"), "Id", image -> Math.max(0, image.path("Size").asLong()
                        - Math.max(0, image.path("SharedSize").asLong()))),
                items(df.path("Containers"), "Id", container -> Math.max(0, container.path("SizeRw").asLong())),
                // -1 means the engine did not measure it (a volume driver other than local).
                items(df.path("Volumes"), "Name", volume -> Math.max(0, volume.path("UsageData").path("Size").asLong())));
    }

    private static List<DiskUsage.Item> items(JsonNode array, String idField,
            ToLongFunction<JsonNode> bytes) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> new DiskUsage.Item(node.path(idField).asText(), labels(node.path("Labels")),
                        names(node), bytes.applyAsLong(node)))
                .toList();
    }

    /** An image's tags, then its digest references: an image pulled by digest (on a cluster's host) has only those. */
    private static List<String> names(JsonNode item) {
        return Stream.concat(StreamSupport.stream(item.path("RepoTags").spliterator(), false),
                StreamSupport.stream(item.path("RepoDigests").spliterator(), false))
                .map(JsonNode::asText).filter(name -> !name.startsWith("<none>")).toList();
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }
}
