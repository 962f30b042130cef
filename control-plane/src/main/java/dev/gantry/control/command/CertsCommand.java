package dev.gantry.control.command;

import dev.gantry.control.routing.CertificateService;
import jakarta.inject.Singleton;

@Singleton
public class CertsCommand extends NamedCommand implements ReadOnlyCommand {

    private final CertificateService certificates;

    CertsCommand(CertificateService certificates) {
        super("certs", "APP", "list the certificates the app's domains are served with over HTTPS");
        this.certificates = certificates;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        var list = certificates.certificates(app);
        context.out().println("=== " + app + " certificates");
        if (list.isEmpty()) {
            context.out().println("(none: HTTPS clients get the default self-signed certificate. Add one with certs:add)");
        }
        for (CertificateService.Summary certificate : list) {
            context.out().printf("%s  expires %s  %s  sha256 %s%n", String.join(",", certificate.domains()),
                    certificate.notAfter(), certificate.subject(), certificate.fingerprint());
        }
    }
}
