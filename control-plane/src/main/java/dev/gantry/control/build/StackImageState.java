package dev.gantry.control.build;

/** Whether a stack image can be built upon as it is, as stacks:list shows it. */
public enum StackImageState {
    READY("ready", "ready"),
    MISSING("missing", "missing: built by the first push that needs it"),
    OUTDATED("built from an older definition", "out of date: rebuilt by the next push that needs it"),
    OPERATORS("the operator's image", "the operator's image (gantry.stacks.images), used as it is");

    private final String reason;
    private final String description;

    StackImageState(String reason, String description) {
        this.reason = reason;
        this.description = description;
    }

    /** Why a push builds it, e.g. "missing". */
    public String reason() {
        return reason;
    }

    public String description() {
        return description;
    }
}
