package dev.gantry.control.console;

import java.util.List;

/** What the service pages show, already in words and formatted times: the templates only lay it out. */
public record ServiceView(String name, String type, String version, String state, String since, String data,
        String url, List<Link> links, List<BackupLine> backups, String schedule, int kept, String createdBy) {

    public record Link(String app, String alias) {
    }

    public record BackupLine(String id, String size, String when) {
    }

    /** A line of a services list, and of an app's services: {@code links} in words. */
    public record Summary(String name, String type, String version, String state, String links) {
    }
}
