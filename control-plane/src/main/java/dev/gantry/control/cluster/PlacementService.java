package dev.gantry.control.cluster;

import dev.gantry.build.ProcessTypes;
import dev.gantry.common.LineSink;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.Formation;
import dev.gantry.control.domain.StorageMount;
import dev.gantry.control.formation.RestartService;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeMembership;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The story of {@code ps:place APP TYPE key=value...}: the instances of a process type run only on
 * hosts that carry those labels. The placement is kept with the formation, so every instance started
 * from then on honours it (deploys, rollbacks, scale, crash restarts, a lost host's replacements), and
 * the instances running on other hosts now move, one at a time, with no request refused.
 * {@code ps:place APP TYPE default} lets the type run anywhere again.
 */
@ApplicationScoped
public class PlacementService {

    public static final String ANYWHERE = "default";

    private final AppService apps;
    private final NodeMembership membership;
    private final RestartService restarts;
    private final AppEvents events;

    PlacementService(AppService apps, NodeMembership membership, RestartService restarts, AppEvents events) {
        this.apps = apps;
        this.membership = membership;
        this.restarts = restarts;
        this.events = events;
    }

    /** What ps:place did: the type's placement now, and how many instances moved to honour it. */
    public record Placed(Map<String, String> labels, int moved) {
    }

    public Placed place(String app, String type, List<String> arguments, String user, LineSink progress) {
        apps.get(app);
        if (!ProcessTypes.isValidName(type)) {
            throw new InvalidInputException("'" + type + "' is not a process type. Use the names in the Procfile (e.g."
                    + " ps:place " + app + " web zone=a)");
        }
        if (arguments.isEmpty()) {
            throw new InvalidInputException("no label given. Write e.g. ps:place " + app + " " + type + " zone=a, or"
                    + " ps:place " + app + " " + type + " " + ANYWHERE + " to let it run on any host");
        }
        Map<String, String> labels = arguments.equals(List.of(ANYWHERE)) ? Map.of()
                : HostLabels.parse(arguments, false, "zone=a");
        ClusterHosts hosts = ClusterHosts.of(membership);
        List<String> volumes = volumesOf(app, type);
        if (!labels.isEmpty() && !volumes.isEmpty()) {
            throw new InvalidInputException(type + " of " + app + " mounts " + String.join(", ", volumes) + ", which"
                    + " lives on this host, the cluster's manager: its instances stay here. Unmount it first"
                    + " (storage:unmount) to place " + type + " elsewhere");
        }
        if (!labels.isEmpty() && hosts.all().stream().noneMatch(host -> host.state() == ClusterNode.State.READY
                && HostLabels.carries(host.labels(), labels))) {
            throw new InvalidInputException("no ready host carries " + HostLabels.describe(labels) + ". Label one first"
                    + " (nodes:label HOST " + HostLabels.describe(labels).replace(',', ' ') + "); nodes shows the labels");
        }
        QuarkusTransaction.requiringNew().run(() -> Formation.ofType(apps.get(app), type).place(labels));
        events.record(app, type + " placed on " + (labels.isEmpty() ? "any host" : "hosts with "
                + HostLabels.describe(labels)) + " by " + user);
        int moved = labels.isEmpty() ? 0 : restarts.move(app, instance -> instance.type().equals(type)
                        && hosts.of(instance.container()).filter(host -> HostLabels.carries(host.labels(), labels)).isEmpty(),
                "moving %d instance(s) of " + type + " to hosts with " + HostLabels.describe(labels), progress);
        return new Placed(labels, moved);
    }

    /** The storage names mounted into the type's instances (a volume mounted in every type counts too). */
    private List<String> volumesOf(String app, String type) {
        return QuarkusTransaction.requiringNew().call(() -> StorageMount.of(apps.get(app)).stream()
                .filter(mount -> mount.processType == null || mount.processType.equals(type))
                .map(mount -> mount.storage.name).distinct().toList());
    }
}
