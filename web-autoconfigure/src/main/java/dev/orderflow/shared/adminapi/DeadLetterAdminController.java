package dev.orderflow.shared.adminapi;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.adminapi.OperatorActions.Channel;
import dev.orderflow.shared.deadletter.DeadLetterAdmin;
import dev.orderflow.shared.deadletter.DeadLetterSequence;
import dev.orderflow.shared.deadletter.RetryOutcome;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

@RestController
@RequestMapping("/admin/dead-letters")
@Tag(name = ApiTags.ADMIN_DEAD_LETTERS)
class DeadLetterAdminController {

    private final DeadLetterAdmin admin;
    private final OperatorActions actions;

    DeadLetterAdminController(DeadLetterAdmin admin, OperatorActions actions) {
        this.admin = admin;
        this.actions = actions;
    }

    @GetMapping
    @Operation(summary = "Parked sequences", description = "Every parked sequence of this service's dead-lettering "
            + "processing groups (or of one, with processingGroup), each with its events oldest first: type, id, "
            + "aggregate, the cause of the failure, when it was parked and how often a retry failed. 404 for a "
            + "processing group that keeps no dead letters.")
    List<DeadLetterSequence> sequences(@RequestParam Optional<String> processingGroup) {
        return admin.sequences(processingGroup);
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(summary = "Retry every parked sequence of a processing group", description = "Each sequence is "
            + "handled again from its first event; the answer says, per sequence, whether it was handled or why it "
            + "failed again (it then stays parked). Sequences shown busy are left out: retry them a few seconds later.")
    List<RetryOutcome> retryAll(@PathVariable String processingGroup) {
        return actions.retryAll(Channel.API, processingGroup);
    }

    @PostMapping("/{processingGroup}/{sequenceIdentifier}/retry")
    @Operation(summary = "Retry one parked sequence", description = "Handles its events again, in order, in one "
            + "transaction. 200 when all were handled and the sequence left the queue; 409 with the cause when it "
            + "failed again and stays parked; 404 for an unknown group or sequence.")
    RetryOutcome retry(@PathVariable String processingGroup, @PathVariable String sequenceIdentifier) {
        RetryOutcome outcome = actions.retry(Channel.API, processingGroup, sequenceIdentifier);
        if (!outcome.handled()) {
            throw DomainException.conflict("Sequence " + sequenceIdentifier + " of processing group " + processingGroup
                    + " failed again and stays parked: " + (outcome.cause() == null ? "unknown cause"
                    : outcome.cause().type() + ": " + outcome.cause().message()));
        }
        return outcome;
    }

    @DeleteMapping("/{processingGroup}/{sequenceIdentifier}")
    @Operation(summary = "Evict a parked sequence", description = "Its events are dropped and never handled: the read "
            + "model goes without them until it is replayed. 204; 404 for an unknown group or sequence.")
    ResponseEntity<Void> evictSequence(@PathVariable String processingGroup, @PathVariable String sequenceIdentifier) {
        actions.evict(Channel.API, processingGroup, sequenceIdentifier);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{processingGroup}/{sequenceIdentifier}/{letterId}")
    @Operation(summary = "Evict one parked event", description = "That event is dropped and never handled; the rest "
            + "of its sequence stays parked. 204; 404 for an unknown group, sequence or letter.")
    ResponseEntity<Void> evictLetter(@PathVariable String processingGroup, @PathVariable String sequenceIdentifier,
                                     @PathVariable String letterId) {
        actions.evictLetter(Channel.API, processingGroup, sequenceIdentifier, letterId);
        return ResponseEntity.noContent().build();
    }
}
