package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.audit.AuditedPushes;
import dev.gantry.control.command.CommandDispatcher;
import dev.gantry.control.deploy.AppGitAccess;
import dev.gantry.control.keys.KeyService;
import dev.gantry.git.GitServerConfig;
import dev.gantry.git.GitSshServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Wires the embedded SSH server to the domain: keys, app access, the push story, commands. */
@ApplicationScoped
public class GitServerProducer {

    @Produces
    @Singleton
    GitSshServer gitSshServer(GantryConfig config, KeyService keys, AppGitAccess access,
            AuditedPushes pushes, CommandDispatcher commands) {
        GitServerConfig serverConfig = new GitServerConfig(
                config.ssh().bindHost(),
                config.ssh().port(),
                config.home().resolve("ssh_host_key.pem"),
                config.home().resolve("repos"),
                config.ssh().maxPackMib() * 1024 * 1024,
                Duration.ofMinutes(30));
        GitSshServer server = new GitSshServer(serverConfig, keys::userFor, access, pushes,
                (client, argv, stdin, stdout, stderr) -> commands.run(
                        new AuditLog.Actor(client.user(), "ssh", client.address()), argv, stdin, stdout, stderr,
                        client.tty()));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the SSH server on port " + config.ssh().port()
                    + ": " + e.getMessage() + ". Free the port or set GANTRY_SSH_PORT", e);
        }
        return server;
    }

    void close(@Disposes GitSshServer server) throws IOException {
        server.close();
    }
}
