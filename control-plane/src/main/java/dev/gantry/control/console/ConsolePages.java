package dev.gantry.control.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * The console's pages: Qute templates in the web-console module under {@code templates/console/},
 * checked against these signatures when Gantry is built.
 */
@CheckedTemplate(basePath = "console")
public final class ConsolePages {

    private ConsolePages() {
    }

    /** What every signed-in page carries: who, the form token, and the notice of the last change. */
    public record Frame(String user, String csrf, ConsoleSession.Notice notice) {

        static Frame of(ConsoleSession session) {
            return new Frame(session.user(), session.csrf(), session.takeNotice());
        }
    }

    /** One row of the config editor; {@code value} is empty unless the values are revealed. */
    public record ConfigVar(String key, String value, String masked) {
    }

    public static native TemplateInstance signIn(String problem);

    public static native TemplateInstance refused(String title, String message);

    public static native TemplateInstance apps(Frame frame, List<AppView.Summary> apps);

    public static native TemplateInstance app(Frame frame, AppView app);

    public static native TemplateInstance config(Frame frame, String app, List<ConfigVar> vars, boolean revealed);

    public static native TemplateInstance logs(Frame frame, String app);

    public static native TemplateInstance metrics(Frame frame, MetricsView metrics);

    public static native TemplateInstance nodes(Frame frame, List<NodeOverview.NodeView> nodes);

    public static native TemplateInstance audit(Frame frame, AuditView audit);

    public static native TemplateInstance services(Frame frame, List<ServiceView.Summary> services);

    public static native TemplateInstance service(Frame frame, ServiceView service);

    public static native TemplateInstance appServices(Frame frame, String app, List<ServiceView.Summary> services);
}
