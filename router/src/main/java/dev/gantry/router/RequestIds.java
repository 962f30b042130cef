package dev.gantry.router;

import io.netty.util.AsciiString;
import java.util.concurrent.ThreadLocalRandom;

/** X-Request-Id: the client's, when it sent a sane one, or 128 random bits in hex. */
final class RequestIds {

    static final AsciiString HEADER = AsciiString.cached("X-Request-Id");
    private static final int MAX_LENGTH = 200;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    static String keepOrGenerate(String fromClient) {
        return acceptable(fromClient) ? fromClient : generate();
    }

    static String generate() {
        // Not a security token, only unique enough to find one request in logs: no SecureRandom on the hot path.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new String(id);
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
