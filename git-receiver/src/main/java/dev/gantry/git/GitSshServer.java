package dev.gantry.git;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.jboss.logging.Logger;

/**
 * The SSH endpoint of Gantry: {@code git push}/{@code git fetch} for apps, and Gantry commands
 * ({@code ssh git@host apps:list}). Public-key authentication only; exec requests only (no shell,
 * pty, subsystem such as sftp, port/agent/X11 forwarding, or environment other than GIT_PROTOCOL).
 * Exec strings are split into argv without a shell.
 */
public final class GitSshServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GitSshServer.class);

    private final GitServerConfig config;
    private final SshServer sshd;
    private final ExecutorService commandThreads;

    public GitSshServer(GitServerConfig config, KeyAuthenticator keys, RepositoryAccess access,
            PushHandler pushes, CommandHandler commands) {
        this.config = config;
        this.commandThreads = Executors.newCachedThreadPool(namedDaemonThreads());
        AppRepositories repositories = new AppRepositories(config.reposDir());
        ExecDispatcher dispatcher = new ExecDispatcher(
                new SessionIdentity(keys),
                new GitReceiveService(repositories, access, pushes, config.maxPackBytes(), config.timeoutSeconds()),
                new GitUploadService(repositories, access, config.timeoutSeconds()),
                commands);
        this.sshd = newSshServer(keys, dispatcher);
    }

    private SshServer newSshServer(KeyAuthenticator keys, ExecDispatcher dispatcher) {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(config.bindHost());
        server.setPort(config.port());
        server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        server.setPublickeyAuthenticator(new RegisteredKeyAuthenticator(keys));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        // Only session channels: no direct-tcpip (ssh -L) channel type at all.
        server.setChannelFactories(List.of(RestrictedChannelSession.FACTORY));
        // No tcpip-forward (ssh -R) handler; unknown global requests get a failure reply.
        server.setGlobalRequestHandlers(List.of(KeepAliveHandler.INSTANCE, NoMoreSessionsHandler.INSTANCE));
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setAgentFactory(null);
        server.setShellFactory(null);
        server.setSubsystemFactories(List.of());
        server.setCommandFactory(new ExecCommandFactory(dispatcher, commandThreads));
        return server;
    }

    /** Reads or generates the host key, then listens. */
    public void start() throws IOException {
        sshd.setKeyPairProvider(HostKeyFile.loadOrCreate(config.hostKeyFile()));
        sshd.start();
        LOG.infof("Git SSH server listening on %s:%d, repositories in %s", config.bindHost(), port(), config.reposDir());
    }

    /** The port actually bound; differs from the configured one when that was 0. */
    public int port() {
        return sshd.getPort();
    }

    /** Closes all sessions and interrupts running commands. */
    @Override
    public void close() throws IOException {
        try {
            sshd.stop(true);
        } finally {
            commandThreads.shutdownNow();
            try {
                commandThreads.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gantry-ssh-command-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
