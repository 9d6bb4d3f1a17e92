package dev.orderflow.command;

import dev.orderflow.shared.error.InvalidRequestException;
import org.springframework.http.ETag;

/**
 * Aggregate versions over HTTP: sent to clients as a strong ETag ({@code "3"}), taken back from
 * {@code If-Match} for optimistic concurrency (command endpoints take it as an {@link IfMatchVersion} parameter).
 * A stale version makes Axon refuse the command with a conflict, answered 409.
 */
public final class AggregateVersions {

    private AggregateVersions() {
    }

    public static String etag(long version) {
        return new ETag(Long.toString(version), false).formattedTag();
    }

    /**
     * The version in an {@code If-Match} header, or null when there is none (or {@code *}): no check then.
     * A header that is there but empty, or a weak tag ({@code W/"3"}, which RFC 9110 never lets
     * {@code If-Match} match), is refused rather than read as "no check"; so is a list of several tags.
     */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        ETag tag = ETag.create(ifMatch.trim());
        // ETag.create reads "*" as a tag named *, not as ETag.WILDCARD.
        if (tag.isWildcard() || tag.tag().equals("*")) {
            return null;
        }
        if (tag.weak()) {
            throw new InvalidRequestException("If-Match", "must be a strong ETag, like \"3\": a weak one (W/) never matches");
        }
        try {
            long version = Long.parseLong(tag.tag());
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be an aggregate version as sent in the ETag, like \"3\"");
        }
    }
}
