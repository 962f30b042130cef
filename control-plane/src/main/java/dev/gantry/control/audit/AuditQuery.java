package dev.gantry.control.audit;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.checks.Durations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which events of the audit log to list, each part optional: of one app, by one user (the event's
 * actor), of one action ({@code config:set}; a trailing {@code *} takes every action that starts so,
 * {@code git push*} or {@code PATCH *}), at or after {@code since} and before {@code until}. SSH,
 * REST and the console read it from the same words, with the same messages.
 */
public record AuditQuery(Optional<String> app, Optional<String> user, Optional<String> action,
        Optional<Instant> since, Optional<Instant> until) {

    public static final AuditQuery ALL = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
    /** How the time range is written, for messages and usage lines. */
    public static final String TIMES = "a time ago (30m, 1d) or a UTC date or time (2026-12-01, 2026-12-01T14:00:00Z)";

    private static final int MAX_WORD = 200;

    public static AuditQuery ofApp(String app) {
        return new AuditQuery(Optional.of(app), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The query from its parts as typed, each null or blank when absent; times read against {@code now}.
     *
     * @throws InvalidInputException naming the part that cannot be read, and how to write it
     */
    public static AuditQuery parse(String app, String user, String action, String since, String until, Instant now) {
        AuditQuery query = new AuditQuery(word(app), word(user), word(action).map(AuditQuery::checkedAction),
                word(since).map(text -> time("since", text, now)), word(until).map(text -> time("until", text, now)));
        if (query.since.isPresent() && query.until.isPresent() && !query.since.get().isBefore(query.until.get())) {
            throw new InvalidInputException("since: must be before until, the range is empty. Give an earlier since"
                    + " or a later until");
        }
        return query;
    }

    /** Whether {@code action} stands for several actions (a trailing {@code *}), and its fixed part. */
    public boolean actionIsPrefix() {
        return action.map(text -> text.endsWith("*")).orElse(false);
    }

    public Optional<String> actionPrefix() {
        return action.map(text -> text.endsWith("*") ? text.substring(0, text.length() - 1) : text);
    }

    private static Optional<String> word(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    private static String checkedAction(String action) {
        int star = action.indexOf('*');
        if (action.length() > MAX_WORD || star >= 0 && star != action.length() - 1) {
            throw new InvalidInputException("action: '" + action + "' is not an action. Give one as the log shows it"
                    + " (config:set, git push main), or its start followed by * (git push*), at most " + MAX_WORD
                    + " characters");
        }
        return action;
    }

    private static Instant time(String field, String text, Instant now) {
        try {
            if (text.matches("\\d{4}-\\d\\d-\\d\\d")) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.contains("T")) {
                return Instant.parse(text);
            }
            return now.minus(Durations.parse(field, text));
        } catch (DateTimeParseException | InvalidInputException e) {
            throw new InvalidInputException(field + ": '" + text + "' is not a time. Give " + TIMES);
        }
    }
}
