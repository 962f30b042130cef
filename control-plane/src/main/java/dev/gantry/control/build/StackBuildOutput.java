package dev.gantry.control.build;

import dev.gantry.common.LineSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A stack image build's output, shortened for the push: each build step and each Debian package
 * as it is set up, instead of apt's four lines per package. The last lines are kept, so a failure
 * can show what led to it.
 */
final class StackBuildOutput implements Consumer<String> {

    private static final int TAIL_LINES = 25;

    private final LineSink progress;
    private final Deque<String> tail = new ArrayDeque<>();

    StackBuildOutput(LineSink progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void accept(String line) {
        if (line.startsWith("Step ") || line.startsWith("Setting up ")) {
            progress.line("       " + line);
        }
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    /** The last lines of the build, for a failure: apt's errors are among them. */
    synchronized void showTail() {
        tail.forEach(line -> progress.line("       " + line));
    }
}
