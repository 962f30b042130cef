package dev.gantry.router;

/** One upstream of a route: a published host:port of a healthy web instance. */
public record Backend(String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
