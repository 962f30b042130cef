package dev.gantry.common;

/** Where progress lines go; each call delivers one line to the client immediately. */
@FunctionalInterface
public interface LineSink {
    void line(String text);
}
