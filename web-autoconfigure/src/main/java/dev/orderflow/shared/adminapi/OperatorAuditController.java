package dev.orderflow.shared.adminapi;

import dev.orderflow.shared.audit.OperatorAction;
import dev.orderflow.shared.audit.OperatorAudit;
import dev.orderflow.shared.error.InvalidRequestException;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = ApiTags.ADMIN_PROCESSORS)
class OperatorAuditController {

    private final OperatorAudit audit;

    OperatorAuditController(OperatorAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    @Operation(summary = "What operators did", description = "Every replay, rebuild, stop, start, split, merge, retry "
            + "and eviction asked of this service, through the console or this API, newest first: who, when, on what, "
            + "and whether it was done (a refusal is kept with its reason). At most limit (1 to 1000).")
    List<OperatorAction> recent(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return audit.recent(limit);
    }
}
