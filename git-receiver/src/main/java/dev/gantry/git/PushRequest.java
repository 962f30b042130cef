package dev.gantry.git;

import dev.gantry.common.LineSink;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * One ref update of a push, already checked: a valid ref name, a valid app name, an authenticated
 * user. {@code newId} is {@link ObjectId#zeroId()} for a delete. Lines written to {@code progress}
 * reach the git client at once (flushed per line, prefixed by git with "remote: ").
 * {@code clientAddress} is where the push came from, for the audit log.
 */
public record PushRequest(
        String user,
        String app,
        Repository repository,
        String refName,
        ObjectId oldId,
        ObjectId newId,
        LineSink progress,
        String clientAddress) {
}
