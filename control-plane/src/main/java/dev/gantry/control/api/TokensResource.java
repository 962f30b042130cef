package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.checks.Durations;
import dev.gantry.control.domain.ApiToken;
import dev.gantry.control.users.ApiTokens;
import dev.gantry.control.users.Authorization;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * API tokens, as {@code tokens}, {@code tokens:create} and {@code tokens:revoke} handle them: the
 * caller's own, or with {@code ?user=} (an admin) someone else's. A created token is in the
 * answer to its POST and nowhere else, ever.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TokensResource {

    private final ApiTokens tokens;
    private final Authorization authorization;
    private final RestCaller caller;

    TokensResource(ApiTokens tokens, Authorization authorization, RestCaller caller) {
        this.tokens = tokens;
        this.authorization = authorization;
        this.caller = caller;
    }

    public record TokenResponse(String name, String user, String prefix, String state, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenResponse of(ApiToken token, Instant now) {
            return new TokenResponse(token.name, token.user.name, token.prefix, token.state(now), token.createdAt,
                    token.expiresAt, token.lastUsedAt, token.revokedAt);
        }
    }

    /** Body of a POST: {@code expires} is a duration such as {@code 30d}; absent, the token never expires. */
    public record NewToken(String name, String expires) {
    }

    @GET
    public RestResponse<List<TokenResponse>> list(@QueryParam("user") String user, @QueryParam("limit") String limit,
            @QueryParam("page") String page, @Context UriInfo uri) {
        Pages pages = Pages.of(limit, page);
        Instant now = Instant.now();
        return pages.answer(tokens.list(owner(user, "tokens")).stream().map(token -> TokenResponse.of(token, now))
                .toList(), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@QueryParam("user") String user, NewToken request) {
        String owner = owner(user, "tokens:create");
        if (request == null || request.name() == null) {
            throw new InvalidInputException("name: missing. Send e.g. {\"name\": \"ci\", \"expires\": \"30d\"}");
        }
        ApiTokens.CreatedToken created = tokens.create(owner, request.name(),
                Optional.ofNullable(request.expires()).map(text -> Durations.parse("expires", text)));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("/{name}")
    public Response revoke(@QueryParam("user") String user, @PathParam("name") String name) {
        tokens.revoke(owner(user, "tokens:revoke"), name);
        return Response.noContent().build();
    }

    private String owner(String user, String action) {
        return authorization.actingFor(caller.user(), Optional.ofNullable(user), action);
    }
}
