package dev.gantry.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on the text of generated Dockerfiles. */
final class GeneratedDockerfiles {

    private GeneratedDockerfiles() {
    }

    /** Fails unless the lines occur in this order (each one whole). */
    static void assertInOrder(String dockerfile, String... lines) {
        int from = 0;
        for (String line : lines) {
            int at = ("\n" + dockerfile).indexOf("\n" + line + "\n", from);
            assertTrue(at >= 0, "expected the line '" + line + "' after position " + from + " in:\n" + dockerfile);
            from = at + line.length();
        }
    }

    /** The stage after the last FROM: what the app's image is made of. */
    static String runStage(String dockerfile) {
        return dockerfile.substring(dockerfile.lastIndexOf("\nFROM ") + 1);
    }
}
