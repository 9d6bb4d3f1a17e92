package dev.orderflow.command.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The set of registered email addresses: the set-based check that makes an email unique across all
 * customers, which no single customer aggregate can decide on its own.
 */
public interface EmailRegistry {

    /** The customer this email is registered to, if any. */
    Optional<UUID> ownerOf(String email);

    /** Emails compare without case and surrounding blanks: {@code Ann@Example.com} is {@code ann@example.com}. */
    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
