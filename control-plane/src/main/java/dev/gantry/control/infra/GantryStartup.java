package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.formation.InstanceSupervisor;
import dev.gantry.control.formation.RouteRestorer;
import dev.gantry.control.gc.GarbageCollector;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.control.routing.DefaultCertificate;
import dev.gantry.control.secrets.ConfigAtRest;
import dev.gantry.git.GitSshServer;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.RuncAdvisory;
import dev.gantry.router.api.RouteControl;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Starts the router and the SSH server with the control plane, gives the router its default
 * certificate, restores every app's route and formation (and tells the node runner what each app
 * keeps), then keeps the formations running and the node's disk collected.
 */
@ApplicationScoped
public class GantryStartup {

    private static final Logger LOG = Logger.getLogger(GantryStartup.class);

    private static void warnAboutTheRuntime(ContainerEngine engine) {
        try {
            RuncAdvisory.warning(engine.info().runtimeVersion()).ifPresent(LOG::warn);
        } catch (RuntimeException engineDown) {
            LOG.warnf("the container engine does not answer yet: %s", engineDown.getMessage());
        }
    }

    private static void describe(NodeRunner nodes) {
        try {
            NodeStatus status = nodes.status();
            LOG.infof("node runner %s (%s) holds %d desired instance(s) of %d app(s)", status.node(),
                    status.pid() == 0 ? "embedded" : "pid " + status.pid(), status.desiredInstances(), status.apps());
        } catch (RuntimeException down) {
            LOG.warnf("the node runner does not answer yet (%s); restoring each app waits for it", down.getMessage());
        }
    }

    void onStart(@Observes StartupEvent event, RouteControl router, GitSshServer ssh, AppService apps,
            RouteRestorer restorer, InstanceSupervisor supervisor, ReleaseLedger ledger, ContainerEngine engine,
            NodeRunner nodes,
            ConfigAtRest configAtRest, CliToken cliToken, GantryConfig config, GarbageCollector collector,
            AppRoutes routes, DefaultCertificate defaultCertificate) {
        // Injecting the token writes GANTRY_HOME/cli-token now, so ./gantry COMMAND works as soon as we answer.
        LOG.infof("router (%s) on port %d, git over SSH on port %d, data in %s", config.router().mode(),
                config.router().port(), ssh.port(), config.home());
        warnAboutTheRuntime(engine);
        describe(nodes);
        int encrypted = configAtRest.encryptPlainSnapshots();
        if (encrypted > 0) {
            LOG.infof("encrypted %d config snapshot(s) stored before encryption at rest", encrypted);
        }
        // Before any app is restored or supervised: the restore removes what the interrupted rollouts
        // started. Work this process began (the SSH server already listens) is left alone.
        Instant bootedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        int interrupted = ledger.failInterruptedWork(bootedAt);
        if (interrupted > 0) {
            LOG.warnf("%d build(s) or deployment(s) were cut off by the last stop; recorded them as failed", interrupted);
        }
        try {
            routes.serveDefaultCertificate(defaultCertificate.loadOrCreate());
        } catch (RuntimeException e) {
            LOG.errorf("HTTPS clients whose server name no app's certificate covers get no certificate: %s", e.getMessage());
        }
        for (App app : apps.list()) {
            try {
                restorer.restore(app.name, bootedAt);
            } catch (RuntimeException e) {
                LOG.errorf("could not restore %s: %s", app.name, e.getMessage());
            }
        }
        supervisor.start();
        collector.start();
    }
}
