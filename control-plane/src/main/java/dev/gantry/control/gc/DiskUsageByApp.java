package dev.gantry.control.gc;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.instances.InstanceLabels;
import dev.gantry.control.logs.AppLogStore;
import dev.gantry.node.DiskUsage;
import dev.gantry.node.HostDisks;
import dev.gantry.node.NodeReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code system:df}: what each app takes on the node's disk, from one engine report plus the app's
 * log files; what belongs to no app (stack and base images, build leftovers) is one line apart. On a
 * cluster the apps' rows add what every other host reports ({@link HostDisks}), and each of those
 * hosts gets a line of its own.
 */
@ApplicationScoped
public class DiskUsageByApp {

    private final NodeReport node;
    private final HostDisks hosts;
    private final AppService apps;
    private final AppLogStore logs;

    DiskUsageByApp(NodeReport node, HostDisks hosts, AppService apps, AppLogStore logs) {
        this.node = node;
        this.hosts = hosts;
        this.apps = apps;
        this.logs = logs;
    }

    /** Bytes per kind; {@code containers} is what instances wrote outside volumes. */
    public record AppUsage(String app, long images, long containers, long volumes, long logs) {
        public long total() {
            return images + containers + volumes + logs;
        }
    }

    /**
     * One of the cluster's other hosts: what the apps take there (included in their rows), what other images
     * take, or why it did not answer.
     */
    public record HostUsage(String host, long apps, long otherImages, String failure) {
    }

    /**
     * @param otherImages bytes of images no app owns on this host: stacks, the base image, build leftovers
     * @param hosts the cluster's other hosts; none on one host
     */
    public record Report(List<AppUsage> apps, long otherImages, List<HostUsage> hosts) {
    }

    public Report report() {
        DiskUsage here = node.diskUsage();
        List<HostDisks.HostUsage> others = hosts.usage();
        List<String> names = apps.list().stream().map(app -> app.name).toList();
        List<AppUsage> rows = names.stream().map(name -> others.stream().map(host -> usageOf(host.usage(), name, 0))
                .reduce(usageOf(here, name, logs.bytes(name)), DiskUsageByApp::plus)).toList();
        List<HostUsage> hostRows = others.stream().map(host -> new HostUsage(host.host(),
                names.stream().mapToLong(name -> usageOf(host.usage(), name, 0).total()).sum(),
                otherImageBytes(host.usage(), names), host.failure())).toList();
        return new Report(rows, otherImageBytes(here, names), hostRows);
    }

    private static AppUsage usageOf(DiskUsage usage, String app, long logBytes) {
        return new AppUsage(app, usage.images().stream().filter(image -> AppImages.of(image, app))
                .mapToLong(DiskUsage.Item::bytes).sum(),
                bytesOf(usage.containers(), app), bytesOf(usage.volumes(), app), logBytes);
    }

    private static AppUsage plus(AppUsage a, AppUsage b) {
        return new AppUsage(a.app(), a.images() + b.images(), a.containers() + b.containers(), a.volumes() + b.volumes(),
                a.logs() + b.logs());
    }

    /** Images no app owns: an app's are those its repository names (its builds and the stages kept for the next one). */
    private static long otherImageBytes(DiskUsage usage, List<String> apps) {
        return usage.images().stream().filter(image -> apps.stream().noneMatch(app -> AppImages.of(image, app)))
                .mapToLong(DiskUsage.Item::bytes).sum();
    }

    private static long bytesOf(List<DiskUsage.Item> items, String app) {
        return items.stream().filter(item -> app.equals(item.labels().get(InstanceLabels.APP)))
                .mapToLong(DiskUsage.Item::bytes).sum();
    }
}
