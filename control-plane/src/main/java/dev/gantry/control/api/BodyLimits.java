package dev.gantry.control.api;

import dev.gantry.control.GantryConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * How large a request body on the HTTP port may be: {@value #BODY_LIMIT_MIB} MiB (JSON, console forms,
 * the host CLI's stdin), or for a source upload ({@code POST /api/v1/apps/APP/builds} with a gzip
 * body) the push limit, {@code GANTRY_SSH_MAX_PACK_MIB}. A body whose declared length is over its limit
 * is answered 413 with a problem document naming the limit before a byte of it is read, and the
 * connection is closed; a body sent in chunks, without a length, is cut at its limit as it is read.
 *
 * <p>Quarkus' own check ({@code quarkus.http.limits.max-body-size}, set to the larger limit) runs
 * between the two routes here: its refusal has no body, and for a body without a length it sets that
 * larger limit, which the second route narrows again.
 */
@ApplicationScoped
public class BodyLimits {

    static final int BODY_LIMIT_MIB = 1;
    private static final long MIB = 1024 * 1024;
    private static final Pattern UPLOAD_PATH = Pattern.compile("/api/v1/apps/[^/]+/builds");

    private final long uploadLimitMib;

    BodyLimits(GantryConfig config) {
        this.uploadLimitMib = config.ssh().maxPackMib();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOversize);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limitUndeclared);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        OptionalLong declared = declaredLength(context.request());
        long limitMib = limitMibOf(context.request());
        if (declared.isPresent() && declared.getAsLong() > limitMib * MIB) {
            refuse(context, declared.getAsLong(), limitMib);
            return;
        }
        context.next();
    }

    private void limitUndeclared(RoutingContext context) {
        if (declaredLength(context.request()).isEmpty()) {
            context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limitMibOf(context.request()) * MIB);
        }
        context.next();
    }

    private long limitMibOf(HttpServerRequest request) {
        return isUpload(request) ? uploadLimitMib : BODY_LIMIT_MIB;
    }

    private static boolean isUpload(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        return request.method() == HttpMethod.POST && UPLOAD_PATH.matcher(request.path()).matches() && type != null
                && (type.startsWith("application/gzip") || type.startsWith("application/x-gzip"));
    }

    private void refuse(RoutingContext context, long declared, long limitMib) {
        String detail = isUpload(context.request())
                ? "the upload is " + declared + " bytes, over the limit of " + limitMib + " MiB for a source upload"
                        + " (GANTRY_SSH_MAX_PACK_MIB). Leave build outputs and dependencies out of the tarball"
                : "the body is " + declared + " bytes, over the limit of " + limitMib + " MiB. Send a smaller body;"
                        + " only a source upload (POST /api/v1/apps/APP/builds, application/gzip) may be larger, up to "
                        + uploadLimitMib + " MiB";
        // The body stays unread: closing the connection after the answer is the only way to be rid of it.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close())
                .end(Json.encode(ProblemMapper.body(413, detail)));
    }

    private static OptionalLong declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return length == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(length.trim()));
        } catch (NumberFormatException malformed) {
            // Not ours to judge: the HTTP codec refuses a malformed length.
            return OptionalLong.empty();
        }
    }
}
