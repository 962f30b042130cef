package dev.gantry.git;

/** The {@code GIT_PROTOCOL} environment variable git sends over SSH to ask for protocol v2. */
final class GitProtocol {
    static final String ENV_NAME = "GIT_PROTOCOL";

    private GitProtocol() {
    }

    static boolean isAcceptedValue(String value) {
        return "version=1".equals(value) || "version=2".equals(value);
    }

    static boolean wantsVersion2(String value) {
        return "version=2".equals(value);
    }
}
