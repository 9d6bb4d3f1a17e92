package dev.orderflow.console.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.admin.AggregateEvents.StoredEvent;
import dev.orderflow.shared.admin.EventBrowser;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.OptionalLong;

/**
 * The event store, three ways: an aggregate's stream by its id, the newest events (by type), and the events of one
 * business transaction (by the trace id every event's metadata carries). Each event with its payload as formatted
 * JSON; its trace id links to the rest of its transaction, its aggregate to its stream.
 */
@Controller
public class EventPages {

    /** How far back from the head the newest events and a transaction's events are looked for. */
    static final int SEARCH_WINDOW = 10_000;
    private static final int NEWEST = 50;

    private final EventBrowser events;
    private final EventTail tail;
    private final ObjectMapper json;

    EventPages(EventBrowser events, EventTail tail, ObjectMapper json) {
        this.events = events;
        this.tail = tail;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Tells an open page when the store's head moves (see {@link EventTail}). */
    @GetMapping(path = "/console/events/tail", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter tail() {
        return tail.listen();
    }

    /** The newest events (of a type), what the live tail fetches when told that events were appended. */
    @GetMapping("/console/events/newest")
    String newest(@RequestParam(required = false) String type, Model model) {
        model.addAttribute("type", type);
        showNewest(type, OptionalLong.empty(), model);
        return "console/events :: list";
    }

    @GetMapping("/console/events")
    String events(@RequestParam(required = false) String aggregateId, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String traceId, @RequestParam(required = false) Long before,
                  Model model) {
        model.addAttribute("aggregateId", aggregateId);
        model.addAttribute("type", type);
        model.addAttribute("traceId", traceId);
        model.addAttribute("window", SEARCH_WINDOW);
        try {
            if (present(aggregateId)) {
                var stream = events.aggregate(aggregateId.trim(), 0);
                model.addAttribute("heading", stream.aggregateType() + " " + stream.aggregateId());
                model.addAttribute("truncated", stream.truncated());
                model.addAttribute("events", shown(stream.events()));
            } else if (present(traceId)) {
                model.addAttribute("heading", "Business transaction " + traceId.trim());
                model.addAttribute("events", shown(events.transaction(traceId.trim(), SEARCH_WINDOW)));
            } else if (before != null) {
                // Back in time: no live tail, which would put the newest events on top of older ones.
                model.addAttribute("heading", (present(type) ? "Events of type *" + type.trim() + "*" : "Events")
                                              + " stored before position " + before);
                showNewest(type, OptionalLong.of(before), model);
            } else {
                model.addAttribute("live", true);
                model.addAttribute("heading", present(type) ? "Newest events of type *" + type.trim() + "*" : "Newest events");
                showNewest(type, OptionalLong.empty(), model);
            }
        } catch (DomainException notFound) {
            model.addAttribute("refusal", notFound.getMessage());
            model.addAttribute("events", List.of());
        }
        return "console/events";
    }

    /** Newest first, with the position to page back from. */
    private void showNewest(String type, OptionalLong before, Model model) {
        EventBrowser.EventPage page = events.page(type, NEWEST, SEARCH_WINDOW, before);
        model.addAttribute("events", shown(page.events()));
        model.addAttribute("olderThan", page.olderThan());
    }

    private List<ShownEvent> shown(List<StoredEvent> stored) {
        return stored.stream().map(event -> new ShownEvent(event, pretty(event.payload()), pretty(event.metaData()))).toList();
    }

    private String pretty(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** An event with its payload and metadata as indented JSON. */
    public record ShownEvent(StoredEvent event, String payloadJson, String metaDataJson) {
    }
}
