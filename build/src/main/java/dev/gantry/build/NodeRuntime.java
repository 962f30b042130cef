package dev.gantry.build;

import java.util.Optional;

/**
 * The Node.js an app builds and runs with: the node stack's (Debian's Node.js 18) unless
 * package.json's {@code engines.node} excludes it; then the newest release in that range from the
 * npm registry's {@code node-linux-*} packages, which ship the official binaries (npm checks the
 * package's integrity). An app's range is resolved by npm at build time and cached with the layer.
 */
record NodeRuntime(Optional<String> registryRange, String description) {

    /** The version of Debian bookworm's nodejs package, which the node stack images hold. */
    static final String DEBIAN_VERSION = "18.20.4";
    /** Where a fetched binary goes: ahead of Debian's /usr/bin/node on PATH, in build and run images alike. */
    static final String BINARY = "/usr/local/bin/node";
    /**
     * The official binaries carry their own CA list, unlike Debian's node: this has them trust the
     * system's too, which holds the host's CAs (a TLS-intercepting proxy's, say).
     */
    static final String SYSTEM_CAS = "NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt";

    /** @throws NoBuildPlanException when engines.node is not a version range */
    static NodeRuntime of(PackageJson packageJson) {
        Optional<String> engines = packageJson.text("engines", "node");
        if (engines.isEmpty()) {
            return new NodeRuntime(Optional.empty(), "Node.js " + DEBIAN_VERSION);
        }
        NodeVersionRange range;
        try {
            range = NodeVersionRange.parse(engines.get());
        } catch (IllegalArgumentException e) {
            throw new NoBuildPlanException(PackageJson.FILE_NAME + ": engines.node '" + engines.get() + "' is not a"
                    + " version range (" + e.getMessage() + "). Write it as npm does, e.g. \"22.x\" or \">=20\", and"
                    + " push again");
        }
        if (range.includes(DEBIAN_VERSION)) {
            return new NodeRuntime(Optional.empty(), "Node.js " + DEBIAN_VERSION + " for engines.node '" + range + "'");
        }
        return new NodeRuntime(Optional.of(range.toString()), "Node.js " + range + " from the npm registry for"
                + " engines.node");
    }

    /**
     * The step that puts the range's newest Node.js at {@value #BINARY}, or says which versions there
     * are when none matches.
     */
    static String fetchStep(String range) {
        String pkg = "node-linux-$(dpkg --print-architecture | sed s/amd64/x64/)";
        return "RUN npm pack --silent --pack-destination /tmp \"" + pkg + "@\"" + DockerfileText.shellQuoted(range)
                + " >/dev/null \\\n"
                + " || { echo \"engines.node matches no Node.js release: Debian's is " + DEBIAN_VERSION
                + ", the newest on the npm registry is $(npm view " + pkg + " version)\"; exit 1; } \\\n"
                + " && tar -xzf /tmp/node-linux-*.tgz -C /tmp package/bin/node \\\n"
                + " && mv /tmp/package/bin/node " + BINARY + " && rm -rf /tmp/package /tmp/node-linux-*.tgz \\\n"
                + " && node --version";
    }
}
