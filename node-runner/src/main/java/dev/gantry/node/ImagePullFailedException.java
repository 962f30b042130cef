package dev.gantry.node;

/**
 * A host of the cluster could not pull an instance's image from the cluster's registry: no fault of
 * the app's, but of that host's way to the registry (a firewall, a missing CA or login). The message
 * names the host and the image; {@link #fix()} says what to check.
 */
public class ImagePullFailedException extends ContainerStartFailedException {

    private final String host;
    private final String registry;

    /** {@code host}: the host as the operator knows it; {@code registry}: the registry's {@code host:port}. */
    public ImagePullFailedException(String host, String registry, String message) {
        super(message, null);
        this.host = host;
        this.registry = registry;
    }

    public String host() {
        return host;
    }

    /** What to do before pushing again, as one clause. */
    public String fix() {
        return "make sure " + host + " reaches the registry at " + registry + " (tcp) and trusts the cluster's CA (the join"
                + " script sets both up; that host's engine log says why its pull failed), then push again";
    }
}
