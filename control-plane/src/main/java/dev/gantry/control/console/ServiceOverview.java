package dev.gantry.control.console;

import dev.gantry.control.command.Formats;
import dev.gantry.control.services.ServiceBackups;
import dev.gantry.control.services.ServiceCatalog;
import dev.gantry.control.services.ServiceReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Gathers what the service pages show from the services the {@code services:*} commands use. */
@ApplicationScoped
public class ServiceOverview {

    private final ServiceReport report;
    private final ServiceBackups backups;
    private final ServiceCatalog catalog;

    ServiceOverview(ServiceReport report, ServiceBackups backups, ServiceCatalog catalog) {
        this.report = report;
        this.backups = backups;
        this.catalog = catalog;
    }

    public List<ServiceView.Summary> summaries(String user) {
        return report.list(user).stream().map(this::summary).toList();
    }

    public List<ServiceView.Summary> ofApp(String app, String user) {
        return catalog.linkedTo(app, user).stream().map(this::summary).toList();
    }

    /** The password stays hidden: the page shows the URL's shape, {@code services:info --reveal} the secret. */
    public ServiceView of(String name, String user) {
        ServiceReport.ServiceInfo info = report.info(name, user, false);
        ServiceCatalog.ServiceView service = info.service();
        return new ServiceView(service.name(), service.kind().word(), service.version(), info.state(),
                info.since().map(Formats::time).orElse("-"),
                info.dataBytes() < 0 ? "unknown" : Formats.size(info.dataBytes()), info.url(),
                service.links().stream().map(link -> new ServiceView.Link(link.app(), link.alias())).toList(),
                backups.list(name, user).stream().map(backup -> new ServiceView.BackupLine(backup.id(),
                        Formats.size(backup.bytes()), Formats.time(backup.at()))).toList(),
                service.backupSchedule().orElse(""), service.backupsKept(), service.createdBy());
    }

    private ServiceView.Summary summary(ServiceCatalog.ServiceView service) {
        return new ServiceView.Summary(service.name(), service.kind().word(), service.version(),
                report.state(service.name()), service.linksInWords());
    }
}
