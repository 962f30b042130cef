package dev.gantry.control.build;

import java.time.Duration;

/** Time since a {@link System#nanoTime()} reading, as build progress lines show it: "12.3 s". */
public final class Elapsed {

    private Elapsed() {
    }

    public static String since(long startedNanos) {
        return String.format("%.1f s", Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0);
    }
}
