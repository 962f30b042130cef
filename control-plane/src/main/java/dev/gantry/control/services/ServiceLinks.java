package dev.gantry.control.services;

import dev.gantry.common.LineSink;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.cluster.ClusterFormed;
import dev.gantry.control.config.ConfigService;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What happens on {@code services:link} and {@code services:unlink}. A link is a config change: the app
 * gets the service's URL under the alias (Heroku's names), which makes a new release like any
 * {@code config:set}; before it rolls out, the service joins the app's network, so the new instances
 * reach it by name. An unlink takes the vars away in a new release, then the service off the network:
 * from then on the app cannot reach it at all. The app's lock is taken before the service's, as a push
 * that provisions app.json's addons takes them.
 */
@ApplicationScoped
public class ServiceLinks {

    private static final Logger LOG = Logger.getLogger(ServiceLinks.class);

    private final ServiceCatalog catalog;
    private final ServiceInstances instances;
    private final ServiceLocks locks;
    private final AppLocks appLocks;
    private final ConfigService config;
    private final Authorization authorization;

    ServiceLinks(ServiceCatalog catalog, ServiceInstances instances, ServiceLocks locks, AppLocks appLocks,
            ConfigService config, Authorization authorization) {
        this.catalog = catalog;
        this.instances = instances;
        this.locks = locks;
        this.appLocks = appLocks;
        this.config = config;
        this.authorization = authorization;
    }

    /** Returns the config keys the app got. */
    public Map<String, String> link(String name, String app, Optional<String> alias, String user, LineSink progress) {
        ServiceSpec spec = catalog.spec(name, user);
        authorization.check(user, Permission.APP_MEMBER, app, "services:link");
        String as = ServiceNames.checkAlias(alias.orElse(spec.kind().defaultAlias()));
        Map<String, String> vars = spec.kind().linkVars(as, spec.address());
        try (AppLocks.Held appLock = appLocks.acquire(app, progress);
                AppLocks.Held lock = locks.acquire(name)) {
            catalog.addLink(name, app, as, vars.keySet(), config.config(app), user);
            instances.serving(name).ifPresent(container -> instances.join(name, container.id(), app));
            progress.line("-----> Linked " + name + " to " + app + " as " + as + ": setting "
                    + String.join(", ", vars.keySet()));
            config.set(app, vars, user, progress);
            LOG.infof("%s linked %s to %s as %s", user, name, app, as);
        }
        return vars;
    }

    public void unlink(String name, String app, String user, LineSink progress) {
        ServiceSpec spec = catalog.spec(name, user);
        authorization.check(user, Permission.APP_MEMBER, app, "services:unlink");
        try (AppLocks.Held appLock = appLocks.acquire(app, progress);
                AppLocks.Held lock = locks.acquire(name)) {
            String alias = catalog.removeLink(name, app);
            Map<String, String> unset = new HashMap<>();
            Map<String, String> current = config.config(app);
            spec.kind().linkVars(alias, spec.address()).keySet().stream().filter(current::containsKey)
                    .forEach(key -> unset.put(key, null));
            progress.line("-----> Unlinked " + name + " from " + app + ": removing " + String.join(", ", unset.keySet()));
            if (!unset.isEmpty()) {
                config.patch(app, unset, user, progress);
            }
            instances.all(name).forEach(container -> instances.leave(name, container.id(), app));
            LOG.infof("%s unlinked %s from %s", user, name, app);
        }
    }

    /**
     * A cluster formed after services were linked: each joins its apps' overlays now, so that their instances
     * placed on other hosts from now on reach it. One that fails is logged and left to its next start,
     * which joins every linked app's networks.
     */
    void clusterFormed(@Observes ClusterFormed formed) {
        for (ServiceSpec spec : catalog.all()) {
            try (AppLocks.Held lock = locks.acquire(spec.name())) {
                for (RunningContainer container : instances.all(spec.name())) {
                    spec.linkedApps().forEach(app -> instances.join(spec.name(), container.id(), app));
                }
            } catch (RuntimeException e) {
                LOG.warnf("service %s could not join its apps' cluster networks: %s", spec.name(), e.getMessage());
            }
        }
    }

    /** An app going away: the services linked to it leave its network, so the network can go too. */
    public void appDestroyed(String app) {
        for (String name : catalog.linkedTo(app)) {
            try (AppLocks.Held lock = locks.acquire(name)) {
                instances.all(name).forEach(container -> instances.leave(name, container.id(), app));
            }
        }
    }
}
