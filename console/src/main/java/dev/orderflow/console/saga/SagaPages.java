package dev.orderflow.console.saga;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.shared.saga.SagaBrowser;
import dev.orderflow.shared.saga.SagaBrowser.SagaInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The running sagas with their state, association values and pending deadlines, and those that finished within
 * {@code orderflow.sagas.finished-retention}; an association value (an order's id) leads to that aggregate's events,
 * and the events page of an aggregate leads back to its sagas.
 */
@Controller
public class SagaPages {

    private static final int LIMIT = 200;

    private final ObjectProvider<SagaBrowser> sagas;
    private final ObjectMapper json;

    SagaPages(ObjectProvider<SagaBrowser> sagas, ObjectMapper json) {
        this.sagas = sagas;
        this.json = json;
    }

    @GetMapping("/console/sagas")
    String sagas(@RequestParam(required = false) String associatedWith, Model model) {
        SagaBrowser browser = sagas.getIfAvailable();
        Optional<String> filter = Optional.ofNullable(associatedWith).map(String::trim).filter(value -> !value.isEmpty());
        SagaBrowser.Sagas found = browser == null ? new SagaBrowser.Sagas(List.of(), List.of()) : browser.sagas(filter, LIMIT);
        model.addAttribute("associatedWith", filter.orElse(null));
        model.addAttribute("sagas", found.running());
        model.addAttribute("finishedSagas", found.finished());
        // PT24H reads as 24h.
        model.addAttribute("finishedRetention", browser == null || browser.finishedRetention().isZero() ? null
                : browser.finishedRetention().toString().substring(2).toLowerCase(Locale.ROOT));
        model.addAttribute("limit", LIMIT);
        return "console/sagas";
    }

    /** The saga store's JSON, indented; as it is when it is not JSON (another serializer). */
    private String indented(String state) {
        if (state.isBlank()) {
            return "";
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(state));
        } catch (JsonProcessingException notJson) {
            return state;
        }
    }

    @GetMapping("/console/sagas/{sagaId}")
    String saga(@PathVariable String sagaId, Model model) {
        SagaBrowser browser = sagas.getIfAvailable();
        SagaInstance saga = browser == null ? null : browser.saga(sagaId).orElse(null);
        model.addAttribute("saga", saga);
        model.addAttribute("state", saga == null ? null : indented(saga.state()));
        model.addAttribute("sagaId", sagaId);
        return "console/saga";
    }
}
