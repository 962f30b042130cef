package dev.gantry.control.api;

import jakarta.enterprise.context.RequestScoped;

/** The user a REST request acts as, once {@link BearerAuthentication} has checked its token. */
@RequestScoped
public class RestCaller {

    private String user;

    void authenticated(String user) {
        this.user = user;
    }

    /** The user's name; only asked for by resources, which run after authentication. */
    public String user() {
        if (user == null) {
            throw new IllegalStateException("no authenticated user for this request");
        }
        return user;
    }

    /** The user's name, or "-" for a request refused before anyone was authenticated. */
    String userOrNone() {
        return user == null ? "-" : user;
    }
}
