package dev.gantry.control.console;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every answer of the HTTP port carries, console and REST API alike, set on the Vert.x
 * router before anything else runs, so that static assets, redirects and the framework's own
 * refusals carry them too.
 *
 * <p>The console's pages get a Content-Security-Policy that allows nothing but the console's own
 * stylesheet and script: text that ever slipped through the templates' escaping (an app name, a
 * config value, a log line) cannot run as script, neither as a {@code <script>} nor as an
 * {@code onerror=} attribute. The console needs no more: it has no inline script or style, and
 * fetches and streams only from its own origin. No page may be framed (clickjacking a rollback
 * button), no answer is content-sniffed into a script, and no URL (which names apps) leaves in a
 * Referer header.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** JSON and text answers run nothing, so they allow nothing. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** The browsable OpenAPI page is the framework's, with inline script of its own: it may only not be framed. */
    static final String DOCS_POLICY = "frame-ancestors 'none'";
    private static final String DOCS_PATH = "/api/v1/docs";

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::add);
    }

    private void add(RoutingContext request) {
        MultiMap headers = request.response().headers();
        headers.set("Content-Security-Policy", policyFor(request.normalizedPath()));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        request.next();
    }

    static String policyFor(String path) {
        if (path.equals(ConsoleGuard.CONSOLE) || path.startsWith(ConsoleGuard.CONSOLE + "/")) {
            return CONSOLE_POLICY;
        }
        return path.equals(DOCS_PATH) || path.startsWith(DOCS_PATH + "/") ? DOCS_POLICY : API_POLICY;
    }
}
