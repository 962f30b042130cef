package dev.gantry.git;

/**
 * Who sent an exec request: the user of the key that signed in, the client's address (for the
 * audit log), and whether it asked for a terminal ({@code ssh -t}).
 */
public record SshClient(String user, String address, boolean tty) {
}
