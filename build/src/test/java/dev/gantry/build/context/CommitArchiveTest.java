package dev.gantry.build.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitArchiveTest {
    @TempDir
    Path dir;
    Repository repository;

    @BeforeEach
    void createRepository() throws IOException {
        repository = new FileRepositoryBuilder().setGitDir(dir.resolve("r.git").toFile()).setBare().build();
        repository.create(true);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void theTarHoldsExactlyTheFilesWithTheirExecutableBit() throws IOException {
        ObjectId commit = commit(Map.of(
                "Dockerfile", file("FROM scratch\n"),
                "bin/run", executable("#!/bin/sh\n"),
                "src/deep/" + "n".repeat(120) + ".txt", file("long name"),
                "link-to-run", symlink("bin/run"),
                "bin/up", symlink("../Dockerfile"),
                "vendor/lib", gitlink()));

        Map<String, TarArchiveEntry> entries = new TreeMap<>();
        Map<String, String> contents = new TreeMap<>();
        readTar(commit, entries, contents);

        assertEquals(Set.of("Dockerfile", "bin/", "bin/run", "bin/up", "link-to-run", "src/", "src/deep/",
                "src/deep/" + "n".repeat(120) + ".txt", "vendor/"), entries.keySet());
        assertEquals(0100755, entries.get("bin/run").getMode());
        assertEquals(0100644, entries.get("Dockerfile").getMode());
        assertEquals("FROM scratch\n", contents.get("Dockerfile"));
        assertEquals("#!/bin/sh\n", contents.get("bin/run"));
        assertTrue(entries.get("link-to-run").isSymbolicLink());
        assertEquals("bin/run", entries.get("link-to-run").getLinkName());
        assertEquals("../Dockerfile", entries.get("bin/up").getLinkName());
        assertTrue(entries.keySet().stream().noneMatch(name -> name.startsWith(".git")));
    }

    @Test
    void aDockerignoreLeavesItsPathsOutButTheDockerfileAndWhatItTakesBackIn() throws IOException {
        ObjectId commit = commit(Map.of(
                "Dockerfile", file("FROM scratch\n"),
                ".dockerignore", file(".env\nnode_modules\n*.log\n!keep.log\nDockerfile\n"),
                ".env", file("SECRET=1\n"),
                "node_modules/left/index.js", file("x"),
                "debug.log", file("x"),
                "keep.log", file("kept"),
                "src/app.js", file("app")));
        ContextIgnore ignore = ContextIgnore.parse(CommitArchive.readFile(repository, commit, ".dockerignore")
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElseThrow(), "Dockerfile");

        Map<String, TarArchiveEntry> entries = new TreeMap<>();
        readTar(commit, ignore, entries, new TreeMap<>());

        assertEquals(Set.of(".dockerignore", "Dockerfile", "keep.log", "src/", "src/app.js"), entries.keySet());
    }

    @Test
    void oneCommitAlwaysGivesTheSameBytes() throws IOException {
        ObjectId commit = commit(Map.of("a", file("1"), "b/c", executable("2")));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        CommitArchive.write(repository, commit, first);
        CommitArchive.write(repository, commit, second);
        assertEquals(java.util.Arrays.toString(first.toByteArray()), java.util.Arrays.toString(second.toByteArray()));
    }

    @Test
    void anAbsoluteSymlinkIsRefusedWithItsPath() throws IOException {
        ObjectId commit = commit(Map.of("Dockerfile", file("FROM x"), "config/shadow", symlink("/etc/shadow")));

        UnsafeTreeException e = assertThrows(UnsafeTreeException.class, () -> archive(commit));

        assertEquals("config/shadow", e.path());
        assertTrue(e.getMessage().startsWith("'config/shadow' is a symlink to the absolute path '/etc/shadow'"),
                e.getMessage());
    }

    @Test
    void theCheckRefusesWhatWritingWouldWithoutWritingAnything() throws IOException {
        ObjectId bad = commit(Map.of("Dockerfile", file("FROM x"), "leak", symlink("/etc/shadow")));
        ObjectId good = commit(Map.of("Dockerfile", file("FROM x"), "ignored/leak", symlink("/etc/shadow"),
                ".dockerignore", file("ignored\n")));

        UnsafeTreeException e = assertThrows(UnsafeTreeException.class,
                () -> CommitArchive.check(repository, bad, ContextIgnore.NONE));

        assertEquals("leak", e.path());
        CommitArchive.check(repository, good, ContextIgnore.parse("ignored\n", "Dockerfile"));
    }

    @Test
    void aSymlinkLeavingTheTreeIsRefusedWithItsPath() throws IOException {
        ObjectId commit = commit(Map.of("a/escape", symlink("../../outside")));

        UnsafeTreeException e = assertThrows(UnsafeTreeException.class, () -> archive(commit));

        assertEquals("a/escape", e.path());
        assertTrue(e.getMessage().contains("leaves the repository"), e.getMessage());
    }

    @Test
    void aSymlinkThatEscapesOnlyThroughAnotherSymlinkIsRefused() throws IOException {
        // Lexically "deep/q/.." is "deep", inside; but deep/q is the root, so it resolves above it.
        ObjectId commit = commit(Map.of("deep/q", symlink(".."), "deep/p", symlink("q/..")));

        UnsafeTreeException e = assertThrows(UnsafeTreeException.class, () -> archive(commit));

        assertEquals("deep/p", e.path());
    }

    @Test
    void aSymlinkLoopIsRefused() throws IOException {
        ObjectId commit = commit(Map.of("a", symlink("b"), "b", symlink("a")));

        assertTrue(assertThrows(UnsafeTreeException.class, () -> archive(commit)).getMessage().contains("loop"));
    }

    @Test
    void aDotGitEntryIsRefused() throws IOException {
        ObjectId hooks;
        ObjectId commitId;
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            TreeFormatter gitDir = new TreeFormatter();
            gitDir.append("config", FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, "x".getBytes()));
            hooks = inserter.insert(gitDir);
            TreeFormatter root = new TreeFormatter();
            root.append(".GIT", FileMode.TREE, hooks);
            commitId = insertCommit(inserter, inserter.insert(root));
            inserter.flush();
        }

        UnsafeTreeException e = assertThrows(UnsafeTreeException.class, () -> archive(commitId));

        assertEquals(".GIT", e.path());
    }

    @Test
    void readFileAndRootNamesSeeTheCommit() throws IOException {
        ObjectId commit = commit(Map.of("Dockerfile", file("FROM x\n"), "app/Procfile", file("web: run\n"),
                "run.sh", executable("#!/bin/sh"), "Link", symlink("Dockerfile")));

        assertEquals("FROM x\n", new String(CommitArchive.readFile(repository, commit, "Dockerfile").orElseThrow(),
                StandardCharsets.UTF_8));
        assertEquals("web: run\n", new String(CommitArchive.readFile(repository, commit, "app/Procfile").orElseThrow(),
                StandardCharsets.UTF_8));
        assertTrue(CommitArchive.readFile(repository, commit, "run.sh").isPresent());
        assertEquals(Optional.empty(), CommitArchive.readFile(repository, commit, "app"));
        assertEquals(Optional.empty(), CommitArchive.readFile(repository, commit, "Link"));
        assertEquals(Optional.empty(), CommitArchive.readFile(repository, commit, "missing"));
        assertEquals(Set.of("Dockerfile", "Link", "app", "run.sh"), CommitArchive.rootNames(repository, commit));
    }

    private void archive(ObjectId commit) throws IOException {
        CommitArchive.write(repository, commit, new ByteArrayOutputStream());
    }

    private void readTar(ObjectId commit, Map<String, TarArchiveEntry> entries, Map<String, String> contents)
            throws IOException {
        readTar(commit, ContextIgnore.NONE, entries, contents);
    }

    private void readTar(ObjectId commit, ContextIgnore ignore, Map<String, TarArchiveEntry> entries,
            Map<String, String> contents) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        CommitArchive.write(repository, commit, tar, ignore);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar.toByteArray()))) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), entry);
                if (entry.isFile()) {
                    contents.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    private record Blob(FileMode mode, String content) {
    }

    private static Blob file(String content) {
        return new Blob(FileMode.REGULAR_FILE, content);
    }

    private static Blob executable(String content) {
        return new Blob(FileMode.EXECUTABLE_FILE, content);
    }

    private static Blob symlink(String target) {
        return new Blob(FileMode.SYMLINK, target);
    }

    private static Blob gitlink() {
        return new Blob(FileMode.GITLINK, null);
    }

    private ObjectId commit(Map<String, Blob> files) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, Blob> file : new TreeMap<>(files).entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(file.getValue().mode());
                entry.setObjectId(file.getValue().content() == null
                        ? ObjectId.fromString("0123456789012345678901234567890123456789")
                        : inserter.insert(Constants.OBJ_BLOB, file.getValue().content().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            ObjectId commit = insertCommit(inserter, index.writeTree(inserter));
            inserter.flush();
            return commit;
        }
    }

    private static ObjectId insertCommit(ObjectInserter inserter, ObjectId tree) throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        PersonIdent who = new PersonIdent("Test", "test@example.com", java.time.Instant.ofEpochSecond(1_700_000_000),
                java.time.ZoneOffset.UTC);
        commit.setAuthor(who);
        commit.setCommitter(who);
        commit.setMessage("test\n");
        return inserter.insert(commit);
    }

}
