package dev.gantry.control.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogStoreTest {

    @TempDir
    Path root;

    @Test
    void aChattyAppIsRotatedSoItsLogsStayBounded() throws IOException {
        AppLogStore store = new AppLogStore(root);
        String text = "x".repeat(1000);
        Instant start = Instant.parse("2026-11-23T12:00:00Z");
        int written = (int) (AppLogStore.ROTATE_AT_BYTES * (AppLogStore.FILES_KEPT + 2) / 1000);
        for (int i = 0; i < written; i++) {
            store.append("chatty", new AppLogLine(start.plusMillis(i), "web.1", text));
        }

        long bytes;
        try (Stream<Path> files = Files.list(root.resolve("chatty"))) {
            List<Path> all = files.toList();
            assertEquals(AppLogStore.FILES_KEPT, all.size(), all.toString());
            bytes = all.stream().mapToLong(path -> path.toFile().length()).sum();
        }
        assertTrue(bytes <= AppLogStore.ROTATE_AT_BYTES * AppLogStore.FILES_KEPT + 2000, "bounded: " + bytes);
        List<AppLogLine> last = store.tail("chatty", new LogQuery(2, Optional.empty(), Optional.empty(), false));
        assertEquals(start.plusMillis(written - 1), last.get(1).time(), "the newest line is kept");
    }

    @Test
    void tailFiltersByTypeAndSinceAndFollowersSeeNewLines() throws Exception {
        AppLogStore store = new AppLogStore(root);
        Instant t = Instant.parse("2026-11-23T12:00:00Z");
        store.append("app", new AppLogLine(t, "web.1", "one"));
        store.append("app", new AppLogLine(t.plusSeconds(1), "worker.1", "two"));
        store.append("app", new AppLogLine(t.plusSeconds(2), "gantry", "v2 serves"));
        List<AppLogLine> followed = new ArrayList<>();

        try (AutoCloseable follow = store.follow("app", followed::add)) {
            store.append("app", new AppLogLine(t.plusSeconds(3), "web.2", "line\nwith a break"));
        }
        store.append("app", new AppLogLine(t.plusSeconds(4), "web.1", "after"));

        assertEquals(List.of("one", "line with a break", "after"), texts(store.tail("app",
                new LogQuery(10, Optional.of("web"), Optional.empty(), false))));
        assertEquals(List.of("v2 serves", "line with a break", "after"), texts(store.tail("app",
                new LogQuery(10, Optional.empty(), Optional.of(t.plusSeconds(2)), false))));
        assertEquals(List.of("line with a break"), texts(followed));
        assertEquals(t.plusSeconds(4), store.lastTime("app").orElseThrow());
    }

    private static List<String> texts(List<AppLogLine> lines) {
        return lines.stream().map(AppLogLine::text).toList();
    }
}
