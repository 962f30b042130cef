package dev.gantry.node;

/** The result of a build: the image id (sha256 digest of its config) and the tag it carries. */
public record BuiltImage(String id, String tag) {
}
