package dev.gantry.node.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The node runner's JSON, for its saved state and its HTTP interface: records as objects, times as
 * ISO-8601 text, and unknown fields refused, so a typo in a request is an error rather than a default.
 */
final class AgentJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** {@code PUT /v1/apps/{app}/instances}: the app's complete set of instances. */
    record KeepOnly(List<String> keep, long stopGraceSeconds) {
        KeepOnly {
            if (keep == null) {
                throw new IllegalArgumentException("keep: required, the names of the instances to keep ([] for none)");
            }
            if (stopGraceSeconds < 0) {
                throw new IllegalArgumentException("stopGraceSeconds: must be ≥ 0, was " + stopGraceSeconds);
            }
        }
    }

    /** The answer to a {@link KeepOnly}: the containers removed. */
    record Removed(List<String> removed) {
    }

    /** An error, as RFC 9457 problem details. */
    record Problem(String title, int status, String detail) {
    }

    private AgentJson() {
    }
}
