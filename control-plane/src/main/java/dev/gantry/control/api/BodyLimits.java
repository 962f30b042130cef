package dev.gantry.control.api;

import dev.gantry.control.GantryConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
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
 * connection is closed. Only a source upload may come in chunks, without a length (Quarkus cuts it at
 * {@code quarkus.http.limits.max-body-size}, the same limit); any other such body is answered 411, as it
 * could only be judged by reading it.
 *
 * <p>This runs ahead of Quarkus' own check of declared lengths, whose refusal has no body.
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
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        OptionalLong declared = declaredLength(request);
        long limitMib = limitMibOf(request);
        if (declared.isPresent() && declared.getAsLong() > limitMib * MIB) {
            refuse(context, 413, tooLarge(request, declared.getAsLong(), limitMib));
        } else if (declared.isEmpty() && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)
                && !isUpload(request)) {
            refuse(context, 411, "the body came without a Content-Length. Send it with one (at most " + limitMib
                    + " MiB); only a source upload (POST /api/v1/apps/APP/builds, application/gzip) may come in"
                    + " chunks");
        } else {
            context.next();
        }
    }

    private long limitMibOf(HttpServerRequest request) {
        return isUpload(request) ? uploadLimitMib : BODY_LIMIT_MIB;
    }

    private static boolean isUpload(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        return request.method() == HttpMethod.POST && UPLOAD_PATH.matcher(request.path()).matches() && type != null
                && (type.startsWith("application/gzip") || type.startsWith("application/x-gzip"));
    }

    private String tooLarge(HttpServerRequest request, long declared, long limitMib) {
        return isUpload(request)
                ? "the upload is " + declared + " bytes, over the limit of " + limitMib + " MiB for a source upload"
                        + " (GANTRY_SSH_MAX_PACK_MIB). Leave build outputs and dependencies out of the tarball"
                : "the body is " + declared + " bytes, over the limit of " + limitMib + " MiB. Send a smaller body;"
                        + " only a source upload (POST /api/v1/apps/APP/builds, application/gzip) may be larger, up to "
                        + uploadLimitMib + " MiB";
    }

    private static void refuse(RoutingContext context, int status, String detail) {
        // The body stays unread: closing the connection after the answer is the only way to be rid of it.
        context.response().setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close())
                .end(Json.encode(ProblemMapper.body(status, detail)));
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
