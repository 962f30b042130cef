package dev.gantry.control.gc;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.build.ImageBuilder;
import dev.gantry.control.instances.InstanceLabels;
import dev.gantry.control.logs.AppLogStore;
import dev.gantry.node.DiskUsage;
import dev.gantry.node.NodeReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code system:df}: what each app takes on the node's disk, from one engine report plus the app's
 * log files; what belongs to no app (stack and base images, build leftovers) is one line apart.
 */
@ApplicationScoped
public class DiskUsageByApp {

    private final NodeReport node;
    private final AppService apps;
    private final AppLogStore logs;

    DiskUsageByApp(NodeReport node, AppService apps, AppLogStore logs) {
        this.node = node;
        this.apps = apps;
        this.logs = logs;
    }

    /** Bytes per kind; {@code containers} is what instances wrote outside volumes. */
    public record AppUsage(String app, long images, long containers, long volumes, long logs) {
        public long total() {
            return images + containers + volumes + logs;
        }
    }

    /** @param otherImages bytes of images no app owns: stacks, the base image, build leftovers */
    public record Report(List<AppUsage> apps, long otherImages) {
    }

    public Report report() {
        DiskUsage usage = node.diskUsage();
        List<String> names = apps.list().stream().map(app -> app.name).toList();
        List<AppUsage> rows = names.stream().map(name -> new AppUsage(name, imageBytesOf(usage.images(), name),
                bytesOf(usage.containers(), name), bytesOf(usage.volumes(), name), logs.bytes(name))).toList();
        List<String> appRepositories = names.stream().map(ImageBuilder::repository).toList();
        long otherImages = usage.images().stream()
                .filter(image -> appRepositories.stream().noneMatch(repository -> taggedIn(image, repository)))
                .mapToLong(DiskUsage.Item::bytes).sum();
        return new Report(rows, otherImages);
    }

    /** An app's images are those tagged in its repository: its builds and the stages kept for the next one. */
    private static long imageBytesOf(List<DiskUsage.Item> images, String app) {
        String repository = ImageBuilder.repository(app);
        return images.stream().filter(image -> taggedIn(image, repository)).mapToLong(DiskUsage.Item::bytes).sum();
    }

    private static boolean taggedIn(DiskUsage.Item image, String repository) {
        return image.tags().stream().anyMatch(tag -> tag.startsWith(repository + ":"));
    }

    private static long bytesOf(List<DiskUsage.Item> items, String app) {
        return items.stream().filter(item -> app.equals(item.labels().get(InstanceLabels.APP)))
                .mapToLong(DiskUsage.Item::bytes).sum();
    }
}
