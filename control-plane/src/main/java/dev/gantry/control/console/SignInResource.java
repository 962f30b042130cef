package dev.gantry.control.console;

import dev.gantry.control.audit.AuditLog;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Signing in and out of the console. */
@ConsoleGuarded
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SignInResource {

    private final ConsoleSignIn signIn;
    private final ConsoleSessions sessions;
    private final SignInLimiter limiter;
    private final SignedIn signedIn;
    private final AuditLog audit;

    SignInResource(ConsoleSignIn signIn, ConsoleSessions sessions, SignInLimiter limiter, SignedIn signedIn,
            AuditLog audit) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.limiter = limiter;
        this.signedIn = signedIn;
        this.audit = audit;
    }

    @GET
    public Response home() {
        return ConsoleResponses.backTo(AppsResource.PATH);
    }

    @GET
    @Path("/sign-in")
    public String form() {
        return ConsolePages.signIn(null).render();
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String user, @RestForm String password, HttpServerRequest http) {
        String address = http.remoteAddress().hostAddress();
        if (!limiter.allows(address)) {
            return Response.status(429).type(ConsoleResponses.HTML)
                    .entity(ConsolePages.signIn("Too many failed sign-ins from your address. Wait a minute, then try"
                            + " again.").render())
                    .build();
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        Optional<String> known;
        try {
            known = signIn.signIn(user == null ? "" : user.trim(), secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        AuditLog.Actor actor = new AuditLog.Actor(known.orElse(user == null ? "-" : user.trim()), "console", address);
        if (known.isEmpty()) {
            limiter.failed(address);
            audit.record(actor, "sign-in", null, "refused (wrong user name or password)");
            return Response.status(Response.Status.UNAUTHORIZED).type(ConsoleResponses.HTML)
                    .entity(ConsolePages.signIn("Wrong user name or password.").render()).build();
        }
        limiter.succeeded(address);
        audit.record(actor, "sign-in", null, "ok");
        ConsoleSession session = sessions.start(known.get());
        return Response.seeOther(URI.create(AppsResource.PATH))
                .cookie(cookie(session.id, http.isSSL(), false)).build();
    }

    @POST
    @Path("/sign-out")
    public Response signOut(HttpServerRequest http) {
        sessions.end(signedIn.session());
        return Response.seeOther(URI.create(ConsoleGuard.SIGN_IN))
                .cookie(cookie("", http.isSSL(), true)).build();
    }

    /** HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it along. */
    private static NewCookie cookie(String value, boolean https, boolean expired) {
        return new NewCookie.Builder(ConsoleGuard.COOKIE).value(value).path("/console").httpOnly(true)
                .secure(https).sameSite(NewCookie.SameSite.STRICT).maxAge(expired ? 0 : NewCookie.DEFAULT_MAX_AGE)
                .build();
    }
}
