package dev.orderflow.api.refusal;

/**
 * A request refused by the domain: a broken business rule, a conflict with existing state, or something that does
 * not exist. Its message is written for the client that sent the request.
 */
public class DomainException extends RuntimeException {

    private final RefusalKind kind;

    public DomainException(RefusalKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static DomainException ruleViolated(String message) {
        return new DomainException(RefusalKind.RULE_VIOLATED, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(RefusalKind.CONFLICT, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(RefusalKind.NOT_FOUND, message);
    }

    public RefusalKind kind() {
        return kind;
    }
}
