package dev.gantry.control.formation;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.StorageMount;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeMembership;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * On a cluster, a volume lives on the manager, where the control plane makes it, and every instance of
 * a process type that mounts it runs there too (the cluster's runner holds them to that host). Scaling
 * such a type says so, so nobody waits for a spread that cannot happen; on one host there is nothing
 * to say.
 */
@ApplicationScoped
public class VolumeHost {

    private final AppService apps;
    private final NodeMembership membership;

    VolumeHost(AppService apps, NodeMembership membership) {
        this.apps = apps;
        this.membership = membership;
    }

    /** One line for each type scaled above 0 that mounts a volume, when this host manages a cluster. */
    public List<String> notes(String app, Map<String, Integer> counts) {
        if (membership.standing().role() != NodeMembership.Role.MANAGER) {
            return List.of();
        }
        List<Mounted> mounts = QuarkusTransaction.requiringNew().call(() -> StorageMount.of(apps.get(app)).stream()
                .map(mount -> new Mounted(mount.processType, mount.storage.name)).toList());
        String manager = membership.nodes().stream().filter(ClusterNode::self).map(ClusterNode::name).findFirst()
                .orElse("this host");
        List<String> notes = new ArrayList<>();
        counts.forEach((type, count) -> {
            List<String> volumes = mounts.stream().filter(mount -> mount.type() == null || mount.type().equals(type))
                    .map(Mounted::storage).distinct().toList();
            if (count > 0 && !volumes.isEmpty()) {
                notes.add(note(type, count, volumes, manager));
            }
        });
        return notes;
    }

    /** A storage mounted in one type, or in every type when {@code type} is null. */
    private record Mounted(String type, String storage) {
    }

    static String note(String type, int count, List<String> volumes, String manager) {
        return type + " mounts " + String.join(", ", volumes) + ", which lives on " + manager + ", the cluster's manager: "
                + (count == 1 ? "its instance runs" : "all " + count + " of its instances run") + " there"
                + " (storage:unmount lets them spread over the hosts)";
    }
}
