package dev.gantry.control.build;

import java.time.Duration;

/** A build's or deploy's time as progress lines and build listings show it: "12.3 s". */
public final class Elapsed {

    private Elapsed() {
    }

    public static String since(long startedNanos) {
        return of(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    public static String of(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
