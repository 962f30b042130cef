package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.SshKey;
import dev.gantry.control.keys.KeyService;
import dev.gantry.control.users.Authorization;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** A user's SSH keys, as {@code keys:list}, {@code keys:add} and {@code keys:remove} handle them: your own, or anyone's as an admin. */
@Path("/api/v1/users/{user}/keys")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UserKeysResource {

    private final KeyService keys;
    private final Authorization authorization;
    private final RestCaller caller;

    UserKeysResource(KeyService keys, Authorization authorization, RestCaller caller) {
        this.keys = keys;
        this.authorization = authorization;
        this.caller = caller;
    }

    public record KeyResponse(String fingerprint, String type, String publicKey, Instant createdAt) {
        static KeyResponse of(SshKey key) {
            return new KeyResponse(key.fingerprint, key.publicKey.split(" ")[0], key.publicKey, key.createdAt);
        }
    }

    /** Body of a POST: one {@code authorized_keys} line. */
    public record NewKey(String publicKey) {
    }

    @GET
    public List<KeyResponse> list(@PathParam("user") String user) {
        authorization.checkSelfOrAdmin(caller.user(), user, "keys:list");
        return keys.listOf(user).stream().map(KeyResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("user") String user, NewKey request) {
        authorization.checkSelfOrAdmin(caller.user(), user, "keys:add");
        if (request == null || request.publicKey() == null) {
            throw new InvalidInputException("publicKey: missing. Send e.g. {\"publicKey\": \"ssh-ed25519 AAAA... you@host\"}");
        }
        return Response.status(Response.Status.CREATED).entity(KeyResponse.of(keys.add(user, request.publicKey()))).build();
    }

    /** The fingerprint is a query parameter: it is base64, whose '/' a path cannot carry. */
    @DELETE
    public Response remove(@PathParam("user") String user, @QueryParam("fingerprint") String fingerprint) {
        authorization.checkSelfOrAdmin(caller.user(), user, "keys:remove");
        if (fingerprint == null || !fingerprint.startsWith("SHA256:")) {
            throw new InvalidInputException("fingerprint: give the key's SHA256:... fingerprint as ?fingerprint=");
        }
        if (!keys.ownerOf(fingerprint).equals(user)) {
            throw new NotFoundException(user + " has no key " + fingerprint + ". GET this path to list their keys");
        }
        keys.remove(fingerprint);
        return Response.noContent().build();
    }
}
