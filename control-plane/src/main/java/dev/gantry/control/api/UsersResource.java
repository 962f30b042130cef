package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.domain.User;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import dev.gantry.control.users.UserDirectory;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.jboss.resteasy.reactive.RestResponse;

/** The users, as {@code users}, {@code users:add}, {@code users:set-role}, {@code users:remove} and {@code users:passwd} handle them. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class UsersResource {

    private final UserDirectory users;
    private final Authorization authorization;
    private final RestCaller caller;

    UsersResource(UserDirectory users, Authorization authorization, RestCaller caller) {
        this.users = users;
        this.authorization = authorization;
        this.caller = caller;
    }

    public record UserResponse(String name, String role, boolean passwordSet, Instant createdAt) {
        static UserResponse of(User user) {
            return new UserResponse(user.name, user.role.label(), user.passwordHash != null, user.createdAt);
        }
    }

    /** Body of a POST: the name, and the role (member when absent). */
    public record NewUser(String name, String role) {
    }

    /** Body of a PATCH. */
    public record RoleChange(String role) {
    }

    /** Body of a PUT to /password. */
    public record PasswordChange(String password) {
    }

    @GET
    public RestResponse<List<UserResponse>> list(@QueryParam("limit") String limit, @QueryParam("page") String page, @Context UriInfo uri) {
        authorization.check(caller.user(), Permission.ADMIN, null, "users");
        Pages pages = Pages.of(limit, page);
        return pages.answer(users.list().stream().map(UserResponse::of).toList(), uri);
    }

    @GET
    @Path("/{user}")
    public UserResponse get(@PathParam("user") String user) {
        authorization.checkSelfOrAdmin(caller.user(), user, "users");
        return UserResponse.of(users.get(user));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewUser request) {
        authorization.check(caller.user(), Permission.ADMIN, null, "users:add");
        if (request == null || request.name() == null) {
            throw new InvalidInputException("name: missing. Send e.g. {\"name\": \"alice\", \"role\": \"member\"}");
        }
        User added = users.add(request.name(),
                request.role() == null ? User.Role.MEMBER : UserDirectory.parseRole(request.role()));
        return Response.status(Response.Status.CREATED).entity(UserResponse.of(added)).build();
    }

    @PATCH
    @Path("/{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserResponse setRole(@PathParam("user") String user, RoleChange request) {
        authorization.check(caller.user(), Permission.ADMIN, null, "users:set-role");
        if (request == null || request.role() == null) {
            throw new InvalidInputException("role: missing. Send e.g. {\"role\": \"admin\"}");
        }
        return UserResponse.of(users.setRole(user, UserDirectory.parseRole(request.role())));
    }

    @DELETE
    @Path("/{user}")
    public Response remove(@PathParam("user") String user) {
        authorization.check(caller.user(), Permission.ADMIN, null, "users:remove");
        users.remove(user);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{user}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPassword(@PathParam("user") String user, PasswordChange request) {
        authorization.checkSelfOrAdmin(caller.user(), user, "users:passwd");
        if (request == null || request.password() == null) {
            throw new InvalidInputException("password: missing. Send e.g. {\"password\": \"a long passphrase\"}");
        }
        users.setPassword(user, request.password().toCharArray());
        return Response.noContent().build();
    }
}
