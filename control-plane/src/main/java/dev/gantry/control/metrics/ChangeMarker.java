package dev.gantry.control.metrics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/** A release made at {@code at}, drawn as a line across the charts: a deploy, a rollback or a config change. */
public record ChangeMarker(Instant at, Kind kind, String release, String summary) {

    public enum Kind {
        DEPLOY, ROLLBACK, CONFIG;

        /** How JSON, the terminal and the console name it: {@code deploy}, {@code rollback}, {@code config}. */
        @JsonValue
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The kind from the summary the release ledger writes for each: "Deploy abc1234" for a push,
     * "Set KEY"/"Unset KEY" for a config change, "Rollback to v3" or "Automatic rollback from v4: ..."
     * for a rollback.
     */
    static Kind kindOf(String summary) {
        if (summary.startsWith("Deploy ")) {
            return Kind.DEPLOY;
        }
        return summary.startsWith("Set ") || summary.startsWith("Unset ") ? Kind.CONFIG : Kind.ROLLBACK;
    }
}
