package dev.gantry.router;

import io.vertx.core.http.HttpServerResponse;

/** Answers the router writes itself, marked so that nobody mistakes them for the app's. */
final class RouterResponses {

    static final String MARKER_HEADER = "X-Gantry-Router";

    private RouterResponses() {
    }

    /** Sends the error unless the response is already under way; returns whether it was sent. */
    static boolean error(HttpServerResponse response, int status, String reason, String message) {
        return error(response, status, reason, message, null);
    }

    /** As {@link #error(HttpServerResponse, int, String, String)}, naming the request's id in X-Request-Id. */
    static boolean error(HttpServerResponse response, int status, String reason, String message, String requestId) {
        if (response.headWritten() || response.closed()) {
            return false;
        }
        String body = "<!DOCTYPE html>\n<html><head><title>" + status + " " + reason + "</title></head>\n"
                + "<body><h1>" + status + " " + reason + "</h1>\n<p>" + escape(message) + "</p></body></html>\n";
        response.headers().clear();
        response.setStatusCode(status)
                .setStatusMessage(reason)
                .putHeader(MARKER_HEADER, "error")
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-store");
        if (requestId != null) {
            response.putHeader(RequestIds.HEADER, requestId);
        }
        response.end(body);
        return true;
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
