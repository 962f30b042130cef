package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every console page but sign-in needs a live session; every POST must also carry the session's
 * CSRF token in its {@value #CSRF_FIELD} field. The body is read first, so the form can be checked
 * before any resource method runs. Pages of one app ({@code /console/apps/{app}/...}) are for those
 * who may use the app, checked here once for every page.
 */
public class ConsoleGuard {

    static final String COOKIE = "gantry_session";
    static final String CSRF_FIELD = "csrf";
    static final String CONSOLE = "/console";
    static final String SIGN_IN = CONSOLE + "/sign-in";

    private final ConsoleSessions sessions;
    private final SignedIn signedIn;
    private final Authorization authorization;

    ConsoleGuard(ConsoleSessions sessions, SignedIn signedIn, Authorization authorization) {
        this.sessions = sessions;
        this.signedIn = signedIn;
        this.authorization = authorization;
    }

    @ConsoleGuarded
    @ServerRequestFilter(readBody = true)
    public Optional<Response> check(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        if (request.getUriInfo().getPath().equals(SIGN_IN)) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        Optional<ConsoleSession> session = sessions.find(cookie == null ? null : cookie.getValue());
        boolean reading = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (session.isEmpty()) {
            return Optional.of(reading
                    ? ConsoleResponses.backTo(SIGN_IN)
                    : refused("Your session has ended (signed out, or idle too long). Sign in again, then repeat"
                            + " the change."));
        }
        if (!reading && !ConsoleSessions.csrfMatches(session.get(), formField(request, CSRF_FIELD))) {
            return Optional.of(refused("This form is out of date: its security token does not belong to your"
                    + " session. Reload the page and send the form again."));
        }
        String app = request.getUriInfo().getPathParameters().getFirst("app");
        if (app != null) {
            try {
                // The same rule as SSH and REST: someone else's app looks like no app at all.
                authorization.check(session.get().user(), Permission.APP_MEMBER, app, "the console");
            } catch (GantryException e) {
                return Optional.of(ConsoleResponses.refused(e));
            }
        }
        signedIn.set(session.get(), http.remoteAddress().hostAddress());
        return Optional.empty();
    }

    private static String formField(ResteasyReactiveContainerRequestContext request, String name) {
        // The form was read before this filter (readBody), so the field is there to look at.
        Object value = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(name, true, false);
        return value instanceof String text ? text : null;
    }

    private static Response refused(String why) {
        return ConsoleResponses.refused(403, why);
    }
}
