package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticBuildpackTest {

    private final StaticBuildpack site = new StaticBuildpack();
    private final Stack stack = Stacks.defaults().stack("static");

    @Test
    void aRootIndexServesTheRoot() {
        String dockerfile = site.dockerfile(MapTree.of("index.html", "hi", "public/index.html", "other"), stack, Map.of());

        assertInOrder(dockerfile,
                "FROM gantry/stack-static:run",
                "USER 1000:1000",
                "CMD [\"gantry-static\",\"/app\"]",
                "COPY --chown=1000:1000 . /app");
        assertFalse(dockerfile.contains(" AS build"), dockerfile);
    }

    @Test
    void anIndexInPublicServesPublic() {
        String dockerfile = site.dockerfile(MapTree.of("public/index.html", "hi"), stack, Map.of());

        assertInOrder(dockerfile, "CMD [\"gantry-static\",\"/app/public\"]");
    }
}
