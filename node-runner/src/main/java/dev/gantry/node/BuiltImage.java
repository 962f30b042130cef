package dev.gantry.node;

import java.util.List;

/**
 * The result of a build: the image id (sha256 digest of its config), the tag it carries, and the
 * short ids of the last image of every stage but the final one ({@code stages}, empty for a
 * single-stage build). The engine keeps those untagged, and so as dangling: whoever wants the next
 * build to reuse them (the dependency layer of a generated Dockerfile is in one) must tag them.
 */
public record BuiltImage(String id, String tag, List<String> stages) {

    public BuiltImage {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public BuiltImage(String id, String tag) {
        this(id, tag, List.of());
    }
}
