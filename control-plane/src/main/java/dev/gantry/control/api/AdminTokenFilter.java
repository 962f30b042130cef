package dev.gantry.control.api;

import dev.gantry.control.infra.CliToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Until users and API tokens exist, the API answers the administrator only: the bearer token is
 * the one in {@code GANTRY_HOME/cli-token}. {@code /api/v1/status} stays open for health probes.
 */
public class AdminTokenFilter {

    private final CliToken token;

    AdminTokenFilter(CliToken token) {
        this.token = token;
    }

    @ServerRequestFilter
    public void requireAdminToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/v1/") || path.equals("/api/v1/status")) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !token.matches(authorization.substring("Bearer ".length()))) {
            throw new UnauthorizedException("missing or wrong bearer token. Send 'Authorization: Bearer <token>' with"
                    + " the token from GANTRY_HOME/cli-token on the Gantry host");
        }
    }
}
