package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivePushTest {
    private static final long MAX = 1024 * 1024;

    @TempDir
    Path repos;

    private final List<PushRequest> handled = new ArrayList<>();

    @Test
    void anUploadBecomesACommitOnMainOnTopOfTheLastOne() throws IOException {
        ArchivePush archives = new ArchivePush(repos, MAX, accepting());
        archives.push("bob", "shop", tarGz(Map.of("./Dockerfile", "FROM x\n", "./bin/run", "#!/bin/sh\n")), "127.0.0.1",
                line -> { });
        archives.push("bob", "shop", tarGz(Map.of("Dockerfile", "FROM y\n")), "127.0.0.1", line -> { });

        assertEquals(2, handled.size());
        PushRequest second = handled.get(1);
        assertEquals("refs/heads/main", second.refName());
        assertEquals(handled.get(0).newId(), second.oldId());
        try (Repository repository = open(); RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(repository.resolve("refs/heads/main"));
            assertEquals(second.newId(), head.getId());
            assertEquals(handled.get(0).newId(), head.getParent(0).getId());
            RevCommit first = walk.parseCommit(handled.get(0).newId());
            try (TreeWalk run = TreeWalk.forPath(repository, "bin/run", first.getTree())) {
                assertEquals(FileMode.EXECUTABLE_FILE, run.getFileMode(0));
            }
        }
    }

    @Test
    void aRejectedUploadLeavesTheBranchWhereItWas() throws IOException {
        ArchivePush archives = new ArchivePush(repos, MAX, push -> PushResult.reject("build failed"));
        PushResult result = archives.push("bob", "shop", tarGz(Map.of("Dockerfile", "FROM x\n")), "127.0.0.1",
                line -> { });
        assertFalse(result.accepted());
        try (Repository repository = open()) {
            assertNull(repository.resolve("refs/heads/main"));
        }
    }

    @Test
    void pathsLeavingTheTreeAreRefusedNotCleanedUp() {
        ArchivePush archives = new ArchivePush(repos, MAX, accepting());
        InvalidArchiveException up = assertThrows(InvalidArchiveException.class, () -> archives.push("bob", "shop",
                tarGz(Map.of("../etc/passwd", "x")), "127.0.0.1", line -> { }));
        assertTrue(up.getMessage().contains("'../etc/passwd'"), up.getMessage());
        assertThrows(InvalidArchiveException.class, () -> archives.push("bob", "shop",
                tarGz(Map.of(".git/config", "x")), "127.0.0.1", line -> { }));
        assertTrue(handled.isEmpty());
    }

    @Test
    void hardLinksAreRefusedRatherThanStoredEmpty() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            TarArchiveEntry link = new TarArchiveEntry("copy", TarArchiveEntry.LF_LINK);
            link.setLinkName("original");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        ArchivePush archives = new ArchivePush(repos, MAX, accepting());
        InvalidArchiveException refused = assertThrows(InvalidArchiveException.class, () -> archives.push("bob", "shop",
                new ByteArrayInputStream(bytes.toByteArray()), "127.0.0.1", line -> { }));
        assertTrue(refused.getMessage().contains("hard links"), refused.getMessage());
    }

    @Test
    void aBodyThatIsNoGzippedTarSaysWhatToSend() {
        ArchivePush archives = new ArchivePush(repos, MAX, accepting());
        InvalidArchiveException notGzip = assertThrows(InvalidArchiveException.class, () -> archives.push("bob",
                "shop", new ByteArrayInputStream("{\"image\":\"x\"}".getBytes(StandardCharsets.UTF_8)), "127.0.0.1",
                line -> { }));
        assertTrue(notGzip.getMessage().contains("tar czf"), notGzip.getMessage());
        assertThrows(InvalidArchiveException.class, () -> archives.push("bob", "shop", tarGz(Map.of()), "127.0.0.1",
                line -> { }));
    }

    @Test
    void anArchiveOverTheLimitIsRefused() {
        ArchivePush archives = new ArchivePush(repos, 512, accepting());
        InvalidArchiveException tooBig = assertThrows(InvalidArchiveException.class, () -> archives.push("bob",
                "shop", tarGz(Map.of("big", new String(new char[64 * 1024]).replace('\0', 'x') + Math.random())),
                "127.0.0.1", line -> { }));
        assertTrue(tooBig.getMessage().contains("larger than"), tooBig.getMessage());
    }

    private PushHandler accepting() {
        return push -> {
            handled.add(push);
            return PushResult.accept();
        };
    }

    private Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(repos.resolve("shop.git").toFile()).setBare().build();
    }

    private static ByteArrayInputStream tarGz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
                entry.setSize(content.length);
                entry.setMode(file.getKey().contains("bin/") ? 0100755 : 0100644);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
