package dev.gantry.control.command;

import dev.gantry.control.routing.CertificateService;
import jakarta.inject.Singleton;

@Singleton
public class CertsRemoveCommand extends NamedCommand {

    private final CertificateService certificates;

    CertsRemoveCommand(CertificateService certificates) {
        super("certs:remove", "APP DOMAIN", "remove the app's certificate for a domain (HTTPS falls back to the default)");
        this.certificates = certificates;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String domain = context.arg(1, "the domain");
        context.expectAtMost(2);
        certificates.remove(app, domain, context.user());
        context.out().println("=====> " + app + " no longer has a certificate for " + domain);
    }
}
