package dev.orderflow.api.refusal;

/** The ways the domain refuses a request; each is final, a retry of the same request is refused again. */
public enum RefusalKind {
    /** What the request names does not exist (or is something of another kind). */
    NOT_FOUND("Not found"),
    /** The request clashes with what exists: an id or an email taken, a change racing another. */
    CONFLICT("Conflict"),
    /** A business rule forbids it in the current state (stock cannot go negative, a shipped order stays). */
    RULE_VIOLATED("Business rule violated");

    private final String title;

    RefusalKind(String title) {
        this.title = title;
    }

    /** The kind's name for people, where a refusal comes without a message of its own. */
    public String title() {
        return title;
    }
}
