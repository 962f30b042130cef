package dev.gantry.buildpacks;

/**
 * How one tree is built: which kind of app it is, why Gantry thinks so, and the Dockerfile (a path
 * inside the tree) the engine builds it with.
 */
public record BuildPlan(String kind, String reason, String dockerfile) {
}
