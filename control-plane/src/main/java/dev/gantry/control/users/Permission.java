package dev.gantry.control.users;

import dev.gantry.control.domain.User;

/**
 * What an action needs, checked once per channel (the command dispatcher, the REST filter, the
 * git access hook) by {@link Authorization}. The rules are this one pure function.
 */
public enum Permission {
    /** Any signed-in user: the action itself decides what that user sees (apps:list, keys:list, tokens). */
    ANYONE,
    /** The app's owner, a user it was shared with, or an admin. */
    APP_MEMBER,
    /** The app's owner or an admin: sharing and destroying. */
    APP_OWNER,
    /** Admins only: users, other people's keys, stacks, the config key. */
    ADMIN;

    /** How a user stands to one app. */
    public enum Relation { NONE, MEMBER, OWNER }

    public boolean needsApp() {
        return this == APP_MEMBER || this == APP_OWNER;
    }

    public boolean grantedTo(User.Role role, Relation relation) {
        if (role == User.Role.ADMIN) {
            return true;
        }
        return switch (this) {
            case ANYONE -> true;
            case APP_MEMBER -> relation != Relation.NONE;
            case APP_OWNER -> relation == Relation.OWNER;
            case ADMIN -> false;
        };
    }
}
