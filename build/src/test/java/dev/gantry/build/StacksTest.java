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
    void everyKindHasARunImageAndAllButStaticAndProcfileABuildImage() {
        assertEquals(List.of("java", "java21", "java25", "node", "python", "python313", "go", "static", "procfile"),
                stacks.names());
        assertEquals(new Stack("java", Optional.of("gantry/stack-java:build"), "gantry/stack-java:run"),
                stacks.stack("java"));
        assertEquals(new Stack("static", Optional.empty(), "gantry/stack-static:run"), stacks.stack("static"));
        assertEquals(new Stack("procfile", Optional.empty(), "gantry/stack-procfile:run"), stacks.stack("procfile"));
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

        assertEquals("unknown stack image 'ruby-build': use one of go-build, go-run, java-build, java-run, java21-build,"
                + " java21-run, java25-build, java25-run, node-build, node-run, procfile-run, python-build, python-run,"
                + " python313-build, python313-run, static-run", refused.getMessage());
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

    @Test
    void eachJavaVersionIsOneDefinitionWithItsVersionAndDebianReleaseAsArguments() {
        StackImage java21 = stacks.ownImages("java21").get(0);
        StackImage java17 = stacks.ownImages("java").get(0);

        assertEquals("gantry/stack-java21:build", java21.tag());
        assertTrue(java21.dockerfile().startsWith("FROM gantry/base:bookworm\nARG JAVA_VERSION=21\n"
                + "ARG DEBIAN_RELEASE=trixie\n"), java21.dockerfile());
        assertTrue(java17.dockerfile().startsWith("FROM gantry/base:bookworm\nARG JAVA_VERSION=17\n"
                + "ARG DEBIAN_RELEASE=bookworm\n"), java17.dockerfile());
        assertEquals(java17.dockerfile().substring(java17.dockerfile().indexOf("# Every stack image")),
                java21.dockerfile().substring(java21.dockerfile().indexOf("# Every stack image")));
        assertTrue(java21.dockerfile().contains("RUN install-packages --release \"$DEBIAN_RELEASE\""
                + " \"openjdk-$JAVA_VERSION-jdk-headless\" curl\n"), java21.dockerfile());
    }

    @Test
    void mavenComesFromMavenCentralCheckedAgainstItsPinnedSha512() {
        String build = stacks.ownImages("java").get(0).dockerfile();

        assertTrue(build.contains("ARG MAVEN_VERSION=3.9."), build);
        assertTrue(build.contains("https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$MAVEN_VERSION/"
                + "apache-maven-$MAVEN_VERSION-bin.tar.gz"), build);
        assertTrue(build.contains("echo \"$MAVEN_SHA512  /tmp/maven.tar.gz\" | sha512sum -c -"), build);
        assertFalse(build.contains(" maven"), "Debian's Maven 3.8 is not installed:\n" + build);
    }
}
