package dev.gantry.control.build;

import dev.gantry.build.SourceTree;
import dev.gantry.build.context.CommitArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** A pushed commit's tree as buildpacks read it: straight from the repository, no checkout. */
public final class CommitTree implements SourceTree {

    private final Repository repository;
    private final ObjectId commit;
    private Set<String> rootNames;

    public CommitTree(Repository repository, ObjectId commit) {
        this.repository = repository;
        this.commit = commit;
    }

    @Override
    public Set<String> rootNames() {
        if (rootNames == null) {
            try {
                rootNames = CommitArchive.rootNames(repository, commit);
            } catch (IOException e) {
                throw unreadable("its root", e);
            }
        }
        return rootNames;
    }

    @Override
    public Optional<String> read(String path) {
        try {
            return CommitArchive.readFile(repository, commit, path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    private static UncheckedIOException unreadable(String what, IOException e) {
        return new UncheckedIOException("could not read " + what + " from the pushed commit: " + e.getMessage(), e);
    }
}
