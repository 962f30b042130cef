package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static dev.gantry.build.GeneratedDockerfiles.runStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoBuildpackTest {

    private final GoBuildpack go = new GoBuildpack();
    private final Stack stack = Stacks.defaults().stack("go");

    @Test
    void modulesDownloadBeforeTheSourceIsCopiedAndTheRootBinaryRuns() {
        String dockerfile = go.dockerfile(MapTree.of("go.mod", "module example.com/hello-go\n\ngo 1.19\n",
                "go.sum", "", "main.go", "// Command hello.\npackage main\n"), stack, Map.of());

        assertInOrder(dockerfile,
                "FROM gantry/stack-go:build AS build",
                "COPY go.mod go.sum ./",
                "RUN go mod download",
                "COPY . ./",
                "RUN go build -o /out/bin/ ./...",
                "FROM gantry/stack-go:run",
                "ENV PATH=/app/bin:$PATH",
                "USER 1000:1000",
                "CMD [\"/app/bin/hello-go\"]",
                "COPY --from=build --chown=1000:1000 /src /app",
                "COPY --from=build --chown=1000:1000 /out/bin /app/bin");
        assertFalse(runStage(dockerfile).contains("go build"), dockerfile);
    }

    @Test
    void aVendoredModuleDownloadsNothing() {
        String dockerfile = go.dockerfile(MapTree.of("go.mod", "module m\n", "vendor/modules.txt", "",
                "main.go", "package main\n"), stack, Map.of());

        assertFalse(dockerfile.contains("go mod download"), dockerfile);
    }

    @Test
    void theBinaryIsNamedAsGoBuildNamesIt() {
        assertEquals("hello", GoBuildpack.binaryName("example.com/hello"));
        assertEquals("hello", GoBuildpack.binaryName("example.com/hello/v2"));
        assertEquals("hello", GoBuildpack.binaryName("hello"));
    }

    @Test
    void aRootThatIsNoMainPackageNeedsTheProcfilesWeb() {
        MapTree library = MapTree.of("go.mod", "module example.com/svc\n", "svc.go", "package svc\n");

        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class, () -> go.dockerfile(library, stack, Map.of()));
        assertTrue(refused.getMessage().startsWith("the root package of example.com/svc is not package main"),
                refused.getMessage());

        String withProcfile = go.dockerfile(MapTree.of("go.mod", "module example.com/svc\n", "svc.go",
                "package svc\n", "Procfile", "web: server\n"), stack, Map.of());
        assertFalse(withProcfile.contains("\nCMD "), withProcfile);
    }

    @Test
    void aGoModWithoutModuleLineIsRefused() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> go.dockerfile(MapTree.of("go.mod", "go 1.19\n"), stack, Map.of()));

        assertEquals("go.mod has no module line. Run 'go mod init MODULE-PATH' and push again", refused.getMessage());
    }
}
