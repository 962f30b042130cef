package dev.gantry.git;

import dev.gantry.common.TerminalText;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Which refs a push may update: valid branch and tag names only. A component starting with "-"
 * is refused too: such names are read as options by tools that take a ref as an argument (Gogs
 * #8393), and no user needs them.
 */
final class RefNamePolicy {
    private RefNamePolicy() {
    }

    /** @return why {@code refName} may not be pushed, or empty when it may */
    static Optional<String> refusal(String refName) {
        if (!Repository.isValidRefName(refName)) {
            return Optional.of("invalid ref name " + TerminalText.quote(refName) + ". Use a valid branch or tag name");
        }
        if (!refName.startsWith(Constants.R_HEADS) && !refName.startsWith(Constants.R_TAGS)) {
            return Optional.of("only branches (refs/heads/) and tags (refs/tags/) can be pushed."
                    + " Push a branch, e.g. main");
        }
        for (String component : refName.split("/")) {
            if (component.startsWith("-")) {
                return Optional.of("ref names may not have a part starting with '-'. Rename the branch or tag");
            }
        }
        return Optional.empty();
    }
}
