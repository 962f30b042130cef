package dev.gantry.control.instances;

import dev.gantry.build.ProcessTypes;
import dev.gantry.node.RunningContainer;
import dev.gantry.router.api.Backend;
import java.util.Comparator;
import java.util.List;

/**
 * One container of an app read through Gantry's labels: which release, process type and slot
 * ({@code web.2}) it fills.
 */
public record AppInstance(RunningContainer container, int version, String type, int index) {

    public static final Comparator<AppInstance> BY_SLOT =
            Comparator.comparing(AppInstance::type).thenComparingInt(AppInstance::index);

    /** Containers without Gantry's labels (or of an older layout) get index 1 and version 0, never an exception. */
    public static AppInstance of(RunningContainer container) {
        return new AppInstance(container, number(container.labels().get(InstanceLabels.RELEASE)),
                container.labels().getOrDefault(InstanceLabels.PROCESS, ProcessTypes.WEB),
                Math.max(1, number(container.labels().get(InstanceLabels.INDEX))));
    }

    public static List<AppInstance> of(List<RunningContainer> containers) {
        return containers.stream().map(AppInstance::of).sorted(BY_SLOT).toList();
    }

    public String slot() {
        return type + "." + index;
    }

    public boolean isWeb() {
        return ProcessTypes.WEB.equals(type);
    }

    public boolean running() {
        return container.running();
    }

    public String id() {
        return container.id();
    }

    public String name() {
        return container.name();
    }

    public Backend backend() {
        return new Backend(container.hostAddress(), container.hostPort());
    }

    /** A web instance that runs, has its port, and whose host answers the cluster (a lost one answers nothing). */
    public boolean routable() {
        return isWeb() && container.running() && container.hostPort() > 0 && !container.nodeDown();
    }

    private static int number(String label) {
        try {
            return label == null ? 0 : Integer.parseInt(label);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
