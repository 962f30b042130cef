package dev.gantry.control.console;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The console's settings (prefix {@code gantry.console}); defaults live in application.properties. */
@ConfigMapping(prefix = "gantry.console")
public interface ConsoleSettings {

    /** A session nobody used for this long is gone; the next page asks to sign in again. */
    Duration sessionIdle();

    /** Failed sign-ins one address may make per minute before it is refused for the rest of it. */
    int signInFailuresPerMinute();
}
