package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.Backend;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Backend ONE = new Backend("127.0.0.1", 10001);
    private static final Backend TWO = new Backend("127.0.0.1", 10002);

    @Test
    void findsAppByHostIgnoringCase() {
        RouteTable table = RouteTable.EMPTY.with("shop", Set.of("Shop.Example.com"), List.of(ONE));

        assertEquals("shop", table.forHost("shop.example.com").app());
        assertEquals("shop", table.forHost("SHOP.EXAMPLE.COM").app());
        assertEquals(Set.of("shop.example.com"), table.forApp("shop").hostnames());
        assertNull(table.forHost("example.com"));
    }

    @Test
    void anExactHostnameWinsOverAWildcardThatCoversOneLabel() {
        RouteTable table = RouteTable.EMPTY.with("shop", Set.of("shop.example.com"), List.of(ONE))
                .with("sites", Set.of("*.Example.com"), List.of(TWO));

        assertEquals("shop", table.forHost("shop.example.com").app());
        assertEquals("sites", table.forHost("blog.example.com").app());
        assertNull(table.forHost("example.com"));
        assertNull(table.forHost("a.b.example.com"));
    }

    @Test
    void refusesAWildcardAnywhereButAsTheWholeFirstLabel() {
        for (String hostname : List.of("www.*.example.com", "*example.com", "w*.example.com")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> RouteTable.EMPTY.with("shop", Set.of(hostname), List.of(ONE)));
            assertTrue(refused.getMessage().contains("*.example.com"), refused.getMessage());
        }
    }

    @Test
    void replacingAnAppsRouteLeavesTheOldTableUntouched() {
        RouteTable before = RouteTable.EMPTY.with("shop", Set.of("old.example.com"), List.of(ONE));

        RouteTable after = before.with("shop", Set.of("new.example.com"), List.of(TWO));

        assertEquals(List.of(ONE), before.forHost("old.example.com").backends());
        assertNull(after.forHost("old.example.com"));
        assertEquals(List.of(TWO), after.forHost("new.example.com").backends());
    }

    @Test
    void refusesAHostnameOwnedByAnotherApp() {
        RouteTable table = RouteTable.EMPTY.with("one", Set.of("taken.example.com"), List.of(ONE));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> table.with("two", Set.of("Taken.Example.com"), List.of(TWO)));

        assertEquals("route two: hostname taken.example.com is already routed to app one; remove it from one first",
                refused.getMessage());
    }

    @Test
    void aHostnameFreedByOneAppCanGoToAnother() {
        RouteTable table = RouteTable.EMPTY
                .with("one", Set.of("moving.example.com"), List.of(ONE))
                .with("one", Set.of("one.example.com"), List.of(ONE))
                .with("two", Set.of("moving.example.com"), List.of(TWO));

        assertEquals("two", table.forHost("moving.example.com").app());
    }

    @Test
    void refusesHostnamesThatCouldNeverMatch() {
        for (String bad : new String[] {"", " ", "shop.example.com:8080", "shop.example.com/path", "shop example.com"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> RouteTable.EMPTY.with("shop", Set.of(bad), List.of(ONE)), bad);
            assertTrue(refused.getMessage().startsWith("route shop: hostname"), refused.getMessage());
        }
    }

    @Test
    void refusesABlankAppNameAndADuplicateBackend() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.EMPTY.with(" ", Set.of("a.example.com"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> RouteTable.EMPTY.with("shop", Set.of("a.example.com"), List.of(ONE, ONE)));
    }

    @Test
    void withoutRemovesTheAppAndItsHostnames() {
        RouteTable table = RouteTable.EMPTY.with("shop", Set.of("shop.example.com"), List.of(ONE));

        RouteTable after = table.without("shop");

        assertNull(after.forHost("shop.example.com"));
        assertTrue(after.apps().isEmpty());
        assertSame(after, after.without("shop"));
    }
}
