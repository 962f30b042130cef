package dev.gantry.control.build;

import java.util.List;

/**
 * Everything {@code builds:info} shows about one build: its plan (why it was built as its kind, and
 * the Dockerfile the engine built, {@code generated} when Gantry wrote it), its outcome and the
 * releases made from it, and its log (the lines a push shows while it builds). Reason and Dockerfile are null for builds made before Gantry kept them.
 */
public record BuildDetails(BuildView build, String fullCommit, String reason, boolean generated, String dockerfile,
        String image, String failure, List<String> releases, String log) {
}
