package dev.gantry.control.users;

import dev.gantry.common.AppName;
import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.User;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The users: adding, removing, roles, passwords, and the console's sign-in. */
@ApplicationScoped
public class UserDirectory {

    static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 1024;
    // Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
    private static final String DECOY_HASH = Passwords.hash("decoy-password".toCharArray());

    @Transactional
    public List<User> list() {
        return User.listAll(Sort.by("name"));
    }

    @Transactional
    public User get(String name) {
        return User.findByName(name).orElseThrow(() -> new NotFoundException("no user named '" + name
                + "'. Run 'users' to list them, or add one with users:add " + name));
    }

    @Transactional
    public User add(String name, User.Role role) {
        if (!AppName.isValid(name)) {
            throw new InvalidInputException("'" + name + "' is not a valid user name. User names are 1-30 lowercase"
                    + " letters, digits and hyphens, starting and ending with a letter or digit");
        }
        if (User.findByName(name).isPresent()) {
            throw new ConflictException("user '" + name + "' already exists. Run 'users' to list them");
        }
        User user = new User();
        user.name = name;
        user.role = role;
        user.createdAt = Instant.now();
        user.persist();
        return user;
    }

    /** Removes a user with its keys, tokens and shares; someone who still owns apps stays. */
    @Transactional
    public void remove(String name) {
        User user = get(name);
        refuseForFirstAdmin(user, "removed");
        List<String> owned = App.<App>list("owner = ?1 order by name", user).stream().map(app -> app.name).toList();
        if (!owned.isEmpty()) {
            throw new ConflictException(name + " still owns " + String.join(", ", owned)
                    + ". Destroy those apps first (apps:destroy APP --force)");
        }
        // The database removes the user's keys, tokens and shares with it (ON DELETE CASCADE).
        User.delete("id", user.id);
    }

    @Transactional
    public User setRole(String name, User.Role role) {
        User user = get(name);
        if (role != User.Role.ADMIN) {
            refuseForFirstAdmin(user, "made a member");
        }
        user.role = role;
        return user;
    }

    /** Sets the password the web console signs in with; {@code password} is wiped afterwards. */
    @Transactional
    public void setPassword(String name, char[] password) {
        try {
            if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
                throw new InvalidInputException("the password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                        + " characters long. Send a longer one on stdin");
            }
            get(name).passwordHash = Passwords.hash(password);
        } finally {
            Passwords.wipe(password);
        }
    }

    /** The user whose name and password these are; empty when either is wrong or no password is set. */
    @Transactional
    public Optional<User> signIn(String name, char[] password) {
        Optional<User> user = name == null ? Optional.empty() : User.findByName(name);
        String hash = user.map(found -> found.passwordHash).orElse(null);
        boolean verified = Passwords.verify(password, hash == null ? DECOY_HASH : hash);
        return hash != null && verified ? user : Optional.empty();
    }

    public static User.Role parseRole(String text) {
        for (User.Role role : User.Role.values()) {
            if (role.label().equals(text)) {
                return role;
            }
        }
        throw new InvalidInputException("role: '" + text + "' is not a role. Use admin or member");
    }

    private static void refuseForFirstAdmin(User user, String what) {
        if (user.name.equals(User.FIRST_ADMIN)) {
            throw new ConflictException("'" + User.FIRST_ADMIN + "' cannot be " + what
                    + ": the host's ./gantry acts as it. Give other users their own names");
        }
    }
}
