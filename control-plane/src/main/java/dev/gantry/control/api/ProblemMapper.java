package dev.gantry.control.api;

import dev.gantry.control.GantryException;
import dev.gantry.node.EngineUnavailableException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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

    /** Syntax errors in a JSON body: say where, so the sender can find it. */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return problem(400, describe(e));
    }

    /**
     * The framework's own refusals (unknown path, wrong method or media type, unreadable body) get
     * the same problem format as ours.
     */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            return problem(400, describe(parse));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return wrongShape(mismatch);
        }
        return problem(e.getResponse().getStatus(), e.getMessage());
    }

    /** A body of a type the endpoint does not read: say which types it does read. */
    @ServerExceptionMapper
    public Response unsupportedType(NotSupportedException e, HttpHeaders headers) {
        MediaType sent = headers.getMediaType();
        return problem(415, "Content-Type " + (sent == null ? "missing"
                : "'" + sent.getType() + "/" + sent.getSubtype() + "' is not read here")
                + ". Send JSON with Content-Type: application/json; a build upload takes application/gzip");
    }

    private static String describe(JsonParseException e) {
        return "the body is not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
    }

    /** Well-formed JSON of the wrong shape: name the field and what it must be. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
        String problem = e instanceof UnrecognizedPropertyException
                ? "is not a known field. Remove it"
                : "must be a " + (e.getTargetType() == null ? "different type" : e.getTargetType().getSimpleName()
                        .replace("Integer", "whole number").replace("String", "string"));
        return problem(422, field + ": " + problem);
    }

    static Response problem(int status, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, detail)).build();
    }

    /** The problem document's fields, for answers written below the REST layer too. */
    static Map<String, Object> body(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
