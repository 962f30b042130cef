package dev.gantry.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The commits that lead from one deployed commit to another, for comparing two releases. */
public final class CommitLog {

    /** One commit as people read it in a log: short id and subject line. */
    public record Entry(String shortId, String subject) {
    }

    private CommitLog() {
    }

    /**
     * Commits reachable from {@code to} but not from {@code from}, newest first, at most {@code max}.
     * Empty when the repository or a commit is missing (e.g. after a force push and gc).
     */
    public static List<Entry> between(Path bareRepository, String from, String to, int max) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!bareRepository.toFile().isDirectory()) {
            return entries;
        }
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bareRepository.toFile()).setMustExist(true)
                .build(); RevWalk walk = new RevWalk(repository)) {
            ObjectId start = repository.resolve(to);
            ObjectId stop = repository.resolve(from);
            if (start == null || stop == null) {
                return entries;
            }
            walk.markStart(walk.parseCommit(start));
            walk.markUninteresting(walk.parseCommit(stop));
            for (RevCommit commit : walk) {
                if (entries.size() == max) {
                    break;
                }
                entries.add(new Entry(commit.abbreviate(7).name(), commit.getShortMessage()));
            }
        }
        return entries;
    }
}
