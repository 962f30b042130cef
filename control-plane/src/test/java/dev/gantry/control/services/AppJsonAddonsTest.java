package dev.gantry.control.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.control.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppJsonAddonsTest {

    private static List<AppJsonAddons.Addon> parse(String json) {
        return AppJsonAddons.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesAndObjectsWithAPlanAndAnAliasAreRead() {
        assertEquals(List.of(new AppJsonAddons.Addon(ServiceKind.POSTGRES, "DATABASE"),
                        new AppJsonAddons.Addon(ServiceKind.REDIS, "CACHE"),
                        new AppJsonAddons.Addon(ServiceKind.POSTGRES, "REDIS_TWIN")),
                parse("""
                        {"addons": ["heroku-postgresql",
                                    {"plan": "heroku-redis:mini", "as": "CACHE"},
                                    {"plan": "heroku-postgresql:essential-0", "as": "REDIS_TWIN"}]}"""));
        assertEquals(List.of(), parse("{\"name\": \"no addons\"}"));
    }

    @Test
    void aBadAddonIsRefusedNamingWhereItStands() {
        assertEquals("app.json: addons[1]: addon 'papertrail' is not one Gantry provides: use heroku-postgresql or"
                        + " heroku-redis, or remove it",
                assertThrows(InvalidInputException.class,
                        () -> parse("{\"addons\": [\"heroku-redis\", \"papertrail\"]}")).getMessage());
        assertThrows(InvalidInputException.class, () -> parse("{\"addons\": \"heroku-redis\"}"));
        assertThrows(InvalidInputException.class, () -> parse("{\"addons\": [{\"as\": \"DB\"}]}"));
        assertThrows(InvalidInputException.class,
                () -> parse("{\"addons\": [{\"plan\": \"heroku-redis\", \"as\": \"cache\"}]}"));
    }
}
