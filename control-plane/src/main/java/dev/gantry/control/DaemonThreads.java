package dev.gantry.control;

import java.util.concurrent.ThreadFactory;

/** Threads of Gantry's background work, which must never keep the JVM from stopping. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
