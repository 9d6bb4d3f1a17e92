package dev.orderflow.shared.adminapi;

import dev.orderflow.shared.admin.AggregateEvents;
import dev.orderflow.shared.admin.AggregateEvents.StoredEvent;
import dev.orderflow.shared.admin.EventBrowser;
import dev.orderflow.shared.error.InvalidRequestException;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.OptionalLong;

/**
 * The event store as an operator reads it: an aggregate's stream, the newest events, the events of one business
 * transaction. What the Axon Server dashboard would show, for the embedded mode that has none.
 */
@RestController
@Tag(name = ApiTags.ADMIN_EVENTS)
class EventInspectionController {

    /** How far back from the head {@code GET /admin/events} looks. */
    static final int SEARCH_WINDOW = 10_000;

    private final EventBrowser events;

    EventInspectionController(EventBrowser events) {
        this.events = events;
    }

    @GetMapping("/admin/events/{aggregateId}")
    @Operation(summary = "An aggregate's events", description = "Every stored event of the aggregate from fromSequence "
            + "on (snapshots are skipped: this is the full history), with type, sequence, timestamp and payload as "
            + "JSON; at most orderflow.admin.max-events per answer. 404 when the aggregate has no events.")
    AggregateEvents events(@PathVariable String aggregateId, @RequestParam(defaultValue = "0") long fromSequence) {
        if (fromSequence < 0) {
            throw new InvalidRequestException("fromSequence", "must not be negative");
        }
        return events.aggregate(aggregateId, fromSequence);
    }

    @GetMapping("/admin/events")
    @Operation(summary = "The newest events, or those of one business transaction", description = "Among the last "
            + SEARCH_WINDOW + " events of the store: with traceId, the events of one business transaction, oldest "
            + "first: what the command with that id caused, across aggregates, and what that caused in turn (Axon's "
            + "metadata: traceId is the chain's first message, correlationId the message that caused this one); "
            + "otherwise the newest first, those whose type contains type (ignoring case) when it is given, at most "
            + "limit (1 to 500); with before, among the " + SEARCH_WINDOW + " events stored before that global "
            + "position (the position of the oldest event of the previous answer pages back in time).")
    List<StoredEvent> latest(@RequestParam(required = false) String type,
                             @RequestParam(required = false) String traceId,
                             @RequestParam(defaultValue = "50") int limit,
                             @RequestParam(required = false) Long before) {
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "must be between 1 and 500");
        }
        if (before != null && before < 1) {
            throw new InvalidRequestException("before", "must be a global position of at least 1");
        }
        if (traceId != null && !traceId.isBlank()) {
            return events.transaction(traceId.trim(), SEARCH_WINDOW);
        }
        return events.latest(type, limit, SEARCH_WINDOW, before == null ? OptionalLong.empty() : OptionalLong.of(before));
    }
}
