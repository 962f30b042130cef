package dev.gantry.router;

import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** X-Request-Id: the client's, when it sent a sane one, or 128 random bits in hex. */
final class RequestIds {

    static final AsciiString HEADER = AsciiString.cached("X-Request-Id");
    private static final int MAX_LENGTH = 200;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private RequestIds() {
    }

    /** As an AsciiString: it goes into a request's and its answer's headers, which copy one as it is. */
    static AsciiString keepOrGenerate(String fromClient) {
        return acceptable(fromClient) ? AsciiString.of(fromClient) : generate();
    }

    static AsciiString generate() {
        // Not a security token, only unique enough to find one request in logs: no SecureRandom on the hot path.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new AsciiString(id, false);
    }

    // Visible ASCII only, bounded: the id ends up in logs and in headers sent on.
    static boolean acceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
