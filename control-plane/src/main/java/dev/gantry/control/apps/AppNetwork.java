package dev.gantry.control.apps;

import dev.gantry.node.NetworkAttachment;
import java.util.List;

/**
 * Every app runs on a network of its own: its instances and one-off runs reach each other by
 * process type ({@code web.internal}, or one instance as {@code web.2.internal}), and nothing of
 * another app's is on it.
 */
public final class AppNetwork {

    static final String SUFFIX = ".internal";

    private AppNetwork() {
    }

    /** The engine's name for the app's network. */
    public static String of(String app) {
        return "gantry-app-" + app;
    }

    public static NetworkAttachment forInstance(String app, String type, int index) {
        return new NetworkAttachment(of(app), List.of(type + SUFFIX, type + "." + index + SUFFIX));
    }

    /** A one-off run reaches the instances but answers to no name: nothing should call it. */
    public static NetworkAttachment forOneOff(String app) {
        return new NetworkAttachment(of(app), List.of());
    }
}
