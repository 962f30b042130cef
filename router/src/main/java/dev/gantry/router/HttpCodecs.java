package dev.gantry.router;

import io.netty.handler.codec.DefaultHeaders.NameValidator;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The HTTP/1.1 codecs of the two hops, and what each checks. Checking every header name costs about
 * a twentieth of the router's time per request, so names are checked where they can be wrong: those
 * a client sent. The names the router adds itself are known good; a backend's response is the app's
 * own answer, relayed as it came (as nginx relays it).
 */
final class HttpCodecs {

    // Compared by identity: the router sets request headers by these constants only.
    private static final CharSequence[] ROUTER_SET_NAMES = {
        ForwardedHeaders.X_FORWARDED_FOR, ForwardedHeaders.X_FORWARDED_PROTO, ForwardedHeaders.X_FORWARDED_HOST,
        ForwardedHeaders.X_FORWARDED_PORT, RequestIds.HEADER, HttpHeaderNames.TRANSFER_ENCODING,
        HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE,
    };

    private static final NameValidator<CharSequence> NETTY_CHECK =
            DefaultHttpHeadersFactory.headersFactory().getNameValidator();

    /** Netty's own check of header names, skipping the names the router sets. */
    static final NameValidator<CharSequence> CLIENT_HEADER_NAMES = name -> {
        for (CharSequence known : ROUTER_SET_NAMES) {
            if (name == known) {
                return;
            }
        }
        NETTY_CHECK.validateName(name);
    };

    private HttpCodecs() {
    }

    /** The codec of a client connection: requests in, responses out. */
    static HttpServerCodec forClients() {
        return new HttpServerCodec(new HttpDecoderConfig()
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withNameValidator(CLIENT_HEADER_NAMES)));
    }

    /** The codec of a backend connection: requests out, responses in. */
    static HttpClientCodec forBackends() {
        return new HttpClientCodec(new HttpDecoderConfig().setValidateHeaders(false),
                HttpClientCodec.DEFAULT_FAIL_ON_MISSING_RESPONSE, HttpClientCodec.DEFAULT_PARSE_HTTP_AFTER_CONNECT_REQUEST);
    }
}
