package dev.gantry.node.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.gantry.node.LineSplitter;

import java.util.function.Consumer;

/**
 * Listens to one build's JSON stream: passes output lines on as they arrive and remembers only the
 * error and the step that was running, never the log itself.
 */
final class BuildProgress extends ResultCallback.Adapter<BuildResponseItem> {

    private final LineSplitter lines;
    private volatile String error;
    private volatile RuntimeException outputFailure;
    private volatile String step;

    BuildProgress(Consumer<String> output) {
        this.lines = new LineSplitter(line -> {
            if (line.startsWith("Step ")) {
                step = line;
            }
            output.accept(line);
        });
    }

    @Override
    public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
            try {
                lines.accept(item.getStream());
            } catch (RuntimeException e) {
                // The reader of the output failed (e.g. the git client hung up): remember it as
                // theirs, so it is not mistaken for the engine's, and end the stream.
                outputFailure = e;
                throw e;
            }
        }
        if (item.isErrorIndicated()) {
            error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage()
                    : item.getError();
        }
    }

    /** Emits a last line that had no newline; call once the stream has ended. */
    void finish() {
        lines.finish();
    }

    /** The exception the output consumer threw, if it did. */
    RuntimeException outputFailure() {
        return outputFailure;
    }

    String error() {
        return error;
    }

    String step() {
        return step;
    }
}
