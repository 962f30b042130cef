package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The answers console pages share: an error page a person reads, and going back to a page after a change. */
final class ConsoleResponses {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private ConsoleResponses() {
    }

    static Response refused(int status, String message) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Response.status(status).type(HTML)
                .entity(ConsolePages.refused(known == null ? "Error" : known.getReasonPhrase(), message).render())
                .build();
    }

    /** A page's own refusal (unknown app, bad version in a link): the service's words, as HTML. */
    static Response refused(GantryException e) {
        return refused(e.status(), e.getMessage());
    }

    /** After a POST, the browser loads the page again (and a reload does not repeat the change). */
    static Response backTo(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
