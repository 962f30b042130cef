package dev.gantry.control.services;

import dev.gantry.common.LineSink;
import dev.gantry.control.apps.AppLocks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What happens on {@code services:create} and {@code services:destroy}, top to bottom. A service is
 * created whole or not at all: its row, volume and instance, ready once its own health check passes;
 * any failure on the way removes what was made, so the name is free again.
 */
@ApplicationScoped
public class BackingServices {

    private static final Logger LOG = Logger.getLogger(BackingServices.class);

    private final ServiceCatalog catalog;
    private final ServiceInstances instances;
    private final ServiceLocks locks;

    BackingServices(ServiceCatalog catalog, ServiceInstances instances, ServiceLocks locks) {
        this.catalog = catalog;
        this.instances = instances;
        this.locks = locks;
    }

    public ServiceSpec create(String kindWord, String name, Optional<String> version, String user, LineSink progress) {
        ServiceKind kind = ServiceKind.parse(kindWord);
        ServiceNames.checkName(name);
        String chosen = kind.version(version.orElse(null));
        try (AppLocks.Held lock = locks.acquire(name)) {
            catalog.add(name, kind, chosen, ServiceSpec.newPassword(), user);
            ServiceSpec spec = catalog.spec(name, user);
            try {
                instances.createVolume(name);
                progress.line("-----> Starting " + spec);
                instances.awaitHealthy(spec, instances.start(spec, progress));
            } catch (RuntimeException e) {
                instances.removeAll(name);
                instances.removeVolume(name);
                catalog.delete(name);
                throw e;
            }
            LOG.infof("%s created %s", user, spec);
            return spec;
        }
    }

    /** Deletes the service's data for good; refused while it is linked. Its backups stay on disk. */
    public void destroy(String name, String user, LineSink progress) {
        catalog.spec(name, user);
        try (AppLocks.Held lock = locks.acquire(name)) {
            catalog.checkUnlinked(name);
            progress.line("-----> Stopping " + name);
            instances.removeAll(name);
            instances.removeVolume(name);
            catalog.delete(name);
            LOG.infof("%s destroyed service %s", user, name);
        }
    }
}
