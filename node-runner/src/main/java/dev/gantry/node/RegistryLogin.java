package dev.gantry.node;

/**
 * Where a registry answers ({@code host:port}, as image references name it) and the credentials it
 * requires. The engine keeps none: every push or pull carries them.
 */
public record RegistryLogin(String address, String user, String password) {

    /** The reference {@code repository:tag} (or {@code repository@digest}) has in this registry. */
    public String reference(String local) {
        return address + "/" + local;
    }

    /** Whether {@code reference} names an image in this registry. */
    public boolean holds(String reference) {
        return reference.startsWith(address + "/");
    }

    @Override
    public String toString() {
        // Records print every component; a password has no place in a log line.
        return "RegistryLogin[" + user + "@" + address + "]";
    }
}
