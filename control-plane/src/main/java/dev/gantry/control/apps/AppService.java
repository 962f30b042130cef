package dev.gantry.control.apps;

import dev.gantry.common.AppName;
import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.App;
import dev.gantry.control.users.UserDirectory;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/** Creates, finds and deletes apps; the rules for app names live here and in {@link AppName}. */
@ApplicationScoped
public class AppService {

    /** Names that would clash with Gantry's own hostnames or confuse people; see docs/user-guide.md. */
    public static final Set<String> RESERVED_NAMES = Set.of("gantry", "api", "console", "admin", "www", "git", "ssh");
    private static final String BASE_IMAGE_NAME = "base";
    private static final String STACK_IMAGE_PREFIX = "stack-";

    private final UserDirectory users;

    AppService(UserDirectory users) {
        this.users = users;
    }

    /**
     * Creates an app owned by {@code user}. App names are shared by everyone, so a name in use is
     * refused with the same words whoever's app it is.
     */
    @Transactional
    public App create(String name, String user) {
        checkName(name);
        if (App.findByName(name).isPresent()) {
            throw nameTaken(name);
        }
        return App.create(name, users.get(user));
    }

    /** The app a push goes to; a push to an unknown app creates it. Returns whether it was created. */
    @Transactional
    public boolean ensureExistsForPush(String name, String user) {
        if (App.findByName(name).isPresent()) {
            return false;
        }
        checkName(name);
        App.create(name, users.get(user));
        return true;
    }

    @Transactional
    public App get(String name) {
        return App.findByName(name).orElseThrow(() -> NotFoundException.app(name));
    }

    public static ConflictException nameTaken(String name) {
        return new ConflictException("the app name '" + name + "' is taken. Pick another name");
    }

    @Transactional
    public List<App> list() {
        return App.listAll(Sort.by("name"));
    }

    @Transactional
    public void delete(String name) {
        get(name).delete();
    }

    private static void checkName(String name) {
        if (!AppName.isValid(name)) {
            throw new InvalidInputException("'" + name + "' is not a valid app name. " + AppName.RULE);
        }
        if (RESERVED_NAMES.contains(name)) {
            throw new InvalidInputException("'" + name + "' is reserved for Gantry itself. Pick another app name");
        }
        // An app's images are gantry/APP, next to Gantry's own base and stack images.
        if (name.equals(BASE_IMAGE_NAME) || name.startsWith(STACK_IMAGE_PREFIX)) {
            throw new InvalidInputException("'" + name + "' is reserved for Gantry's own images (gantry/base and"
                    + " gantry/stack-*). Pick another app name");
        }
    }
}
