package dev.gantry.git;

import dev.gantry.common.AppName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The bare repositories under the repos directory, one per app: {@code <reposDir>/<app>.git}.
 * The name is already a valid {@link AppName}; the path is still normalized and checked to stay
 * inside the directory (Gogs CVE-2026-52813 planted a repo inside another one with {@code ../}).
 */
final class AppRepositories {
    static final String DEFAULT_BRANCH = Constants.R_HEADS + "main";

    private final Path reposDir;

    AppRepositories(Path reposDir) {
        this.reposDir = reposDir.toAbsolutePath().normalize();
    }

    Path pathOf(String app) {
        AppName.requireValid(app);
        Path path = reposDir.resolve(app + ".git").normalize();
        if (!path.getParent().equals(reposDir)) {
            throw new IllegalArgumentException("repository path " + path + " is outside " + reposDir);
        }
        return path;
    }

    Optional<Repository> openExisting(String app) throws IOException {
        Path path = pathOf(app);
        if (!Files.isDirectory(path.resolve("objects"))) {
            return Optional.empty();
        }
        return Optional.of(open(path));
    }

    /** Opens the app's repository, creating it (bare, HEAD on main) on the first push. */
    Repository openOrCreate(String app) throws IOException {
        Path path = pathOf(app);
        // One lock for all apps: creation is rare and quick, and two first pushes must not both init.
        synchronized (this) {
            if (!Files.isDirectory(path.resolve("objects"))) {
                Files.createDirectories(reposDir);
                try (Repository created = open(path)) {
                    created.create(true);
                    RefUpdate head = created.updateRef(Constants.HEAD);
                    head.disableRefLog();
                    head.link(DEFAULT_BRANCH);
                }
            }
        }
        return open(path);
    }

    private static Repository open(Path path) throws IOException {
        // No readEnvironment(): GIT_DIR and friends of the server process must not redirect us.
        return new FileRepositoryBuilder().setGitDir(path.toFile()).setBare().build();
    }
}
