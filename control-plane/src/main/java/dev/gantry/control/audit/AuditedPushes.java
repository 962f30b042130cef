package dev.gantry.control.audit;

import dev.gantry.control.deploy.PushDeployService;
import dev.gantry.git.PushHandler;
import dev.gantry.git.PushRequest;
import dev.gantry.git.PushResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.jgit.lib.Repository;

/** Every ref a push updates, with its outcome, goes to the audit log; the deploy itself is the push story's. */
@ApplicationScoped
public class AuditedPushes implements PushHandler {

    private final PushDeployService pushes;
    private final AuditLog audit;

    AuditedPushes(PushDeployService pushes, AuditLog audit) {
        this.pushes = pushes;
        this.audit = audit;
    }

    @Override
    public PushResult onPush(PushRequest push) {
        PushResult result = pushes.onPush(push);
        audit.record(new AuditLog.Actor(push.user(), "git", push.clientAddress()),
                "git push " + Repository.shortenRefName(push.refName()), push.app(),
                result.accepted() ? "ok" : "rejected: " + result.reason());
        return result;
    }
}
