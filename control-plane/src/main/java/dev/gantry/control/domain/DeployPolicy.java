package dev.gantry.control.domain;

import java.time.Duration;

/**
 * How an app's rollouts end: how long old instances drain, how long they get between SIGTERM and
 * SIGKILL, and how long the new release is watched (and rolled back automatically if it fails).
 */
public record DeployPolicy(Duration drainTimeout, Duration stopGrace, Duration watchWindow, boolean autoRollback) {
}
