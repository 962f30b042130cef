package dev.gantry.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One image of a stack that Gantry builds itself from Debian packages: its tag, its Dockerfile and
 * the files that Dockerfile copies (the build context besides it).
 */
public record StackImage(String stack, String role, String tag, String dockerfile, List<ContextFile> files) {

    /** A file of the build context; scripts are executable. */
    public record ContextFile(String name, byte[] content, boolean executable) {
    }

    /** "java-build", as stacks:list shows it and an operator's override names it. */
    public String id() {
        return stack + "-" + role;
    }

    /**
     * A fingerprint of the definition (Dockerfile and files): an image built from another
     * definition, say by an older Gantry, is out of date.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(dockerfile.getBytes(StandardCharsets.UTF_8));
            for (ContextFile file : files) {
                sha.update(file.name().getBytes(StandardCharsets.UTF_8));
                sha.update(file.content());
                sha.update((byte) (file.executable() ? 1 : 0));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The Dockerfile with a label that differs from every earlier build right after {@code FROM}, so
     * the engine's layer cache cannot answer the package installs: a rebuild fetches the Debian
     * packages of today (security updates) instead of reusing the old layers.
     */
    public String dockerfileRefreshedAt(String stamp) {
        int endOfFrom = dockerfile.indexOf('\n') + 1;
        return dockerfile.substring(0, endOfFrom) + "LABEL gantry.stack.refreshed=\"" + stamp + "\"\n"
                + dockerfile.substring(endOfFrom);
    }
}
