package dev.orderflow.shared.adminapi;

import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.admin.ProcessorStatus;
import dev.orderflow.shared.adminapi.OperatorActions.Channel;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/admin/processors")
@Tag(name = ApiTags.ADMIN_PROCESSORS)
class ProcessorAdminController {

    private final ProcessorAdmin admin;
    private final OperatorActions actions;

    ProcessorAdminController(ProcessorAdmin admin, OperatorActions actions) {
        this.admin = admin;
        this.actions = actions;
    }

    @GetMapping
    @Operation(summary = "Every event processor of this service", description = "Mode, segments, position, whether "
            + "it is replaying, and how far behind the head of the event store it is.")
    List<ProcessorStatus> processors() {
        return admin.processors();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One event processor", description = "While a replay runs, its progress as a percentage of "
            + "the events up to the head captured at its start, and events per second; done once every segment "
            + "reached that head.")
    ProcessorStatus processor(@PathVariable String name) {
        return admin.processor(name);
    }

    @PostMapping("/{name}/stop")
    @Operation(summary = "Stop a processor on this instance", description = "Its events wait in the event store "
            + "until it is started again; it carries on from where it stopped. Useful to take a failing dependency "
            + "out of the way, or to see what its consumers do without it.")
    ProcessorStatus stop(@PathVariable String name) {
        return actions.stop(Channel.API, name);
    }

    @PostMapping("/{name}/start")
    @Operation(summary = "Start a stopped processor", description = "It carries on from its tokens.")
    ProcessorStatus start(@PathVariable String name) {
        return actions.start(Channel.API, name);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild what a processor builds from the first event", description = "Stops the processor, "
            + "resets its tokens to the start of the event store (its @ResetHandlers clear its read model) and starts "
            + "it again. Answers 202 with the status to follow in Location. 409 for a subscribing processor, one whose "
            + "handlers disallow replay, one replaying already, or one whose segments another instance holds.")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        return acceptedWithStatusAt(name, actions.replay(Channel.API, name));
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild what a processor builds beside the live read model", description = "A second "
            + "processor replays every event into a copy of the read model's schema while queries keep reading the "
            + "live one; once the copy has caught up with the head of the event store it takes over in one "
            + "transaction and the old schema is dropped. Answers 202 with the status to follow in Location (its "
            + "rebuild part). 409 for a processor that cannot replay, one replaying or being rebuilt already, or "
            + "one whose read model has no schema of its own.")
    ResponseEntity<ProcessorStatus> rebuild(@PathVariable String name) {
        return acceptedWithStatusAt(name, actions.rebuild(Channel.API, name));
    }

    @DeleteMapping("/{name}/rebuild")
    @Operation(summary = "Cancel a rebuild", description = "Stops the processor building the copy and drops the copy; "
            + "the live read model was never touched. 404 when no rebuild of this processor runs on this instance, "
            + "409 while it is taking over.")
    ProcessorStatus cancelRebuild(@PathVariable String name) {
        return actions.cancelRebuild(Channel.API, name);
    }

    @PostMapping("/{name}/segments/{segmentId}/split")
    @Operation(summary = "Split a segment in two", description = "So that two threads or instances can share its "
            + "events. This instance must hold the segment and the processor must run; 409 otherwise, or for a "
            + "subscribing processor, which has no segments.")
    ProcessorStatus split(@PathVariable String name, @PathVariable int segmentId) {
        return actions.split(Channel.API, name, segmentId);
    }

    @PostMapping("/{name}/segments/{segmentId}/merge")
    @Operation(summary = "Merge a segment with its sibling", description = "The two become one again; this instance "
            + "must be able to claim both. 409 when it cannot, or the segment has no sibling.")
    ProcessorStatus merge(@PathVariable String name, @PathVariable int segmentId) {
        return actions.merge(Channel.API, name, segmentId);
    }

    /** 202 with the processor's status, and where to follow it. */
    private static ResponseEntity<ProcessorStatus> acceptedWithStatusAt(String name, ProcessorStatus status) {
        URI location = UriComponentsBuilder.fromPath("/admin/processors/{name}").encode().buildAndExpand(name).toUri();
        return ResponseEntity.accepted().location(location).body(status);
    }
}
