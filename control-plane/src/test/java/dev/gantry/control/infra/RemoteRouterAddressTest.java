package dev.gantry.control.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RemoteRouterAddressTest {

    @Test
    void takesHttpsToAnyHostAndHttpToLoopback() {
        assertEquals(URI.create("https://10.0.0.12:8081"), RemoteRouterAddress.parse(" https://10.0.0.12:8081/ "));
        assertEquals(URI.create("http://127.0.0.1:9081"), RemoteRouterAddress.parse("http://127.0.0.1:9081"));
    }

    @Test
    void refusesPlainHttpOverTheNetworkWithTheFix() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RemoteRouterAddress.parse("http://10.0.0.12:8081"));

        assertTrue(refused.getMessage().contains("plain HTTP would send the admin token over the network"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Write https://HOST:PORT"), refused.getMessage());
    }

    @Test
    void refusesAnAddressWithoutPort() {
        assertThrows(IllegalArgumentException.class, () -> RemoteRouterAddress.parse("https://router-2"));
        assertThrows(IllegalArgumentException.class, () -> RemoteRouterAddress.parse("router-2:8081"));
    }
}
