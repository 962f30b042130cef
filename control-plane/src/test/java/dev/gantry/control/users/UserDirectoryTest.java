package dev.gantry.control.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.ConflictException;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.GantryTestResource;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.User;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Users against the real database: the console's sign-in, and what removing a user may not break. */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class UserDirectoryTest {

    @Inject
    UserDirectory users;

    @Inject
    AppService apps;

    @Inject
    GantryConfig config;

    @Test
    void signInNeedsTheNameAndThePasswordSetWithUsersPasswd() throws Exception {
        users.add("erin", User.Role.MEMBER);
        assertTrue(users.signIn("erin", "anything-at-all".toCharArray()).isEmpty(), "no password set yet");

        given().header("Authorization", "Bearer " + Files.readString(config.home().resolve("cli-token")).trim())
                .contentType("application/octet-stream").queryParam("arg", "users:passwd").queryParam("arg", "erin")
                .body("a long passphrase\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "0").body(containsString("Set the password of erin"));

        assertEquals("erin", users.signIn("erin", "a long passphrase".toCharArray()).orElseThrow().name);
        assertTrue(users.signIn("erin", "a long passphrase\n".toCharArray()).isEmpty());
        assertTrue(users.signIn("erin", "A long passphrase".toCharArray()).isEmpty());
        assertTrue(users.signIn("nobody", "a long passphrase".toCharArray()).isEmpty());
        InvalidInputException tooShort = assertThrows(InvalidInputException.class,
                () -> users.setPassword("erin", "short".toCharArray()));
        assertTrue(tooShort.getMessage().startsWith("the password must be 10 to 1024 characters long"));
    }

    @Test
    void theFirstAdminStaysAndAUserWhoOwnsAppsIsNotRemoved() {
        assertThrows(ConflictException.class, () -> users.remove(User.FIRST_ADMIN));
        assertThrows(ConflictException.class, () -> users.setRole(User.FIRST_ADMIN, User.Role.MEMBER));

        users.add("frank", User.Role.MEMBER);
        apps.create("franks-app", "frank");
        ConflictException owns = assertThrows(ConflictException.class, () -> users.remove("frank"));
        assertEquals("frank still owns franks-app. Destroy those apps first (apps:destroy APP --force)", owns.getMessage());

        apps.delete("franks-app");
        users.remove("frank");
        assertTrue(users.list().stream().noneMatch(user -> user.name.equals("frank")));
    }

    @Test
    void namesAndRolesAreCheckedNotRewritten() {
        assertThrows(InvalidInputException.class, () -> users.add("Grace", User.Role.MEMBER));
        assertThrows(InvalidInputException.class, () -> UserDirectory.parseRole("Admin"));
        assertEquals(User.Role.ADMIN, UserDirectory.parseRole("admin"));
        users.add("grace", User.Role.MEMBER);
        assertThrows(ConflictException.class, () -> users.add("grace", User.Role.ADMIN));
    }
}
