package dev.gantry.control.routing;

import java.time.Instant;

/**
 * A router on another host as the control plane sees it: in step (it gets every route change) or out
 * of step since some moment, and then why.
 *
 * @param address its admin interface, as {@code GANTRY_REMOTE_ROUTERS} names it
 * @param reason what it last failed, or null when in step
 */
public record RemoteRouter(String address, boolean inStep, Instant since, String reason) {
}
