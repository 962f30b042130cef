package dev.gantry.git;

/**
 * Decides what a push does. Called from JGit's pre-receive step, before the client is told the
 * outcome, so a failed deploy can still make {@code git push} exit non-zero.
 */
@FunctionalInterface
public interface PushHandler {
    /**
     * @return the result for this ref update; a rejection's reason is shown to the git client
     */
    PushResult onPush(PushRequest push);
}
