package dev.gantry.node.docker;

import dev.gantry.node.BuildFailedException;
import dev.gantry.node.BuiltImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerEngineBuildTest {

    private static DockerTestRun docker;

    @BeforeAll
    static void startRun() {
        docker = new DockerTestRun();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        docker.close();
    }

    record TimedLine(String text, long nanos) {
    }

    @Test
    void buildStreamsEachLineWhileTheBuildRunsAndLabelsTheImage() {
        List<TimedLine> lines = new CopyOnWriteArrayList<>();
        BuiltImage image = docker.build("streaming", docker.onBase(
                "RUN echo first-line && sleep 2 && echo second-line\n"),
                line -> lines.add(new TimedLine(line, System.nanoTime())));

        assertTrue(image.id().startsWith("sha256:"), image.id());
        assertTrue(lines.stream().anyMatch(l -> l.text().startsWith("Step 1/3 : FROM ")), lines::toString);
        long first = arrival(lines, "first-line");
        long second = arrival(lines, "second-line");
        assertTrue(second - first > Duration.ofMillis(1500).toNanos(),
                "lines arrived together, not as the build printed them");
        Map<String, String> imageLabels = docker.engine.client().inspectImageCmd(image.id()).exec()
                .getConfig().getLabels();
        assertEquals(docker.runId, imageLabels.get("gantry.test"));
    }

    @Test
    void aMultiStageBuildNamesItsEarlierStagesWhichATagKeepsFromBeingDangling() {
        BuiltImage image = docker.build("stages", BuildContext.withDockerfile("""
                FROM %1$s AS dependencies
                RUN echo modules > /modules
                FROM %1$s
                COPY --from=dependencies /modules /modules
                """.formatted(docker.baseImage)), line -> { });

        assertEquals(1, image.stages().size(), image.toString());
        String stage = image.stages().get(0);
        assertTrue(danglingIds().stream().anyMatch(id -> id.startsWith("sha256:" + stage)), "untagged, it is dangling");

        String cache = "gantry-test-cache-" + docker.runId.substring(0, 8);
        docker.engine.tagImage(stage, cache + ":stage-1");
        try {
            assertEquals(List.of(cache + ":stage-1"), docker.engine.tagsIn(cache));
            assertFalse(danglingIds().stream().anyMatch(id -> id.startsWith("sha256:" + stage)), "tagged, it is kept");
        } finally {
            docker.engine.removeImage(cache + ":stage-1");
        }
        assertThrows(IllegalArgumentException.class, () -> docker.engine.tagImage(stage, "no-tag"));
    }

    private static List<String> danglingIds() {
        return docker.engine.danglingImages(Instant.now().plusSeconds(3600));
    }

    @Test
    void aDockerfileElsewhereInTheContextIsBuiltWithTheRestOfTheContext() {
        List<String> lines = new CopyOnWriteArrayList<>();
        docker.build("elsewhere", new BuildContext()
                .file(".gantry/Dockerfile", "FROM " + docker.baseImage + "\nCOPY greeting /\nRUN cat /greeting\n")
                .file("greeting", "hello from the context\n"), ".gantry/Dockerfile", lines::add);

        assertTrue(lines.contains("hello from the context"), lines::toString);
    }

    @Test
    void failingRunStepReportsTheEnginesMessage() {
        BuildFailedException e = assertThrows(BuildFailedException.class,
                () -> docker.build("run-false", docker.onBase("RUN false\n"), line -> { }));
        assertEquals("The command '/bin/sh -c false' returned a non-zero code: 1", e.getMessage());
        assertEquals("Step 2/3 : RUN false", e.step().orElseThrow()); // step 3 is the engine's LABEL
    }

    @Test
    void dockerfileSyntaxErrorReportsTheEnginesMessage() {
        BuildFailedException e = assertThrows(BuildFailedException.class,
                () -> docker.build("syntax", docker.onBase("NOTANINSTRUCTION foo\n"), line -> { }));
        assertTrue(e.getMessage().contains("unknown instruction: NOTANINSTRUCTION"), e.getMessage());
    }

    @Test
    void missingBaseImageFailsPromptlyNamingTheStep() {
        BuildFailedException e = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> assertThrows(
                BuildFailedException.class,
                () -> docker.build("no-base", BuildContext.withDockerfile("FROM doesnotexist:latest\nRUN true\n"),
                        line -> { })));
        assertFalse(e.getMessage().isBlank());
        assertEquals("Step 1/3 : FROM doesnotexist:latest", e.step().orElseThrow());
    }

    @Test
    void controlCharactersAreStrippedButColoursKept() {
        List<String> lines = new CopyOnWriteArrayList<>();
        docker.build("control", docker.onBase(
                "RUN printf 'over\\rwritten \\033]0;title\\007 \\033[31mred\\033[0m\\n'\n"), lines::add);

        String line = lines.stream().filter(l -> l.startsWith("over")).findFirst().orElseThrow(() -> new AssertionError(lines));
        assertEquals("overwritten  \u001b[31mred\u001b[0m", line);
    }

    @Test
    void overlongLinesAreCutAt4KiB() {
        List<String> lines = new CopyOnWriteArrayList<>();
        docker.build("long-line", docker.onBase("RUN head -c 100000 /dev/zero | tr '\\0' x; echo\n"), lines::add);

        String line = lines.stream().filter(l -> l.startsWith("xxxx")).findFirst().orElseThrow(() -> new AssertionError(lines));
        assertEquals("x".repeat(4096) + "…", line);
    }

    @Test
    void aBuildThatRunsTooLongIsCancelledAndCleanedUp() throws Exception {
        try (DockerEngine impatient = DockerEngine.connect(docker.engine.dockerHost(), Duration.ofSeconds(2))) {
            BuildFailedException e = assertThrows(BuildFailedException.class,
                    () -> docker.build(impatient, "slow", docker.onBase("RUN sleep 600\n"), line -> { }));
            assertEquals("the build of " + docker.tag("slow") + " did not finish within 2s and was cancelled",
                    e.getMessage());
            assertEquals("Step 2/3 : RUN sleep 600", e.step().orElseThrow());
        }
        for (int i = 0; i < 100 && !buildContainersOnBase().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), buildContainersOnBase(), "the cancelled step's container was left behind");
    }

    @Test
    void aFailingOutputConsumerIsReportedAsItself() {
        IllegalStateException hungUp = new IllegalStateException("git client hung up");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> docker.build("hung-up", docker.onBase("RUN echo hi\n"), line -> {
                    throw hungUp;
                }));
        assertEquals(hungUp, e);
    }

    private static List<String> buildContainersOnBase() {
        return docker.engine.client().listContainersCmd().withShowAll(true)
                .withAncestorFilter(List.of(docker.baseImage)).exec().stream()
                .map(c -> c.getId()).toList();
    }

    private static long arrival(List<TimedLine> lines, String text) {
        return lines.stream().filter(l -> l.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + text + "' in " + lines)).nanos();
    }
}
