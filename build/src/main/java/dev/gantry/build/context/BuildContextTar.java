package dev.gantry.build.context;

import dev.gantry.build.BuildPlan;
import dev.gantry.build.StackImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The tar build contexts the engine takes: a stack image's, made in memory, and a generated
 * Dockerfile's entries written ahead of a pushed tree's. Entries have a fixed time and owner 0:0,
 * so the same content always gives the same bytes (the engine's layer cache compares content).
 */
public final class BuildContextTar {

    private static final Date FIXED_TIME = new Date(0);

    private BuildContextTar() {
    }

    /** The stack image's files with {@code dockerfile} (its text, refreshed or not) as the root Dockerfile. */
    public static InputStream of(StackImage image, String dockerfile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            putFile(tar, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
            for (StackImage.ContextFile file : image.files()) {
                putFile(tar, file.name(), file.content(), file.executable() ? 0755 : 0644);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /**
     * Writes the plan's generated Dockerfile at {@link BuildPlan#GENERATED_DOCKERFILE} as the first
     * entries of a tar whose other entries (the pushed tree, ending the archive) follow on {@code out}.
     * Nothing when the plan builds the app's own Dockerfile.
     */
    public static void writeGeneratedAhead(BuildPlan plan, OutputStream out) throws IOException {
        if (plan.generatedDockerfile().isEmpty()) {
            return;
        }
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        String path = BuildPlan.GENERATED_DOCKERFILE;
        TarArchiveEntry directory = new TarArchiveEntry(path.substring(0, path.indexOf('/') + 1), TarConstants.LF_DIR);
        directory.setMode(0755);
        own(directory);
        tar.putArchiveEntry(directory);
        tar.closeArchiveEntry();
        putFile(tar, path, plan.generatedDockerfile().get().getBytes(StandardCharsets.UTF_8), 0644);
        // Flushed, never finished or closed: the end-of-archive blocks would hide the tree's entries.
        tar.flush();
    }

    private static void putFile(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(mode);
        own(entry);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void own(TarArchiveEntry entry) {
        entry.setModTime(FIXED_TIME);
        entry.setUserId(0);
        entry.setGroupId(0);
    }
}
