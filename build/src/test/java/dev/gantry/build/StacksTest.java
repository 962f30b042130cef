package dev.gantry.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StacksTest {

    private static final List<String> BUILD_TOOLS = List.of("-jdk", "maven", "npm", "golang", "venv", "gcc", "make");

    private final Stacks stacks = Stacks.defaults();

    @Test
    void everyKindHasARunImageAndAllButStaticABuildImage() {
        assertEquals(List.of("java", "node", "python", "go", "static"), stacks.names());
        assertEquals(new Stack("java", Optional.of("gantry/stack-java:build"), "gantry/stack-java:run"),
                stacks.stack("java"));
        assertEquals(new Stack("static", Optional.empty(), "gantry/stack-static:run"), stacks.stack("static"));
    }

    @Test
    void everyImageStartsFromTheBaseImageTrustingItsCasWithTheAppUser() {
        for (String name : stacks.names()) {
            for (StackImage image : stacks.ownImages(name)) {
                assertTrue(image.dockerfile().startsWith("FROM gantry/base:bookworm\n"), image.dockerfile());
                assertTrue(image.dockerfile().contains("\nCOPY trust-host-cas install-packages /usr/local/sbin/\n"
                        + "RUN trust-host-cas \\\n"), image.dockerfile());
                assertTrue(image.dockerfile().contains("useradd --uid 1000"), image.dockerfile());
                assertTrue(image.files().stream().anyMatch(file -> file.name().equals("trust-host-cas")
                        && file.executable()), image.id());
            }
        }
    }

    @Test
    void runImagesHoldNoCompilersOrBuildTools() {
        for (String name : stacks.names()) {
            StackImage run = stacks.ownImages(name).stream().filter(image -> image.role().equals("run"))
                    .findFirst().orElseThrow();
            for (String tool : BUILD_TOOLS) {
                assertFalse(run.dockerfile().contains(tool), run.id() + " installs " + tool + ":\n" + run.dockerfile());
            }
        }
    }

    @Test
    void anImageTheOperatorReplacesIsUsedAndNotBuilt() {
        Stacks withRegistry = Stacks.of("gantry/base:bookworm", Map.of("java-build", "registry.example/maven:3"));

        assertEquals(Optional.of("registry.example/maven:3"), withRegistry.stack("java").buildImage());
        assertEquals(List.of("java-run"), withRegistry.ownImages("java").stream().map(StackImage::id).toList());
        assertEquals(Optional.of("registry.example/maven:3"), withRegistry.override("java", "build"));
    }

    @Test
    void anUnknownImageIdIsRefusedListingTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Stacks.of("gantry/base:bookworm", Map.of("ruby-build", "ruby:3")));

        assertEquals("unknown stack image 'ruby-build': use one of go-build, go-run, java-build, java-run, node-build,"
                + " node-run, python-build, python-run, static-run", refused.getMessage());
    }

    @Test
    void theDigestFollowsTheDefinitionIncludingTheBaseImage() {
        StackImage ours = stacks.ownImages("node").get(0);
        StackImage onOtherBase = Stacks.of("example/base:1", Map.of()).ownImages("node").get(0);

        assertEquals(ours.digest(), Stacks.defaults().ownImages("node").get(0).digest());
        assertNotEquals(ours.digest(), onOtherBase.digest());
        assertTrue(onOtherBase.dockerfile().startsWith("FROM example/base:1\n"));
    }

    @Test
    void aRefreshedDockerfileCarriesTheStampRightAfterFrom() {
        StackImage image = stacks.ownImages("go").get(0);

        assertTrue(image.dockerfileRefreshedAt("2026-11-23T15:00:00Z").startsWith("FROM gantry/base:bookworm\n"
                + "LABEL gantry.stack.refreshed=\"2026-11-23T15:00:00Z\"\n# Every stack image"));
    }
}
