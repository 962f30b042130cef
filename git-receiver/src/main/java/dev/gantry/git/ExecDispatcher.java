package dev.gantry.git;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.sshd.server.session.ServerSession;

/**
 * Decides what an exec request is: a git transfer for one app, or a Gantry command for the
 * {@link CommandHandler}. Checks, in order: the command line splits cleanly, the session's key
 * is still registered, and for git the repository argument names an app.
 */
final class ExecDispatcher {
    static final String RECEIVE_PACK = "git-receive-pack";
    static final String UPLOAD_PACK = "git-upload-pack";

    private final SessionIdentity identity;
    private final GitReceiveService receive;
    private final GitUploadService upload;
    private final CommandHandler commands;

    ExecDispatcher(SessionIdentity identity, GitReceiveService receive, GitUploadService upload,
            CommandHandler commands) {
        this.identity = identity;
        this.receive = receive;
        this.upload = upload;
        this.commands = commands;
    }

    /** @return the exit status for the client */
    int run(ServerSession session, String commandLine, ExecStreams io, String gitProtocol)
            throws RefusedCommandException, IOException {
        List<String> argv = CommandLineSplitter.split(commandLine);
        if (argv.isEmpty()) {
            throw new RefusedCommandException("no command given."
                    + " Push with git push ssh://git@HOST/APP main, or run ssh git@HOST COMMAND [ARGS...].");
        }
        String user = identity.requireUser(session);
        switch (argv.get(0)) {
            case RECEIVE_PACK:
                return receive.receive(user, address(session), RepositoryArgument.appName(argv), io,
                        () -> identity.currentUser(session).filter(user::equals).isPresent());
            case UPLOAD_PACK:
                return upload.upload(user, RepositoryArgument.appName(argv), io,
                        GitProtocol.wantsVersion2(gitProtocol));
            default:
                return runGantryCommand(new SshClient(user, address(session), io.tty()), argv, io);
        }
    }

    private static String address(ServerSession session) {
        return session.getClientAddress() instanceof InetSocketAddress socket
                ? socket.getAddress().getHostAddress()
                : String.valueOf(session.getClientAddress());
    }

    private int runGantryCommand(SshClient client, List<String> argv, ExecStreams io) {
        // autoflush: each println reaches the client at once, as a log tail expects.
        PrintStream stdout = new PrintStream(io.out(), true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(io.err(), true, StandardCharsets.UTF_8);
        int status = commands.run(client, List.copyOf(argv), io.in(), stdout, stderr);
        stdout.flush();
        stderr.flush();
        return status;
    }
}
