package dev.gantry.control.logs;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * An app's followed log as a stream of formatted lines, for Server-Sent Events (the REST API and the
 * console). Following blocks, so it runs on a worker thread until the client goes away.
 */
public final class LogEvents {

    private LogEvents() {
    }

    public static Multi<String> follow(AppLogStore store, String app, LogQuery query) {
        return Multi.createFrom().<String>emitter(emitter -> Infrastructure.getDefaultWorkerPool().execute(() -> {
            LogFollow.show(store, app, query, line -> emitter.emit(LogFollow.format(line)),
                    () -> !emitter.isCancelled());
            emitter.complete();
        }));
    }
}
