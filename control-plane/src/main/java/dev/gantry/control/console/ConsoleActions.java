package dev.gantry.control.console;

import dev.gantry.common.LineSink;
import dev.gantry.control.GantryException;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.node.EngineUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs one change a console user asked for through the same service the SSH command and the REST
 * API use, records it in the audit log (channel {@code console}) and leaves the outcome as the
 * notice of the next page: the services' refusals already say what to do.
 */
@ApplicationScoped
public class ConsoleActions {

    private static final Logger LOG = Logger.getLogger(ConsoleActions.class);

    private final AuditLog audit;
    private final SignedIn signedIn;

    ConsoleActions(AuditLog audit, SignedIn signedIn) {
        this.audit = audit;
        this.signedIn = signedIn;
    }

    /**
     * @param change does the work with a sink for its progress lines, and says what it did
     */
    public void run(String action, String app, Function<LineSink, String> change) {
        ConsoleSession session = signedIn.session();
        String outcome = "ok";
        try {
            String done = change.apply(line -> LOG.infof("%s %s: %s", app, action, line.trim()));
            session.tell(new ConsoleSession.Notice(done, false));
        } catch (GantryException | EngineUnavailableException e) {
            outcome = "error: " + e.getMessage();
            session.tell(new ConsoleSession.Notice(e.getMessage(), true));
        } catch (RuntimeException e) {
            outcome = "error: " + e.getClass().getSimpleName();
            LOG.errorf(e, "%s of %s failed for %s", action, app, session.user());
            session.tell(new ConsoleSession.Notice(action + " failed unexpectedly (" + e.getClass().getSimpleName()
                    + "). The control plane's log has the details", true));
        } finally {
            audit.record(new AuditLog.Actor(session.user(), "console", signedIn.address()), action, app, outcome);
        }
    }
}
