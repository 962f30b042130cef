package dev.gantry.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcfileTest {

    @Test
    void readsTypesInOrderWithCommandsVerbatim() {
        ProcessTypes types = Procfile.parse("""
                # processes
                web: ./server --port=$PORT
                worker:   sh -c 'while true; do work; done'

                release: ./migrate
                """);

        assertEquals(List.of("web", "worker", "release"), List.copyOf(types.commands().keySet()));
        assertEquals("./server --port=$PORT", types.commands().get("web"));
        assertEquals("sh -c 'while true; do work; done'", types.commands().get("worker"));
        assertEquals(List.of("web", "worker"), List.copyOf(types.longRunning().keySet()));
        assertEquals("./migrate", types.releaseCommand().orElseThrow());
        assertFalse(types.has("release"));
    }

    @Test
    void acceptsWindowsLineEndings() {
        assertEquals(Map.of("web", "./a", "worker", "./b"), Procfile.parse("web: ./a\r\nworker: ./b\r\n").commands());
    }

    @Test
    void refusesBrokenLinesNamingTheLineAndTheFix() {
        assertMessage("web ./a", "Procfile line 1: expected 'type: command'");
        assertMessage("web: ./a\nWorker: ./b", "Procfile line 2: 'Worker' is not a valid process type name");
        assertMessage("web: ./a\nbad_type: ./b", "'bad_type' is not a valid process type name");
        assertMessage("web:", "process type 'web' has no command");
        assertMessage("web: a\n\nweb: b", "Procfile line 3: process type 'web' is declared twice");
    }

    @Test
    void aDockerfileCmdIsWebUnlessTheProcfileDeclaresOne() {
        assertEquals(List.of("web", "worker"),
                List.copyOf(Procfile.parse("worker: ./w").withImageCommandAsWeb().commands().keySet()));
        assertEquals("", Procfile.parse("worker: ./w").withImageCommandAsWeb().commands().get("web"));
        assertEquals("./a", Procfile.parse("web: ./a").withImageCommandAsWeb().commands().get("web"));
        assertTrue(ProcessTypes.of(null).has("web"));
    }

    private static void assertMessage(String procfile, String expected) {
        InvalidProcfileException e = assertThrows(InvalidProcfileException.class, () -> Procfile.parse(procfile));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix the Procfile and push again"), e.getMessage());
    }
}
