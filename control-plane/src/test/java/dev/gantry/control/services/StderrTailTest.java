package dev.gantry.control.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrTailTest {

    private static StderrTail with(String text) {
        StderrTail tail = new StderrTail();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.write(bytes, 0, bytes.length);
        return tail;
    }

    @Test
    void theFirstErrorLineIsTheReason() {
        assertEquals("pg_restore: error: could not read from input file: end of file", with("""
                pg_restore: error: could not read from input file: end of file
                psql:<stdin>:12: ERROR:  the backup could not be read to its end; nothing was changed
                """).reason(3));
        assertEquals("the backup is not a snapshot Redis can read; nothing was changed",
                with("error: the backup is not a snapshot Redis can read; nothing was changed\n").reason(1));
    }

    @Test
    void withoutAnErrorLineTheLastLineOrTheExitCodeSaysIt() {
        assertEquals("AUTH failed: WRONGPASS invalid username-password pair",
                with("sending REPLCONF capa eof\nAUTH failed: WRONGPASS invalid username-password pair\n").reason(1));
        assertEquals("exit code 2", with("").reason(2));
        assertEquals("it wrote nothing", with("\n").reason(0));
        StderrTail noted = with("");
        noted.line("could not write the file: No space left on device");
        assertEquals("could not write the file: No space left on device", noted.reason(-1));
    }
}
