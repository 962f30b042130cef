package dev.gantry.control.cutover;

import dev.gantry.control.instances.AppInstance;

/** A place in an app's formation that one instance fills: process type and index, written {@code web.2}. */
public record Slot(String type, int index) {

    public static Slot of(AppInstance instance) {
        return new Slot(instance.type(), instance.index());
    }

    public String name() {
        return type + "." + index;
    }

    @Override
    public String toString() {
        return name();
    }
}
