package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalNewlinesTest {

    @Test
    void bareNewlinesGetACarriageReturnOnceAcrossWrites() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        TerminalNewlines out = new TerminalNewlines(sink);

        out.write("a\nb\r\n".getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write("\nc\n\n".getBytes(StandardCharsets.UTF_8), 0, 4);
        out.write('\n');

        assertEquals("a\r\nb\r\n\r\nc\r\n\r\n\r\n", sink.toString(StandardCharsets.UTF_8));
    }
}
