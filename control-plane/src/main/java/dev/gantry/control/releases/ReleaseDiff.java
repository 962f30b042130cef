package dev.gantry.control.releases;

import dev.gantry.control.GantryConfig;
import dev.gantry.git.CommitLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** What changed from one release of an app to another: build, the commits between, config keys, health check. */
@ApplicationScoped
public class ReleaseDiff {

    /** The commits listed at most; a longer history is cut there ({@link Comparison#moreCommits()}). */
    public static final int MAX_COMMITS = 20;

    private final ReleaseHistory history;
    private final GantryConfig config;

    ReleaseDiff(ReleaseHistory history, GantryConfig config) {
        this.history = history;
        this.config = config;
    }

    /**
     * {@code commits} is empty both for the same commit and when {@code to} does not descend from
     * {@code from} (a rollback or a force-push); {@link #sameCommit()} tells them apart.
     */
    public record Comparison(ReleaseDetails from, ReleaseDetails to, List<CommitLog.Entry> commits,
            ConfigDiff config) {

        public boolean sameCommit() {
            return from.fullCommit().equals(to.fullCommit());
        }

        public boolean moreCommits() {
            return commits.size() == MAX_COMMITS;
        }
    }

    public Comparison between(String app, int fromVersion, int toVersion) {
        ReleaseDetails from = history.details(app, fromVersion);
        ReleaseDetails to = history.details(app, toVersion);
        return new Comparison(from, to, commits(app, from.fullCommit(), to.fullCommit()),
                ConfigDiff.between(from.config(), to.config()));
    }

    private List<CommitLog.Entry> commits(String app, String from, String to) {
        try {
            return CommitLog.between(config.home().resolve("repos").resolve(app + ".git"), from, to, MAX_COMMITS);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the commits of " + app + ": " + e.getMessage(), e);
        }
    }
}
