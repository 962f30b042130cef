package dev.gantry.control.apps;

import dev.gantry.node.NetworkAttachment;
import java.util.List;

/**
 * Every app runs on a network of its own: its instances and one-off runs reach each other by
 * process type ({@code web.internal}, or one instance as {@code web.2.internal}), and nothing of
 * another app's is on it. On one host it is a bridge; on a cluster, an overlay across the hosts.
 */
public final class AppNetwork {

    static final String SUFFIX = ".internal";

    private AppNetwork() {
    }

    /** The engine's name for the app's network. */
    public static String of(String app) {
        return "gantry-app-" + app;
    }

    /** The name of the app's network on a cluster, which spans its hosts; no app's {@link #of} is one. */
    public static String onCluster(String app) {
        return "gantry-cluster-" + app;
    }

    public static NetworkAttachment forInstance(String app, String type, int index) {
        return new NetworkAttachment(of(app), List.of(type + SUFFIX, type + "." + index + SUFFIX), onCluster(app));
    }

    /**
     * A backing service linked to the app answers there by its own name: on the bridge, and on a cluster on
     * the overlay too, so the app's instances on every host reach it by the host name in its URL.
     */
    public static NetworkAttachment forService(String app, String service) {
        return new NetworkAttachment(of(app), List.of(service), onCluster(app));
    }

    /** A one-off run reaches the instances but answers to no name: nothing should call it. */
    public static NetworkAttachment forOneOff(String app) {
        return new NetworkAttachment(of(app), List.of(), onCluster(app));
    }
}
