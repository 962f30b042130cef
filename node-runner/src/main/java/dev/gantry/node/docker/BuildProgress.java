package dev.gantry.node.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.gantry.node.LineSplitter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Listens to one build's JSON stream: passes output lines on as they arrive and remembers only the
 * error, the step that was running and the image of the last step that succeeded, never the log itself.
 */
final class BuildProgress extends ResultCallback.Adapter<BuildResponseItem> {

    /** The engine's classic builder names each step's image as " ---> 1a2b3c4d5e6f". */
    private static final Pattern STEP_IMAGE = Pattern.compile("\\s*---> ([0-9a-f]{12,64})\\s*");
    /** A step that begins a stage: what the step before made is the last image of the stage before. */
    private static final Pattern STAGE_START = Pattern.compile("Step \\d+/\\d+ : (?i:FROM)\\s.*");

    private final LineSplitter lines;
    private volatile String error;
    private volatile RuntimeException outputFailure;
    private volatile String step;
    private volatile String lastStepImage;
    private final List<String> stages = new CopyOnWriteArrayList<>();

    BuildProgress(Consumer<String> output) {
        this.lines = new LineSplitter(line -> {
            if (line.startsWith("Step ")) {
                step = line;
                if (lastStepImage != null && STAGE_START.matcher(line).matches()) {
                    stages.add(lastStepImage);
                }
            }
            Matcher stepImage = STEP_IMAGE.matcher(line);
            if (stepImage.matches()) {
                lastStepImage = stepImage.group(1);
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

    /** The last image of every stage that has ended, in order (not the stage still running or the final one). */
    List<String> stages() {
        return List.copyOf(stages);
    }

    /** The short id of the image the last successful step made, or null before any did. */
    String lastStepImage() {
        return lastStepImage;
    }
}
