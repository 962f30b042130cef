package dev.gantry.control.console;

import java.util.List;

/** What the app page shows, already in words and formatted times: the templates only lay it out. */
public record AppView(String name, String url, String state, String current, Progress progress,
        List<InstanceLine> instances, List<ProcessCount> formation, List<ReleaseLine> releases, List<String> domains,
        List<ActivityLine> activity) {

    /**
     * The newest release's rollout, step by step, while it runs and after; a failed start with what the
     * instance printed last (empty when nothing).
     */
    public record Progress(String release, String state, List<Step> steps, String failure, List<String> lastOutput,
            boolean running) {
    }

    /** A step of a rollout and when it was reached ("-" while not yet). */
    public record Step(String name, String at) {
    }

    public record InstanceLine(String slot, String release, String state, String uptime, int restarts, String address,
            String health) {
    }

    public record ProcessCount(String type, int quantity) {
    }

    /** One release of the timeline: who made it, what changed, when, and whether one can go back to it. */
    public record ReleaseLine(int version, String label, String status, String when, String who, String summary,
            String commit, String configChange, boolean current) {
    }

    public record ActivityLine(String when, String who, String channel, String action, String result) {
    }

    /** A line of the apps list. */
    public record Summary(String name, String url, String state) {
    }
}
