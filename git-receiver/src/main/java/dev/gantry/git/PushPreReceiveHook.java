package dev.gantry.git;

import dev.gantry.common.LineSink;
import dev.gantry.common.TerminalText;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.jboss.logging.Logger;

/**
 * Hands every ref update of a push to the {@link PushHandler}. It runs in JGit's pre-receive step,
 * before the client gets the status report, so a failed deploy still makes {@code git push} exit
 * non-zero with the reason (a post-receive hook could not change the outcome any more).
 */
final class PushPreReceiveHook implements PreReceiveHook {
    private static final Logger LOG = Logger.getLogger(PushPreReceiveHook.class);
    static final String HANDLER_FAILED = "the server failed while handling this push."
            + " Try again; the server log has the details";
    static final String KEY_REMOVED = "your SSH key was removed during the push. Add it again with keys:add";

    private final String user;
    private final String address;
    private final String app;
    private final PushHandler handler;
    private final BooleanSupplier keyStillRegistered;

    PushPreReceiveHook(String user, String address, String app, PushHandler handler,
            BooleanSupplier keyStillRegistered) {
        this.user = user;
        this.address = address;
        this.app = app;
        this.handler = handler;
        this.keyStillRegistered = keyStillRegistered;
    }

    @Override
    public void onPreReceive(ReceivePack pack, Collection<ReceiveCommand> commands) {
        LineSink progress = new FlushingLineSink(pack.getMessageOutputStream());
        for (ReceiveCommand command : commands) {
            if (command.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) {
                continue;
            }
            Optional<String> refusal = RefNamePolicy.refusal(command.getRefName());
            if (refusal.isPresent()) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, refusal.get());
            } else if (!keyStillRegistered.getAsBoolean()) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, KEY_REMOVED);
            } else {
                decide(command, pack, progress);
            }
        }
    }

    private void decide(ReceiveCommand command, ReceivePack pack, LineSink progress) {
        PushResult result;
        try {
            result = handler.onPush(new PushRequest(user, app, pack.getRepository(), command.getRefName(),
                    command.getOldId(), command.getNewId(), progress, address));
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Push handler failed for app %s, ref %s, user %s", app, command.getRefName(), user);
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, HANDLER_FAILED);
            return;
        }
        if (result == null || !result.accepted()) {
            String reason = result == null || result.reason() == null || result.reason().isBlank()
                    ? "rejected by the server"
                    : TerminalText.oneLine(result.reason());
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason);
        }
        // Accepted: leave NOT_ATTEMPTED, so JGit performs the ref update itself.
    }
}
