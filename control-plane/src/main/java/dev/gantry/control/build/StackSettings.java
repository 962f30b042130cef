package dev.gantry.control.build;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Where the stack images come from (prefix {@code gantry.stacks.}); docs/buildpacks.md explains them. */
@ConfigMapping(prefix = "gantry.stacks")
public interface StackSettings {

    /** The image Gantry's stack images start from; {@code ./gantry up} builds it with debootstrap. */
    @WithDefault("${GANTRY_BASE_IMAGE:gantry/base:bookworm}")
    String baseImage();

    /**
     * Stack images to take as they are instead of building them, e.g. {@code
     * java-build=registry.example/maven:3-jdk17,static-run=registry.example/static:1}
     * ({@code GANTRY_STACKS_IMAGES}).
     */
    Optional<List<String>> images();
}
