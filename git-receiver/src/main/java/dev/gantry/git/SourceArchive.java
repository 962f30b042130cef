package dev.gantry.git;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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

/**
 * Turns a gzipped tar of a source tree into a commit of a repository, so an upload is built exactly
 * like a push. Regular files, executables and symlinks are kept (symlinks are checked later, like a
 * pushed tree's); directories come from the paths. A leading {@code ./} is dropped, since
 * {@code tar czf - .} writes it; absolute paths, {@code ..} and {@code .git} are refused, not cleaned.
 * The limit holds for the upload and for the unpacked tar alike, so a small gzip bomb is refused too.
 */
final class SourceArchive {

    private SourceArchive() {
    }

    /** Writes the archive's tree and a commit of it on {@code parent} (none when zero) and returns the commit. */
    static ObjectId commit(Repository repository, InputStream tarGz, long maxBytes, ObjectId parent, String user,
            String message) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        Set<String> paths = new HashSet<>();
        try (ObjectInserter inserter = repository.newObjectInserter();
                TarArchiveInputStream tar = new TarArchiveInputStream(new ReadFailures(
                        new GZIPInputStream(new ReadFailures(tarGz, maxBytes)), maxBytes))) {
            for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = pathOf(entry.getName());
                if (!paths.add(path)) {
                    throw new InvalidArchiveException("'" + path + "' is in the archive twice. Pack each file once");
                }
                DirCacheEntry file = new DirCacheEntry(path);
                if (entry.isSymbolicLink()) {
                    file.setFileMode(FileMode.SYMLINK);
                    file.setObjectId(inserter.insert(Constants.OBJ_BLOB,
                            entry.getLinkName().getBytes(StandardCharsets.UTF_8)));
                } else if (entry.isFile() && !entry.isLink() && !entry.isCharacterDevice() && !entry.isBlockDevice()
                        && !entry.isFIFO()) {
                    file.setFileMode((entry.getMode() & 0100) != 0 ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
                    file.setObjectId(inserter.insert(Constants.OBJ_BLOB, entry.getSize(), tar));
                } else {
                    throw new InvalidArchiveException("'" + path + "' is neither a file, a directory nor a symlink."
                            + " Leave devices, pipes and hard links out of the archive");
                }
                builder.add(file);
            }
            if (paths.isEmpty()) {
                throw new InvalidArchiveException("the archive holds no files. Send the source tree, e.g."
                        + " tar czf - -C myapp .");
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (!ObjectId.zeroId().equals(parent)) {
                commit.setParentId(parent);
            }
            PersonIdent who = new PersonIdent(user, user + "@gantry");
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        } catch (ZipException notGzip) {
            throw notTarGz(notGzip);
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw e instanceof InvalidArchiveException invalid ? invalid : notTarGz(e);
        }
    }

    private static InvalidArchiveException notTarGz(Exception e) {
        return new InvalidArchiveException("the body is not a whole gzipped tar archive (" + e.getMessage()
                + "). Send one made with e.g. tar czf - -C myapp . and Content-Type: application/gzip");
    }

    /**
     * Reading the upload: a failure here is the archive's (cut short, not gzip, too big), not the
     * server's, so it becomes an {@link InvalidArchiveException}; writing to the repository is not wrapped.
     */
    private static final class ReadFailures extends FilterInputStream {
        private final long maxBytes;
        private long read;

        ReadFailures(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw notTarGz(e);
            }
            read += Math.max(n, 0);
            if (read > maxBytes) {
                throw new InvalidArchiveException("the archive is larger than " + maxBytes / (1024 * 1024)
                        + " MiB. Leave build outputs and dependencies out, (the limit is a push's: GANTRY_SSH_MAX_PACK_MIB)");
            }
            return n;
        }
    }

    private static String pathOf(String name) {
        String path = name;
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.startsWith("/") || path.isEmpty()) {
            throw new InvalidArchiveException("'" + name + "': paths in the archive must be relative. Pack the"
                    + " tree from its directory, e.g. tar czf - -C myapp .");
        }
        for (String component : path.split("/")) {
            if (component.equals("..") || component.equals(".") || component.isEmpty()
                    || component.equalsIgnoreCase(Constants.DOT_GIT)) {
                throw new InvalidArchiveException("'" + name + "': a path of the archive may not hold '"
                        + component + "'. Pack the tree without it");
            }
        }
        return path;
    }
}
