package dev.gantry.build.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.build.BuildPlan;
import dev.gantry.build.BuildPlanner;
import dev.gantry.build.MapTree;
import dev.gantry.build.StackImage;
import dev.gantry.build.Stacks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class BuildContextTarTest {

    @Test
    void theGeneratedDockerfileGoesAheadOfTheTreeInOneArchive() throws IOException {
        BuildPlan plan = new BuildPlanner().plan(MapTree.of("index.html", "hi"));
        ByteArrayOutputStream context = new ByteArrayOutputStream();

        BuildContextTar.writeGeneratedAhead(plan, context);
        try (TarArchiveOutputStream tree = new TarArchiveOutputStream(context)) {
            TarArchiveEntry index = new TarArchiveEntry("index.html");
            index.setSize(2);
            tree.putArchiveEntry(index);
            tree.write("hi".getBytes(StandardCharsets.UTF_8));
            tree.closeArchiveEntry();
        }

        Map<String, String> entries = read(new ByteArrayInputStream(context.toByteArray()));
        assertEquals(Map.of(".gantry/", "", ".gantry/Dockerfile", plan.generatedDockerfile().orElseThrow(),
                "index.html", "hi"), entries);
    }

    @Test
    void anOwnDockerfileAddsNothing() throws IOException {
        ByteArrayOutputStream context = new ByteArrayOutputStream();

        BuildContextTar.writeGeneratedAhead(new BuildPlanner().plan(MapTree.of("Dockerfile", "FROM x")), context);

        assertEquals(0, context.size());
    }

    @Test
    void aStackImageContextHoldsItsDockerfileAndExecutableScripts() throws IOException {
        StackImage image = Stacks.defaults().ownImages("static").get(0);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(BuildContextTar.of(image, "FROM x\n"))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
                contents.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        assertEquals("FROM x\n", contents.get("Dockerfile"));
        assertEquals(0755, entries.get("gantry-static").getMode() & 0777);
        assertEquals(0644, entries.get("static-nginx.conf").getMode() & 0777);
        assertTrue(contents.get("static-nginx.conf").contains("listen @PORT@;"));
        assertArrayEquals(BuildContextTar.of(image, "FROM x\n").readAllBytes(),
                BuildContextTar.of(image, "FROM x\n").readAllBytes());
    }

    private static Map<String, String> read(InputStream in) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
