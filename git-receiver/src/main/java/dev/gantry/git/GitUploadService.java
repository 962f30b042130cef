package dev.gantry.git;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

/** {@code git-upload-pack} (clone and fetch) for an app that already has a repository. */
final class GitUploadService {
    private final AppRepositories repositories;
    private final RepositoryAccess access;
    private final int timeoutSeconds;

    GitUploadService(AppRepositories repositories, RepositoryAccess access, int timeoutSeconds) {
        this.repositories = repositories;
        this.access = access;
        this.timeoutSeconds = timeoutSeconds;
    }

    int upload(String user, String app, ExecStreams io, boolean protocolVersion2)
            throws RefusedCommandException, IOException {
        try {
            access.beforeFetch(user, app);
        } catch (GitAccessDeniedException e) {
            throw new RefusedCommandException(e.getMessage());
        }
        Optional<Repository> existing = repositories.openExisting(app);
        if (existing.isEmpty()) {
            throw new RefusedCommandException("app '" + app + "' has no repository yet. Push to it first.");
        }
        try (Repository repository = existing.get()) {
            UploadPack pack = new UploadPack(repository);
            pack.setTimeout(timeoutSeconds);
            if (protocolVersion2) {
                pack.setExtraParameters(List.of("version=2"));
            }
            pack.upload(io.in(), io.out(), io.err());
            return 0;
        }
    }
}
