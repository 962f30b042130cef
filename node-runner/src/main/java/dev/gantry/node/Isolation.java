package dev.gantry.node;

import java.util.List;

/**
 * What every app container is confined to, named here so that the operator guide, the
 * {@code isolation:report} command and the engine adapter say the same thing (reliability.md §1).
 */
public final class Isolation {

    /**
     * The only capabilities an app keeps: enough to bind ports below 1024 and to drop from root to
     * its own user. No NET_RAW (no spoofed packets), no MKNOD, no SYS_CHROOT, no KILL of others.
     */
    public static final List<String> CAPABILITIES = List.of(
            "CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID", "NET_BIND_SERVICE");
    /** With a read-only root filesystem, {@code /tmp} is a tmpfs of this size, counted in the memory limit. */
    public static final String TMP_SIZE = "64m";

    private Isolation() {
    }
}
