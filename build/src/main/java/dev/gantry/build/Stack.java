package dev.gantry.build;

import java.util.Optional;

/**
 * The images one kind of app is built on and runs on, as a generated Dockerfile names them in its
 * {@code FROM} lines. A static site needs no build image.
 */
public record Stack(String name, Optional<String> buildImage, String runImage) {

    String requireBuildImage() {
        return buildImage.orElseThrow(() -> new IllegalStateException("the " + name + " stack has no build image"));
    }
}
