package dev.orderflow.shared.error;

/**
 * A command refused by the domain: a broken business rule, a conflict with existing state, or
 * something that does not exist. Thrown by aggregates, mapped to problem+json by {@link ProblemDetailsAdvice}.
 */
public class DomainException extends RuntimeException {

    private final ErrorKind kind;

    public DomainException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static DomainException ruleViolated(String message) {
        return new DomainException(ErrorKind.RULE_VIOLATED, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(ErrorKind.CONFLICT, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(ErrorKind.NOT_FOUND, message);
    }

    public ErrorKind kind() {
        return kind;
    }
}
