package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    @Test
    void findsATokenInACommaSeparatedHeaderIgnoringCase() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Connection", "keep-alive, Upgrade");

        assertTrue(ForwardedHeaders.hasToken(headers, "connection", "upgrade"));
        assertFalse(ForwardedHeaders.hasToken(headers, "connection", "close"));
        assertFalse(ForwardedHeaders.hasToken(headers, "upgrade", "websocket"));
    }

    @Test
    void aResponseLeavesItsHopByHopAndConnectionListedHeadersBehindAndGetsTheRequestsId() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_0, HttpResponseStatus.OK);
        response.headers().add("Connection", "keep-alive, X-Hop").add("Keep-Alive", "timeout=5").add("X-Hop", "1")
                .add("Transfer-Encoding", "chunked").add("X-Request-Id", "from-the-app").add("X-App", "kept");

        ForwardedHeaders.toClient(response, AsciiString.of("id-1"), true);

        HttpHeaders headers = response.headers();
        assertNull(headers.get("Connection"));
        assertNull(headers.get("Keep-Alive"));
        assertNull(headers.get("X-Hop"));
        assertEquals("kept", headers.get("X-App"));
        assertEquals("id-1", headers.get("X-Request-Id"));
        // Framed anew for this hop: the length is unknown, so chunked.
        assertEquals("chunked", headers.get("Transfer-Encoding"));
        assertEquals(HttpVersion.HTTP_1_1, response.protocolVersion());
    }

    @Test
    void aResponseOfKnownLengthOrWithoutBodyIsNotChunked() {
        HttpResponse sized = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        sized.headers().add("Content-Length", "5");
        HttpResponse empty = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);

        ForwardedHeaders.toClient(sized, AsciiString.of("id"), true);
        ForwardedHeaders.toClient(empty, AsciiString.of("id"), false);

        assertNull(sized.headers().get("Transfer-Encoding"));
        assertNull(empty.headers().get("Transfer-Encoding"));
    }

    @Test
    void theForwardedPortIsTheHostHeadersOrElseTheConnections() {
        assertEquals("8080", ForwardedHeaders.portOf("shop.example.com:8080", "80"));
        assertEquals("80", ForwardedHeaders.portOf("shop.example.com", "80"));
        assertEquals("8443", ForwardedHeaders.portOf("[::1]:8443", "80"));
        assertEquals("80", ForwardedHeaders.portOf("[::1]", "80"));
        assertEquals("80", ForwardedHeaders.portOf(null, "80"));
    }
}
