package dev.orderflow.command;

import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.UUID;

/** The two answers a command gets over REST: 201 with Location for a create, 204 for a change; both carry the new version as ETag. */
public final class CommandResponses {

    private static final long FIRST_VERSION = 0;

    private CommandResponses() {
    }

    public static <T> ResponseEntity<T> created(String pathTemplate, UUID id, T body) {
        URI location = UriComponentsBuilder.fromPath(pathTemplate).buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(AggregateVersions.etag(FIRST_VERSION)).body(body);
    }

    public static ResponseEntity<Void> changed(Long version) {
        return ResponseEntity.noContent().eTag(AggregateVersions.etag(version)).build();
    }
}
