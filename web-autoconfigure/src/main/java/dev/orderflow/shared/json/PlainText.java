package dev.orderflow.shared.json;

import java.util.Optional;

/**
 * What text Orderflow accepts and stores: no control characters (NUL, line breaks, escape, ...) and no
 * unpaired surrogates. Postgres cannot store a NUL in text at all, and a read model that cannot store an
 * event's text cannot move past that event; the others have no place in a name or an email.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why this text is refused, or empty when it is plain text. */
    public static Optional<String> refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("must not contain control characters (U+%04X at position %d)", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("must not contain an unpaired surrogate (U+%04X at position %d)", (int) c, i));
            }
        }
        return Optional.empty();
    }
}
