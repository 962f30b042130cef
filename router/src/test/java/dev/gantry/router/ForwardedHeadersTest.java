package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    @Test
    void findsATokenInACommaSeparatedHeaderIgnoringCase() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Connection", "keep-alive, Upgrade");

        assertTrue(ForwardedHeaders.hasToken(headers, "connection", "upgrade"));
        assertFalse(ForwardedHeaders.hasToken(headers, "connection", "close"));
        assertFalse(ForwardedHeaders.hasToken(headers, "upgrade", "websocket"));
    }
}
