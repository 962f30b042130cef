package dev.gantry.control.api;

import dev.gantry.control.GantryException;
import dev.gantry.node.EngineUnavailableException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the REST API is an RFC 9457 problem document whose detail says what to do. */
public class ProblemMapper {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response gantry(GantryException e) {
        return problem(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response engine(EngineUnavailableException e) {
        return problem(503, e.getMessage());
    }

    static Response problem(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
