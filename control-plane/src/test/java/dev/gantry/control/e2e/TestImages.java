package dev.gantry.control.e2e;

import dev.gantry.node.ContainerEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A tiny base image for test apps, made from Debian's static busybox: no registry is reachable,
 * and it builds in a second. Apps serve files with {@code busybox httpd}.
 */
final class TestImages {

    /** A Dockerfile's last line for the apps of the tests under load: each answers with the release it runs. */
    static final String ECHO_RELEASE = "CMD echo \"$GANTRY_RELEASE\" > /www/index.html && exec httpd -f -p $PORT -h /www";

    static final String BUSYBOX = "gantry-test/busybox:latest";

    private TestImages() {
    }

    static void buildBusybox(ContainerEngine engine) throws IOException {
        byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
        String dockerfile = """
                FROM scratch
                COPY busybox /bin/busybox
                RUN ["/bin/busybox", "--install", "-s", "/bin"]
                """;
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            add(out, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
            add(out, "busybox", busybox, 0755);
        }
        engine.build(new ByteArrayInputStream(tar.toByteArray()), BUSYBOX, Map.of("gantry.test", "base"), line -> { });
    }

    private static void add(TarArchiveOutputStream out, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(mode);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }
}
