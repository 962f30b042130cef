package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.cluster.RegistrySupervisor;
import dev.gantry.control.formation.InstanceSupervisor;
import dev.gantry.control.formation.StartupRecovery;
import dev.gantry.control.cron.CronService;
import dev.gantry.control.gc.GarbageCollector;
import dev.gantry.control.metrics.MetricsSampler;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.control.routing.DefaultCertificate;
import dev.gantry.control.secrets.ConfigAtRest;
import dev.gantry.control.services.BackupScheduler;
import dev.gantry.control.services.ServiceSupervisor;
import dev.gantry.git.GitSshServer;
import dev.gantry.node.NodeReport;
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
 * keeps), then keeps the formations and the backing services running (and backed up), the cron jobs
 * on schedule, the node's disk collected, every app's metrics sampled and, on a cluster's manager, its
 * registry running.
 */
@ApplicationScoped
public class GantryStartup {

    private static final Logger LOG = Logger.getLogger(GantryStartup.class);

    private static void warnAboutTheRuntime(NodeReport node) {
        try {
            RuncAdvisory.warning(node.engine().runtimeVersion()).ifPresent(LOG::warn);
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

    void onStart(@Observes StartupEvent event, RouteControl router, GitSshServer ssh,
            StartupRecovery recovery, InstanceSupervisor supervisor, NodeReport node, NodeRunner nodes,
            ConfigAtRest configAtRest, CliToken cliToken, GantryConfig config, GarbageCollector collector,
            AppRoutes routes, DefaultCertificate defaultCertificate, RegistrySupervisor registry,
            CronService cron, ServiceSupervisor services, BackupScheduler backups, MetricsSampler metrics) {
        // Injecting the token writes GANTRY_HOME/cli-token now, so ./gantry COMMAND works as soon as we answer.
        LOG.infof("router (%s) on port %d, git over SSH on port %d, data in %s", config.router().mode(),
                config.router().port(), ssh.port(), config.home());
        warnAboutTheRuntime(node);
        describe(nodes);
        int encrypted = configAtRest.encryptPlainSnapshots();
        if (encrypted > 0) {
            LOG.infof("encrypted %d config snapshot(s) stored before encryption at rest", encrypted);
        }
        try {
            routes.serveDefaultCertificate(defaultCertificate.loadOrCreate());
        } catch (RuntimeException e) {
            LOG.errorf("HTTPS clients whose server name no app's certificate covers get no certificate: %s", e.getMessage());
        }
        // Before anything supervises an app: the recovery removes what interrupted rollouts started.
        recovery.recover(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        supervisor.start();
        services.start();
        backups.start();
        collector.start();
        registry.start();
        cron.start();
        metrics.start();
    }
}
