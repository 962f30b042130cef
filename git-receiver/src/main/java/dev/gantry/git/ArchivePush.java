package dev.gantry.git;

import dev.gantry.common.LineSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * A push without git, for CI: an uploaded source archive becomes a commit on the app's deploy
 * branch, on top of what was there, and goes through the same {@link PushHandler} as a
 * {@code git push}. As with a push, the branch moves only when the handler accepts; a rejected
 * upload leaves the commit unreferenced, and the next {@code git gc} drops it.
 */
public final class ArchivePush {

    private final AppRepositories repositories;
    private final long maxBytes;
    private final PushHandler handler;

    public ArchivePush(Path reposDir, long maxBytes, PushHandler handler) {
        this.repositories = new AppRepositories(reposDir);
        this.maxBytes = maxBytes;
        this.handler = handler;
    }

    /** @throws InvalidArchiveException when the body is no gzipped tar of a source tree */
    public PushResult push(String user, String app, InputStream tarGz, String clientAddress, LineSink progress)
            throws IOException {
        try (Repository repository = repositories.openOrCreate(app)) {
            String branch = AppRepositories.DEFAULT_BRANCH;
            Ref current = repository.exactRef(branch);
            ObjectId oldId = current == null ? ObjectId.zeroId() : current.getObjectId();
            ObjectId newId = SourceArchive.commit(repository, tarGz, maxBytes, oldId, user,
                    "Upload by " + user + " over the REST API");
            PushResult result = handler.onPush(new PushRequest(user, app, repository, branch, oldId, newId, progress,
                    clientAddress));
            if (result.accepted()) {
                RefUpdate update = repository.updateRef(branch);
                update.setExpectedOldObjectId(oldId);
                update.setNewObjectId(newId);
                update.setRefLogMessage("upload by " + user, false);
                RefUpdate.Result moved = update.update();
                if (moved != RefUpdate.Result.NEW && moved != RefUpdate.Result.FAST_FORWARD) {
                    // Deployed, yet a push landed meanwhile; the next deploy is built from that branch, so say so.
                    progress.line("-----> " + branch + " was not moved to the upload (" + moved
                            + "): a push changed it meanwhile");
                }
            }
            return result;
        }
    }
}
