package org.incidentlearning.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.IncidentPaths;
import org.incidentlearning.web.PathIds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;

@RestController
@Tag(name = "History (auditors)")
public class AuditController {

    private final EventFeed feed;
    private final EventChainVerification verification;

    public AuditController(EventFeed feed, EventChainVerification verification) {
        this.feed = feed;
        this.verification = verification;
    }

    @GetMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every stored event in commit order, after a position; `next` is the cursor for the next "
                         + "page. Filters: type (simple name), team (actor or a team named in the event), from/to")
    public EventFeed.Page events(@RequestParam(defaultValue = "0") @Min(0) long after,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(EventFeed.MAX_PAGE_SIZE) int size,
                                 @RequestParam(required = false) @Size(max = FieldLimits.NAME) String type,
                                 @RequestParam(required = false) @Size(max = FieldLimits.NAME) String team,
                                 @RequestParam(required = false)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                 @RequestParam(required = false)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        return feed.after(after, size, new EventFeed.Filter(type, team, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant()));
    }

    @GetMapping(path = IncidentPaths.INCIDENT + "/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recomputes the incident's hash chain from its stored events: valid, events, and the first "
                         + "broken sequence when something was altered, removed or reordered")
    public EventChainVerification.IncidentVerification incident(
            @PathVariable @Pattern(regexp = PathIds.PATTERN) String incidentId) {
        EventChainVerification.IncidentVerification result = verification.incident(incidentId);
        if (result == null) {
            throw new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT, "No incident with id " + incidentId);
        }
        return result;
    }

    @GetMapping(path = "/api/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verifies every incident's chain, and answers the running digest of the whole feed: keep "
                         + "it elsewhere and compare later to show that nothing before it changed")
    public EventChainVerification.StoreVerification store() {
        return verification.store();
    }
}
