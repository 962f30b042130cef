package dev.gantry.control.console;

import java.util.List;

/**
 * The audit page in words: the filters as they were typed (the form shows them again), what is wrong
 * with them if anything, one page of events, and the links to the pages around it and to the export.
 */
public record AuditView(Filters filters, String problem, List<Line> events, String shown, String newer, String older,
        String export) {

    /** The filter form's fields, each as typed, empty when left out. */
    public record Filters(String app, String user, String action, String since, String until) {
    }

    public record Line(String when, String who, String channel, String address, String app, String action,
            String result) {
    }
}
