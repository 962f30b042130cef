package dev.gantry.build.context;

import dev.gantry.common.TerminalText;
import java.io.IOException;

/**
 * A commit's tree holds an entry that must not reach a build: a symlink that is absolute or
 * leaves the tree, or a name such as {@code .git}. The message names the path and says how to
 * fix the repository, so it can be shown to the user who pushed.
 */
public class UnsafeTreeException extends IOException {
    private final String path;

    public UnsafeTreeException(String path, String problemAndFix) {
        super(TerminalText.quote(path) + " " + problemAndFix);
        this.path = path;
    }

    /** The offending path inside the tree. */
    public String path() {
        return path;
    }
}
