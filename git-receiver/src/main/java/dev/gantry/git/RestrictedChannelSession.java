package dev.gantry.git;

import java.io.IOException;
import java.util.Map;

import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler.Result;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A session channel that only runs exec requests. Environment variables are refused except
 * {@code GIT_PROTOCOL=version=1|2} (Gogs CVE-2024-39930 came from an env request reaching a
 * process); agent and X11 forwarding are refused even though the forwarding filter would refuse
 * them as well. Shells and subsystems fail because the server has no factories. A pty request
 * ({@code ssh -t}) is accepted and only remembered: no terminal is opened on the server, but a
 * command may hand one to what it runs (a one-off container's TTY).
 */
final class RestrictedChannelSession extends ChannelSession {

    private volatile boolean ptyRequested;

    static final ChannelFactory FACTORY = new ChannelFactory() {
        @Override
        public String getName() {
            return "session";
        }

        @Override
        public RestrictedChannelSession createChannel(org.apache.sshd.common.session.Session session) {
            return new RestrictedChannelSession();
        }
    };

    @Override
    protected Result handleEnvParsed(String name, String value) throws IOException {
        if (GitProtocol.ENV_NAME.equals(name) && GitProtocol.isAcceptedValue(value)) {
            return super.handleEnvParsed(name, value);
        }
        return Result.ReplyFailure;
    }

    @Override
    protected Result handlePtyReqParsed(
            String term, int columns, int rows, int width, int height, Map<PtyMode, Integer> modes) throws IOException {
        ptyRequested = true;
        return super.handlePtyReqParsed(term, columns, rows, width, height, modes);
    }

    /** Whether the client asked for a terminal ({@code ssh -t}) before its exec request. */
    boolean ptyRequested() {
        return ptyRequested;
    }

    @Override
    protected Result handleAgentForwardingParsed(String requestType) {
        return Result.ReplyFailure;
    }

    @Override
    protected Result handleX11Forwarding(String requestType, Buffer buffer, boolean wantReply) {
        return Result.ReplyFailure;
    }
}
