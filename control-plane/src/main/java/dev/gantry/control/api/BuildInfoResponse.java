package dev.gantry.control.api;

import dev.gantry.control.build.BuildDetails;
import java.util.List;

/**
 * One build with its plan: why it was built as its kind, and the Dockerfile's text
 * ({@code dockerfileGenerated} when a buildpack wrote it); both null for builds older than the record.
 */
public record BuildInfoResponse(BuildResponse build, String fullCommit, String reason, boolean dockerfileGenerated,
        String dockerfile, String image, String failure, List<String> releases, String log) {

    static BuildInfoResponse of(BuildDetails details) {
        return new BuildInfoResponse(BuildResponse.of(details.build()), details.fullCommit(), details.reason(),
                details.generated(), details.dockerfile(), details.image(), details.failure(), details.releases(),
                details.log());
    }
}
