package dev.gantry.git;

import dev.gantry.common.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.jboss.logging.Logger;

/**
 * One exec request, run on a worker thread. Whatever happens, the client gets its output flushed,
 * at most one {@code error:} line, and an exit status; a refused command exits 1.
 */
final class ExecCommand implements Command {
    private static final Logger LOG = Logger.getLogger(ExecCommand.class);

    private final String commandLine;
    private final ExecDispatcher dispatcher;
    private final ExecutorService executor;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exitCallback;
    private volatile Future<?> running;

    ExecCommand(String commandLine, ExecDispatcher dispatcher, ExecutorService executor) {
        this.commandLine = commandLine;
        this.dispatcher = dispatcher;
        this.executor = executor;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        ServerSession session = channel.getServerSession();
        String gitProtocol = env.getEnv().get(GitProtocol.ENV_NAME);
        boolean tty = channel instanceof RestrictedChannelSession restricted && restricted.ptyRequested();
        if (tty) {
            // The client's terminal is raw: without a pty here, a bare newline would not return the carriage.
            out = new TerminalNewlines(out);
            err = new TerminalNewlines(err);
        }
        running = executor.submit(() -> runToExit(session, gitProtocol, tty));
    }

    private void runToExit(ServerSession session, String gitProtocol, boolean tty) {
        int status;
        try {
            status = dispatcher.run(session, commandLine, new ExecStreams(in, out, err, tty), gitProtocol);
        } catch (RefusedCommandException e) {
            status = fail(e.getMessage());
        } catch (Exception | Error e) {
            LOG.errorf(e, "Command %s from %s failed", TerminalText.quote(commandLine), session.getClientAddress());
            status = fail("the server failed to run this command. Try again; the server log has the details.");
        }
        flushQuietly(out);
        flushQuietly(err);
        exitCallback.onExit(status);
    }

    private int fail(String message) {
        try {
            err.write(("error: " + TerminalText.oneLine(message) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientGone) {
            LOG.debugf("Could not send error line: %s", clientGone.getMessage());
        }
        return 1;
    }

    private static void flushQuietly(OutputStream stream) {
        try {
            stream.flush();
        } catch (IOException clientGone) {
            LOG.debugf("Could not flush command output: %s", clientGone.getMessage());
        }
    }

    /** The channel closed (client gone or server stopping): interrupt the work rather than let it run on. */
    @Override
    public void destroy(ChannelSession channel) {
        Future<?> task = running;
        if (task != null) {
            task.cancel(true);
        }
    }
}
