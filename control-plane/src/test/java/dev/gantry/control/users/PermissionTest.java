package dev.gantry.control.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.control.domain.User.Role;
import dev.gantry.control.users.Permission.Relation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermissionTest {

    @ParameterizedTest(name = "{0} as {1} {2} of the app: {3}")
    @CsvSource({
            // Admins may do everything, whether or not they have a part in the app.
            "ADMIN,  ADMIN,  NONE,   true",
            "ADMIN,  ADMIN,  OWNER,  true",
            "ADMIN,  APP_OWNER, NONE, true",
            "ADMIN,  APP_MEMBER, NONE, true",
            "ADMIN,  ANYONE, NONE,   true",
            // Members: only apps they own or were added to, and never admin work.
            "MEMBER, ADMIN,  NONE,   false",
            "MEMBER, ADMIN,  OWNER,  false",
            "MEMBER, ANYONE, NONE,   true",
            "MEMBER, APP_MEMBER, NONE,   false",
            "MEMBER, APP_MEMBER, MEMBER, true",
            "MEMBER, APP_MEMBER, OWNER,  true",
            "MEMBER, APP_OWNER,  NONE,   false",
            "MEMBER, APP_OWNER,  MEMBER, false",
            "MEMBER, APP_OWNER,  OWNER,  true",
    })
    void grants(Role role, Permission permission, Relation relation, boolean granted) {
        assertEquals(granted, permission.grantedTo(role, relation));
    }

    @ParameterizedTest
    @CsvSource({"ANYONE, false", "APP_MEMBER, true", "APP_OWNER, true", "ADMIN, false"})
    void onlyAppPermissionsNeedAnApp(Permission permission, boolean needsApp) {
        assertEquals(needsApp, permission.needsApp());
    }
}
