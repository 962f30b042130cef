package dev.gantry.git;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import org.eclipse.jgit.errors.UnpackException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PostReceiveHook;
import org.eclipse.jgit.transport.ReceivePack;
import org.jboss.logging.Logger;

/**
 * {@code git-receive-pack} for one app: ask {@link RepositoryAccess}, create the repository on the
 * first push, then receive through JGit with our {@link PushPreReceiveHook}. JGit never runs hook
 * scripts from the repository's hooks directory; only the Java hooks set here run.
 */
final class GitReceiveService {
    private static final Logger LOG = Logger.getLogger(GitReceiveService.class);

    private final AppRepositories repositories;
    private final RepositoryAccess access;
    private final PushHandler handler;
    private final long maxPackBytes;
    private final int timeoutSeconds;

    GitReceiveService(AppRepositories repositories, RepositoryAccess access, PushHandler handler,
            long maxPackBytes, int timeoutSeconds) {
        this.repositories = repositories;
        this.access = access;
        this.handler = handler;
        this.maxPackBytes = maxPackBytes;
        this.timeoutSeconds = timeoutSeconds;
    }

    int receive(String user, String address, String app, ExecStreams io, BooleanSupplier keyStillRegistered)
            throws RefusedCommandException, IOException {
        try {
            access.beforePush(user, app, new FlushingLineSink(io.err()));
        } catch (GitAccessDeniedException e) {
            throw new RefusedCommandException(e.getMessage());
        }
        try (Repository repository = repositories.openOrCreate(app)) {
            ReceivePack pack = newReceivePack(repository);
            pack.setPreReceiveHook(new PushPreReceiveHook(user, address, app, handler, keyStillRegistered));
            pack.receive(io.in(), io.out(), io.err());
            return 0;
        } catch (UnpackException e) {
            // JGit already told the client ("unpack error ..."), e.g. a pack over the size limit.
            LOG.infof("Push to %s by %s not unpacked: %s", app, user, e.getCause() == null ? e : e.getCause());
            return 1;
        }
    }

    private ReceivePack newReceivePack(Repository repository) {
        ReceivePack pack = new ReceivePack(repository);
        // Refuses corrupt objects and the ".git", "..", ".gitmodules" path tricks in trees.
        pack.setCheckReceivedObjects(true);
        pack.setMaxPackSizeLimit(maxPackBytes);
        pack.setMaxObjectSizeLimit(maxPackBytes);
        pack.setTimeout(timeoutSeconds);
        // Heroku semantics: git push --force replaces the branch; the client still demands --force.
        pack.setAllowNonFastForwards(true);
        pack.setAllowCreates(true);
        // Deletes reach the PushHandler (newId is zero), which decides, e.g. refuses deleting main.
        pack.setAllowDeletes(true);
        pack.setAllowBranchDeletes(true);
        pack.setPostReceiveHook(PostReceiveHook.NULL);
        return pack;
    }
}
