package dev.gantry.control.cutover;

import dev.gantry.build.ProcessTypes;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.ImagePullFailedException;
import java.util.Optional;

/**
 * A new instance did not become ready, so nothing switched: every new instance is gone again and
 * the route is as it was. The message is the cause's; the story that asked adds what it means.
 */
public class CutoverFailedException extends RuntimeException {

    private final Slot slot;
    private final transient AppInstance awaited;
    private final String lastOutput;

    CutoverFailedException(Slot slot, AppInstance awaited, RuntimeException cause, String lastOutput) {
        super(cause.getMessage(), cause);
        this.slot = slot;
        this.awaited = awaited;
        this.lastOutput = lastOutput;
    }

    /** The last lines the failed instance printed, one per line; empty when there are none. */
    public String lastOutput() {
        return lastOutput;
    }

    public Slot slot() {
        return slot;
    }

    /** The instance that was started but failed its readiness check; empty when the start itself failed. */
    public Optional<AppInstance> awaited() {
        return Optional.ofNullable(awaited);
    }

    /**
     * What went wrong, for a person: {@code web.1 of v4 did not become healthy: REASON}; a node that
     * could not be asked, or a host that could not pull, is no fault of the app's, and says so.
     */
    public String describe(String releaseLabel) {
        String what = nodeUnavailable() || imageNotPulled().isPresent() ? " could not be started: "
                : ProcessTypes.WEB.equals(slot.type()) ? " did not become healthy: " : " did not keep running: ";
        return slot + " of " + releaseLabel + what + getMessage();
    }

    /** Not the app's fault: the node could not be asked to start or watch the instance. */
    public boolean nodeUnavailable() {
        return getCause() instanceof EngineUnavailableException;
    }

    /** Not the app's fault either: a host of the cluster could not pull the release's image. */
    public Optional<ImagePullFailedException> imageNotPulled() {
        return getCause() instanceof ImagePullFailedException pull ? Optional.of(pull) : Optional.empty();
    }
}
