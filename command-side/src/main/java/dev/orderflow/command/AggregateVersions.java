package dev.orderflow.command;

import dev.orderflow.shared.error.InvalidRequestException;

/**
 * Aggregate versions over HTTP: sent to clients as a strong ETag ({@code "3"}), taken back from
 * {@code If-Match} for optimistic concurrency. A stale version makes Axon refuse the command with a
 * conflict, answered 409.
 */
public final class AggregateVersions {

    private AggregateVersions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version in an {@code If-Match} header, or null when there is none (or {@code *}): no check then.
     * A header that is there but empty, or a weak tag ({@code W/"3"}, which RFC 9110 never lets
     * {@code If-Match} match), is refused rather than read as "no check".
     */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            throw new InvalidRequestException("If-Match", "must be a strong ETag, like \"3\": a weak one (W/) never matches");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be an aggregate version as sent in the ETag, like \"3\"");
        }
    }
}
