package dev.gantry.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Builds the text of a generated Dockerfile line by line. */
final class DockerfileText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_.,:=/@%+-]+");

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

    /**
     * A value split into words at whitespace, as an unquoted {@code $VAR} in a shell is, each word
     * quoted when it holds anything a shell would act on: a setting's {@code $}, quotes or {@code ;}
     * reach the command as they are written.
     */
    static String shellWords(String value) {
        return Arrays.stream(value.strip().split("\\s+")).map(DockerfileText::shellQuoted)
                .collect(Collectors.joining(" "));
    }

    /** One shell word holding {@code value} as it is: quoted when it holds anything a shell would act on. */
    static String shellQuoted(String value) {
        return PLAIN_WORD.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
