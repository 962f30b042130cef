package dev.gantry.node.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.gantry.node.LogLine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How engine log frames become lines, without an engine: frames cut anywhere, times, since. */
class LogFollowerTest {

    private final List<LogLine> lines = new ArrayList<>();

    @Test
    void framesCutInsideATimestampOrACharacterStillMakeWholeLines() {
        LogFollower follower = new LogFollower(LogRequest.container(null, "c"), null, lines::add);
        byte[] tty = "2024-05-01T10:00:00.123456789Z h\u00e9llo\n2024-05-01T10:00:01Z \u001b[1mbye\u001b[0m\r\n"
                .getBytes(StandardCharsets.UTF_8);

        int[] cuts = {7, 33, 34, 50, tty.length}; // inside the timestamp, inside "é", and elsewhere
        int from = 0;
        for (int cut : cuts) {
            follower.onNext(new Frame(StreamType.RAW, Arrays.copyOfRange(tty, from, cut)));
            from = cut;
        }

        assertEquals(List.of(
                new LogLine(Instant.parse("2024-05-01T10:00:00.123456789Z"), "stdout", "héllo"),
                new LogLine(Instant.parse("2024-05-01T10:00:01Z"), "stdout", "bye")), lines);
    }

    @Test
    void eachStreamKeepsItsOwnPartialLineAndSinceDropsOlderLinesOfTheSameSecond() {
        LogFollower follower = new LogFollower(LogRequest.container(null, "c"), Instant.parse("2024-05-01T10:00:00.5Z"), lines::add);

        follower.onNext(frame(StreamType.STDOUT, "2024-05-01T10:00:00.4Z too old\n"));
        follower.onNext(frame(StreamType.STDOUT, "2024-05-01T10:00:00.6Z out "));
        follower.onNext(frame(StreamType.STDERR, "2024-05-01T10:00:00.7Z err\n"));
        follower.onNext(frame(StreamType.STDOUT, "and more\n"));

        assertEquals(List.of("stderr err @10:00:00.700", "stdout out and more @10:00:00.600"),
                lines.stream().map(l -> l.stream() + " " + l.text() + " @" + l.time().toString().substring(11, 23)).toList());
    }

    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }
}
