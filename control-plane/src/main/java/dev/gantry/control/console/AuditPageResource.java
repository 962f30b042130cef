package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import dev.gantry.control.audit.AuditJsonLines;
import dev.gantry.control.audit.AuditQuery;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The audit log in the console: filtered and paged as {@code audit} does it, and exported as JSON Lines. */
@ConsoleGuarded
@Path(AuditPage.PATH)
@Blocking
public class AuditPageResource {

    private final AuditPage page;
    private final AuditJsonLines jsonLines;
    private final SignedIn signedIn;

    AuditPageResource(AuditPage page, AuditJsonLines jsonLines, SignedIn signedIn) {
        this.page = page;
        this.jsonLines = jsonLines;
        this.signedIn = signedIn;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String audit(@QueryParam("app") String app, @QueryParam("user") String user,
            @QueryParam("action") String action, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("page") String number) {
        AuditView.Filters filters = new AuditView.Filters(app, user, action, since, until);
        return ConsolePages.audit(ConsolePages.Frame.of(signedIn.session()),
                page.view(signedIn.session().user(), filters, number)).render();
    }

    /** The same events, all of them, as a file to download; a filter that cannot be read is the error page. */
    @GET
    @Path("/export")
    public Response export(@QueryParam("app") String app, @QueryParam("user") String user,
            @QueryParam("action") String action, @QueryParam("since") String since, @QueryParam("until") String until) {
        AuditQuery query;
        try {
            query = page.query(signedIn.session().user(), new AuditView.Filters(app, user, action, since, until));
        } catch (GantryException e) {
            return ConsoleResponses.refused(e);
        }
        StreamingOutput lines = out -> jsonLines.write(query, out);
        return Response.ok(lines, AuditJsonLines.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"gantry-audit.jsonl\"").build();
    }
}
