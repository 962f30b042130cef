package dev.gantry.control.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.control.InvalidInputException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on any POST of the API: sent again with the same key, a request is
 * answered with the first answer (and {@code Idempotent-Replayed: true}) instead of running again.
 * Only successes are kept; a refused or failed request may be sent again with its key. Runs after
 * {@link BearerAuthentication}, since keys are per user.
 */
public class IdempotentPosts {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIMED = IdempotentPosts.class.getName() + ".claimed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final IdempotencyKeys keys;
    private final RestCaller caller;
    private final ObjectMapper json;

    IdempotentPosts(IdempotencyKeys keys, RestCaller caller, ObjectMapper json) {
        this.keys = keys;
        this.caller = caller;
        this.json = json;
    }

    @ServerRequestFilter(priority = Priorities.USER + 10)
    public Optional<Response> replay(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        String path = request.getUriInfo().getPath();
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || !path.startsWith("/api/v1/")) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(HEADER + ": must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        Optional<IdempotencyKeys.Answer> first = keys.claim(caller.user(), key, "POST " + path);
        if (first.isEmpty()) {
            request.setProperty(CLAIMED, key);
            return Optional.empty();
        }
        IdempotencyKeys.Answer answer = first.get();
        return Optional.of(Response.status(answer.status()).type(answer.contentType()).entity(answer.body())
                .header(REPLAYED, "true").build());
    }

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof String key)) {
            return;
        }
        if (response.getStatus() >= 300) {
            keys.release(caller.user(), key);
            return;
        }
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        keys.answered(caller.user(), key, new IdempotencyKeys.Answer(response.getStatus(), type.toString(),
                body(response.getEntity())));
    }

    private String body(Object entity) {
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not keep the answer of an idempotent request: " + e.getMessage(), e);
        }
    }
}
