package dev.gantry.control.deploy;

import java.util.Map;

/**
 * Labels that tie every container and image to the domain, so recovery and cleanup never guess
 * which app, release and process type a container belongs to.
 */
public final class InstanceLabels {

    public static final String APP = "gantry.app";
    public static final String RELEASE = "gantry.release";
    public static final String PROCESS = "gantry.process";
    public static final String INSTANCE = "gantry.instance";
    public static final String BUILD = "gantry.build";

    private InstanceLabels() {
    }

    public static Map<String, String> of(String app, int version, String process, String instance) {
        return Map.of(APP, app, RELEASE, Integer.toString(version), PROCESS, process, INSTANCE, instance);
    }

    public static Map<String, String> webOf(String app) {
        return Map.of(APP, app, PROCESS, "web");
    }
}
