package dev.gantry.build.context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The tree of one commit as a tar stream, e.g. a build context for the container engine.
 *
 * <p>Regular files keep their executable bit (0755, else 0644). Symlinks are kept only when they
 * resolve inside the tree, following other symlinks on the way; an absolute symlink or one that
 * leaves the tree fails the whole archive with an exception naming it (Dokku #8591: extraction
 * that followed such links read host files). Submodules (gitlinks) are skipped, as {@code git
 * archive} does. A {@code .git} entry, which JGit's object checks refuse at push, fails too.
 * Every entry has the commit time as mtime and owner 0:0, so one commit always gives the same
 * bytes (good for build caches). A {@link ContextIgnore} leaves paths out, as a {@code .dockerignore}
 * does for the Docker CLI.
 */
public final class CommitArchive {
    private CommitArchive() {
    }

    /**
     * Writes the tar to {@code out} and finishes it; {@code out} itself is left open.
     *
     * @throws UnsafeTreeException when the tree holds a symlink or name that could escape
     */
    public static void write(Repository repository, ObjectId commit, OutputStream out) throws IOException {
        write(repository, commit, out, ContextIgnore.NONE);
    }

    /** As {@link #write(Repository, ObjectId, OutputStream)}, without the paths {@code ignore} leaves out. */
    public static void write(Repository repository, ObjectId commit, OutputStream out, ContextIgnore ignore)
            throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosingOutputStream(out),
                StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        walk(repository, commit, ignore, new TarEntries(tar));
        tar.finish();
        tar.close(); // closes only the wrapper; the caller owns out
    }

    /**
     * Refuses the tree exactly as {@link #write(Repository, ObjectId, OutputStream, ContextIgnore)} would,
     * without reading any file's content: a build checks its context before a byte of it goes to the
     * engine, so a refused tree never becomes a build from part of it.
     *
     * @throws UnsafeTreeException when the tree holds a symlink or name that could escape
     */
    public static void check(Repository repository, ObjectId commit, ContextIgnore ignore) throws IOException {
        walk(repository, commit, ignore, Entries.NONE);
    }

    /** What the walk meets, in tree order, each entry checked already. */
    private interface Entries {
        Entries NONE = new Entries() {
            @Override
            public void directory(String path, Date mtime) {
            }

            @Override
            public void symlink(String path, String target, Date mtime) {
            }

            @Override
            public void file(String path, FileMode mode, ObjectId blob, ObjectReader reader, Date mtime) {
            }
        };

        void directory(String path, Date mtime) throws IOException;

        void symlink(String path, String target, Date mtime) throws IOException;

        void file(String path, FileMode mode, ObjectId blob, ObjectReader reader, Date mtime) throws IOException;
    }

    private static void walk(Repository repository, ObjectId commit, ContextIgnore ignore, Entries entries)
            throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit parsed = walk.parseCommit(commit);
            ObjectReader reader = walk.getObjectReader();
            Map<String, String> symlinks = TreeSymlinks.collect(reader, parsed.getTree());
            Date mtime = new Date(parsed.getCommitTime() * 1000L);
            try (TreeWalk tree = new TreeWalk(reader)) {
                tree.addTree(parsed.getTree());
                tree.setRecursive(false);
                while (tree.next()) {
                    visit(tree, reader, symlinks, mtime, ignore, entries);
                }
            }
        }
    }

    private static void visit(TreeWalk tree, ObjectReader reader, Map<String, String> symlinks, Date mtime,
            ContextIgnore ignore, Entries entries) throws IOException {
        String path = tree.getPathString();
        FileMode mode = tree.getFileMode(0);
        TreeSymlinks.requireSafeName(path);
        if (mode == FileMode.GITLINK) {
            return;
        }
        if (ignore.excludes(path)) {
            // The engine makes the parents of what is taken back in; the directory itself stays out.
            if (mode == FileMode.TREE && ignore.mayKeepInside(path)) {
                tree.enterSubtree();
            }
            return;
        }
        if (mode == FileMode.TREE) {
            entries.directory(path, mtime);
            tree.enterSubtree();
        } else if (mode == FileMode.SYMLINK) {
            TreeSymlinks.requireInside(path, symlinks);
            entries.symlink(path, symlinks.get(path), mtime);
        } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
            entries.file(path, mode, tree.getObjectId(0), reader, mtime);
        } else {
            throw new UnsafeTreeException(path, "has the unknown file mode " + mode + ". Re-add it as a regular file");
        }
    }

    /** The entries as tar entries: directories, symlinks, files with their executable bit. */
    private record TarEntries(TarArchiveOutputStream tar) implements Entries {
        @Override
        public void directory(String path, Date mtime) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(path + "/", TarConstants.LF_DIR);
            entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
            put(entry, mtime);
        }

        @Override
        public void symlink(String path, String target, Date mtime) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
            entry.setLinkName(target);
            entry.setMode(0120777);
            put(entry, mtime);
        }

        @Override
        public void file(String path, FileMode mode, ObjectId blob, ObjectReader reader, Date mtime)
                throws IOException {
            ObjectLoader content = reader.open(blob);
            TarArchiveEntry entry = new TarArchiveEntry(path);
            entry.setMode(mode == FileMode.EXECUTABLE_FILE ? 0100755 : 0100644);
            entry.setSize(content.getSize());
            ownAndDate(entry, mtime);
            tar.putArchiveEntry(entry);
            content.copyTo(tar);
            tar.closeArchiveEntry();
        }

        private void put(TarArchiveEntry entry, Date mtime) throws IOException {
            ownAndDate(entry, mtime);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
    }

    private static void ownAndDate(TarArchiveEntry entry, Date mtime) {
        entry.setModTime(mtime);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
    }

    /**
     * The content of a regular or executable file at {@code path} (e.g. "Dockerfile" or
     * "app/Procfile") in the commit's tree; empty when there is no such file or it is a
     * directory, symlink or submodule.
     */
    public static Optional<byte[]> readFile(Repository repository, ObjectId commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit parsed = walk.parseCommit(commit);
            try (TreeWalk tree = TreeWalk.forPath(walk.getObjectReader(), path, parsed.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    return Optional.empty();
                }
                return Optional.of(walk.getObjectReader().open(tree.getObjectId(0)).getBytes());
            }
        }
    }

    /** Names of all entries at the root of the commit's tree (files, directories, symlinks), sorted. */
    public static Set<String> rootNames(Repository repository, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(walk.getObjectReader())) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(false);
            Set<String> names = new TreeSet<>();
            while (tree.next()) {
                names.add(tree.getNameString());
            }
            return names;
        }
    }
}
