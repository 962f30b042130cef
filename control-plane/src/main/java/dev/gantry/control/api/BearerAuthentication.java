package dev.gantry.control.api;

import dev.gantry.control.UnauthorizedException;
import dev.gantry.control.domain.User;
import dev.gantry.control.infra.CliToken;
import dev.gantry.control.users.ApiTokens;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/v1} request but {@code /status} (open for health probes) says who it is with
 * {@code Authorization: Bearer TOKEN}: an API token from {@code tokens:create}, or the host's
 * {@code GANTRY_HOME/cli-token}, which acts as the first admin. A request on one app
 * ({@code /apps/{app}/...}) is checked here, once for every resource: for a member, someone else's
 * app is answered like an app that does not exist.
 */
public class BearerAuthentication {

    private static final String BEARER = "Bearer ";

    private final CliToken cliToken;
    private final ApiTokens tokens;
    private final Authorization authorization;
    private final RestCaller caller;

    BearerAuthentication(CliToken cliToken, ApiTokens tokens, Authorization authorization, RestCaller caller) {
        this.cliToken = cliToken;
        this.tokens = tokens;
        this.authorization = authorization;
        this.caller = caller;
    }

    // Runs on the resource's worker thread (every resource is @Blocking), so it may ask the database.
    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/v1/") || path.equals("/api/v1/status")) {
            return;
        }
        String authorizationHeader = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER)
                || authorizationHeader.length() == BEARER.length()) {
            throw new UnauthorizedException("missing bearer token. Send 'Authorization: Bearer <token>' with a token"
                    + " from tokens:create, or on the Gantry host the one in GANTRY_HOME/cli-token");
        }
        String presented = authorizationHeader.substring(BEARER.length());
        String user = cliToken.matches(presented) ? User.FIRST_ADMIN : tokens.authenticate(presented);
        caller.authenticated(user);
        String app = request.getUriInfo().getPathParameters().getFirst("app");
        if (app != null) {
            authorization.check(user, Permission.APP_MEMBER, app, request.getMethod() + " " + path);
        }
    }
}
