package dev.gantry.control.infra;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * One entry of {@code GANTRY_REMOTE_ROUTERS}: a router's admin interface on another host. It carries
 * the admin token and apps' private keys, so it is HTTPS; plain HTTP only on loopback (a second router
 * on this host, as tests run one).
 */
final class RemoteRouterAddress {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private RemoteRouterAddress() {
    }

    static URI parse(String entry) {
        String text = entry.trim();
        URI address;
        try {
            address = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        if (address.getHost() == null || address.getPort() == -1) {
            throw invalid(text, "it names no host and port");
        }
        if (address.getRawPath() != null && !address.getRawPath().isEmpty() && !"/".equals(address.getRawPath())) {
            throw invalid(text, "it has a path");
        }
        if ("http".equals(address.getScheme()) && !LOOPBACK.contains(address.getHost())) {
            throw invalid(text, "plain HTTP would send the admin token over the network");
        }
        if (!"http".equals(address.getScheme()) && !"https".equals(address.getScheme())) {
            throw invalid(text, "it is neither https:// nor http://");
        }
        return URI.create(address.getScheme() + "://" + address.getRawAuthority());
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException("GANTRY_REMOTE_ROUTERS: '" + entry + "' is not a router's admin address ("
                + reason + "). Write https://HOST:PORT, e.g. https://10.0.0.12:8081 (http:// on 127.0.0.1 only)");
    }
}
