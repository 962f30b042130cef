package dev.gantry.node.agent;

import dev.gantry.common.SecretFile;
import java.nio.file.Path;

/**
 * The node token, shared by a node runner and the control plane that steers it: a {@link SecretFile}
 * at {@code GANTRY_HOME/node/token}. The node runner makes it on its first start; on another host
 * the operator copies it to the control plane (see the operator guide).
 */
public final class NodeToken {

    private static final String WHAT = "node token";

    private NodeToken() {
    }

    public static Path fileIn(Path gantryHome) {
        return gantryHome.resolve("node").resolve("token");
    }

    public static String readOrCreate(Path gantryHome) {
        return SecretFile.readOrCreate(fileIn(gantryHome), WHAT);
    }

    public static String read(Path gantryHome) {
        return SecretFile.read(fileIn(gantryHome), WHAT, "the node runner makes it on its first start: start it"
                + " (./gantry up) and retry");
    }
}
