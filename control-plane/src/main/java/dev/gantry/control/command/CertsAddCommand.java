package dev.gantry.control.command;

import dev.gantry.control.routing.CertificateService;
import jakarta.inject.Singleton;

@Singleton
public class CertsAddCommand extends NamedCommand {

    private final CertificateService certificates;

    CertsAddCommand(CertificateService certificates) {
        super("certs:add", "APP < bundle.pem   (the chain and its PKCS#8 key: cat fullchain.pem privkey.pem | ...)",
                "serve the app's domains over HTTPS with this certificate (it replaces one it covers)");
        this.certificates = certificates;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        CertificateService.Added added = certificates.add(app, context.readStdin(), context.user());
        CertificateService.Summary certificate = added.certificate();
        context.out().println("=====> " + app + " serves " + String.join(", ", certificate.domains())
                + " over HTTPS with " + certificate.subject() + " (expires " + certificate.notAfter() + ")");
        added.replaced().forEach(old -> context.out().println("       replaces the certificate sha256 " + old));
    }
}
