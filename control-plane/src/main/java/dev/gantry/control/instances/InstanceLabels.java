package dev.gantry.control.instances;

import dev.gantry.node.NodeLabels;
import java.util.Map;

/**
 * Labels that tie every container to the domain, so recovery and cleanup never guess which app,
 * release, process type and slot a container belongs to. (Images carry none: an app's images are
 * those tagged in its repository, {@link ImageBuilder#repository}.)
 */
public final class InstanceLabels {

    public static final String APP = NodeLabels.APP;
    public static final String RELEASE = "gantry.release";
    public static final String PROCESS = "gantry.process";
    public static final String INDEX = "gantry.index";
    public static final String INSTANCE = NodeLabels.INSTANCE;
    /** Marks a container started by {@code run}: it is not part of the formation. */
    public static final String ONE_OFF = NodeLabels.ONE_OFF;

    private InstanceLabels() {
    }

    public static Map<String, String> of(String app, int version, String process, int index, String instance) {
        return Map.of(APP, app, RELEASE, Integer.toString(version), PROCESS, process, INDEX, Integer.toString(index),
                INSTANCE, instance);
    }

    public static Map<String, String> appOf(String app) {
        return Map.of(APP, app);
    }
}
