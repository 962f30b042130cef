package dev.gantry.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Builds the text of a generated Dockerfile line by line. */
final class DockerfileText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder text = new StringBuilder();

    DockerfileText comment(String line) {
        text.append("# ").append(line).append('\n');
        return this;
    }

    DockerfileText line(String instruction) {
        text.append(instruction).append('\n');
        return this;
    }

    DockerfileText blank() {
        text.append('\n');
        return this;
    }

    /**
     * The exec form of an instruction's arguments, a JSON array, so that no shell splits them again:
     * a start script's quotes and $VARs reach {@code /bin/sh -c} exactly as written.
     */
    static String execForm(List<String> words) {
        try {
            return JSON.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
