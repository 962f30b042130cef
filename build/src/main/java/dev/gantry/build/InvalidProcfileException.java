package dev.gantry.build;

/** The Procfile cannot be read; the message names the line and what to change. */
public class InvalidProcfileException extends RuntimeException {
    public InvalidProcfileException(int line, String problem) {
        super("Procfile line " + line + ": " + problem + ". Fix the Procfile and push again");
    }
}
