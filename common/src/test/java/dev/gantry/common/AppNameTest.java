package dev.gantry.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "myapp", "my-app", "app2", "a-b-c", "abcdefghijklmnopqrstuvwxyz0123"})
    void validNames(String name) {
        assertTrue(AppName.isValid(name));
        assertEquals(name, AppName.requireValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "MyApp", "my_app", "-app", "app-", "a..b", "a.b", "a b", "app;id", "$(id)",
        "`id`", "../x", "/etc/passwd", "\u0430pp", "abcdefghijklmnopqrstuvwxyz01234", "app\n", "--upload-pack=x"})
    void invalidNames(String name) {
        assertFalse(AppName.isValid(name));
        InvalidAppNameException e = assertThrows(InvalidAppNameException.class, () -> AppName.requireValid(name));
        assertEquals(name, e.input());
    }

    @Test
    void theMessageNamesTheInputAndTheRuleOnOneLine() {
        assertEquals("'my_app' is not a valid app name. App names are 1-30 lowercase letters, digits and hyphens,"
                + " starting and ending with a letter or digit.", new InvalidAppNameException("my_app").getMessage());
        assertEquals("'a\\u000ab' is not a valid app name. " + AppName.RULE,
                new InvalidAppNameException("a\nb").getMessage());
        assertTrue(new InvalidAppNameException("x".repeat(9000)).getMessage().length() < 250);
        assertFalse(AppName.isValid(null));
    }
}
