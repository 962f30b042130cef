package dev.gantry.control.console;

import jakarta.enterprise.context.RequestScoped;

/** The session of the current console request, as the {@link ConsoleGuard} found it. */
@RequestScoped
public class SignedIn {

    private ConsoleSession session;
    private String address;

    void set(ConsoleSession session, String address) {
        this.session = session;
        this.address = address;
    }

    /** The client's address, for the audit log. */
    public String address() {
        return address;
    }

    public ConsoleSession session() {
        if (session == null) {
            throw new IllegalStateException("no console session: the request did not pass the ConsoleGuard");
        }
        return session;
    }
}
