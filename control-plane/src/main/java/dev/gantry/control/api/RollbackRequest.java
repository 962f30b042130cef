package dev.gantry.control.api;

/** Body of {@code POST /api/v1/apps/{app}/rollback}: the release to go back to; null means the previous one. */
public record RollbackRequest(Integer version) {
}
