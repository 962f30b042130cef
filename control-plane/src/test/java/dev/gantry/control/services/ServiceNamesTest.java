package dev.gantry.control.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.common.AppName;
import dev.gantry.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class ServiceNamesTest {

    @Test
    void namesAreDnsLabelsSinceAppsReachTheServiceByIt() {
        assertEquals("shop-db", ServiceNames.checkName("shop-db"));
        for (String bad : new String[] {"Shop", "shop_db", "-shop", "a;b", "localhost", "a".repeat(31)}) {
            assertThrows(InvalidInputException.class, () -> ServiceNames.checkName(bad), bad);
        }
    }

    @Test
    void aliasesMakeConfigKeysAndKeepOffGantrysOwn() {
        assertEquals("ANALYTICS", ServiceNames.checkAlias("ANALYTICS"));
        for (String bad : new String[] {"analytics", "1DB", "GANTRY_DB", "DB-2", "A".repeat(31)}) {
            assertThrows(InvalidInputException.class, () -> ServiceNames.checkAlias(bad), bad);
        }
    }

    @Test
    void theEngineNamesOfAServiceNeverMeetAnAppsSinceNoAppNameHasADot() {
        assertEquals("gantry.service.shopdb", ServiceNames.volume("shopdb"));
        assertEquals("service.shopdb", ServiceNames.owner("shopdb"));
        assertEquals(false, AppName.isValid(ServiceNames.owner("shopdb")));
    }
}
