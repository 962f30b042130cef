package dev.gantry.control.api;

/**
 * Body of {@code POST /api/v1/apps/{app}/rollback}: the release to go back to (null: the previous
 * one), and {@code force} to go back past releases that ran a release command.
 */
public record RollbackRequest(Integer version, Boolean force) {

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
