package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppNetworksTest {

    @Test
    void everyBridgeInterfaceFitsLinuxsLimitAndTheFirewallsPattern() {
        String longest = AppNetworks.interfaceName("gantry-app-" + "a".repeat(30));

        assertTrue(longest.length() <= 15, longest);
        assertTrue(longest.matches("gantry-[0-9a-f]{8}"), longest);
        assertEquals(longest, AppNetworks.interfaceName("gantry-app-" + "a".repeat(30)), "the same app, the same name");
        assertNotEquals(AppNetworks.interfaceName("gantry-app-shop"), AppNetworks.interfaceName("gantry-app-blog"));
    }
}
