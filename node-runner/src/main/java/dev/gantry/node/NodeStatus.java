package dev.gantry.node;

import java.time.Instant;

/**
 * A node runner's own account: where it runs ({@code pid} 0 when inside the control plane), since
 * when, and how many apps and desired instances it holds.
 */
public record NodeStatus(String node, long pid, Instant startedAt, int apps, int desiredInstances) {
}
