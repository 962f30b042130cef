package dev.gantry.git;

/** Accept the ref update, or reject it with one line the git client shows ("reason. fix"). */
public record PushResult(boolean accepted, String reason) {
    public static PushResult accept() {
        return new PushResult(true, null);
    }

    public static PushResult reject(String reason) {
        return new PushResult(false, reason);
    }
}
