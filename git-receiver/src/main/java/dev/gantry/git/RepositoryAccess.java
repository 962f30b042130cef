package dev.gantry.git;

import dev.gantry.common.LineSink;

/**
 * Asks the owner of the domain whether {@code user} may push to or fetch from {@code app}, before
 * the repository is opened. Throw {@link GitAccessDeniedException} with a one-line reason to refuse.
 * {@code beforePush} may create the app (and say so through {@code progress}).
 */
public interface RepositoryAccess {
    void beforePush(String user, String app, LineSink progress);

    void beforeFetch(String user, String app);
}
