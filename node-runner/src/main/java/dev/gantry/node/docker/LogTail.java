package dev.gantry.node.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.gantry.node.LineSplitter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Collects the last lines of a container's stdout and stderr, sanitized, bounded by line count. */
final class LogTail extends ResultCallback.Adapter<Frame> {

    private final int maxLines;
    private final Deque<String> lines = new ArrayDeque<>();
    private final LineSplitter splitter = new LineSplitter(this::keep);

    LogTail(int maxLines) {
        this.maxLines = maxLines;
    }

    @Override
    public void onNext(Frame frame) {
        // Frames may split a multi-byte character; rare enough for an error message, and never unsafe.
        splitter.accept(new String(frame.getPayload(), StandardCharsets.UTF_8));
    }

    private synchronized void keep(String line) {
        lines.addLast(line);
        if (lines.size() > maxLines) {
            lines.removeFirst();
        }
    }

    synchronized String text() {
        splitter.finish();
        return String.join("\n", lines);
    }
}
