package dev.gantry.router.api;

import java.util.Objects;

/** One upstream of a route: a published host:port of a healthy web instance. */
public record Backend(String host, int port) {

    // Written out: a record's generated equals and hashCode go through a method handle, which the
    // JIT did not inline on the router's path (several lookups per request key on backends).
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Backend that && port == that.port && Objects.equals(host, that.host);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(host) + port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
