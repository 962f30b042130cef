package dev.gantry.router;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/** Answers the router writes itself, marked so that nobody mistakes them for the app's. */
final class RouterResponses {

    static final String MARKER_HEADER = "X-Gantry-Router";

    private RouterResponses() {
    }

    /** An error page naming the request's id in X-Request-Id. */
    static FullHttpResponse error(ByteBufAllocator allocator, int status, String reason, String message, AsciiString requestId) {
        String body = "<!DOCTYPE html>\n<html><head><title>" + status + " " + reason + "</title></head>\n"
                + "<body><h1>" + status + " " + reason + "</h1>\n<p>" + escape(message) + "</p></body></html>\n";
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(status, reason), ByteBufUtil.writeUtf8(allocator, body));
        HttpHeaders headers = response.headers();
        headers.set(MARKER_HEADER, "error")
                .set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        return response;
    }

    // 308, not 301: the client repeats the same method and body (RFC 9110 15.4.9).
    static FullHttpResponse redirect(String location, AsciiString requestId) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.PERMANENT_REDIRECT);
        response.headers().set(HttpHeaderNames.LOCATION, location)
                .set(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(RequestIds.HEADER, requestId);
        return response;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
