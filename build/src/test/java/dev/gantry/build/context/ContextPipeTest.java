package dev.gantry.build.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextPipeTest {

    @Test
    void aContextWrittenWholeReadsToItsEnd() throws IOException {
        byte[] context = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        try (ContextPipe pipe = ContextPipe.start(out -> out.write(context), 4096)) {
            assertArrayEquals(context, pipe.input().readAllBytes());
            assertEquals(Optional.empty(), pipe.failure());
        }
    }

    @Test
    void aWriterThatFailsHalfwayIsAnErrorAtTheReaderNeverAnEnd() throws IOException {
        UnsafeTreeException refusal = new UnsafeTreeException("leak", "is a symlink to the absolute path '/etc/shadow'");
        try (ContextPipe pipe = ContextPipe.start(out -> {
            out.write("the first half of a tar".getBytes(StandardCharsets.US_ASCII));
            throw refusal;
        }, 4096)) {
            InputStream input = pipe.input();

            IOException cutShort = assertThrows(IOException.class, input::readAllBytes);

            assertTrue(cutShort.getMessage().startsWith("the build context was cut short: 'leak' is a symlink"),
                    cutShort.getMessage());
            assertEquals(Optional.of(refusal), pipe.failure());
        }
    }
}
