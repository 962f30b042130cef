package dev.gantry.control.tls;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names and addresses people reach port 8000 by, which Gantry's own API certificate must carry:
 * the public host name first (its common name), the operator's extra names, {@code localhost} and the
 * loopback addresses, then the addresses of this host's network interfaces. Interfaces Docker makes for
 * containers (docker0, br-*, veth*) are left out: they come and go with app networks, and a name that
 * changes would issue the certificate again at every start.
 */
public final class ApiNames {

    private static final Pattern CONTAINER_INTERFACE = Pattern.compile("docker.*|br-.*|veth.*");

    private ApiNames() {
    }

    public static List<String> of(String publicHost, List<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        names.add(publicHost);
        names.addAll(extra);
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        names.addAll(interfaceAddresses());
        return List.copyOf(names);
    }

    private static List<String> interfaceAddresses() {
        Set<String> addresses = new LinkedHashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || CONTAINER_INTERFACE.matcher(nic.getName()).matches()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        String text = address.getHostAddress();
                        int zone = text.indexOf('%');
                        addresses.add(zone < 0 ? text : text.substring(0, zone));
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: the certificate names the public host and loopback, the operator adds the rest
        }
        return List.copyOf(addresses);
    }
}
