package org.incidentlearning.query.hotspot;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.Require;
import org.incidentlearning.query.incident.ViewFreshness;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

@RestController
@Tag(name = "Hot spots (views)")
public class HotspotController {

    private final HotspotTimeline timeline;
    private final ViewFreshness freshness;

    public HotspotController(HotspotTimeline timeline, ViewFreshness freshness) {
        this.timeline = timeline;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/hotspots", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Incidents per component or team and week/month/year, by when they started, with a "
                         + "severity-weighted score, recurrences of declined remediations and a trend. from and to "
                         + "are dates (to included) or timestamps (to excluded)")
    public HotspotTimeline.Hotspots hotspots(@RequestParam(defaultValue = "component")
                                             @Parameter(schema = @Schema(allowableValues = {"component", "team"},
                                                     description = "Case does not matter")) String by,
                                             @RequestParam(defaultValue = "month")
                                             @Parameter(schema = @Schema(allowableValues = {"week", "month", "year"},
                                                     description = "Case does not matter")) String bucket,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to) {
        HotspotTimeline.Dimension dimension = switch (by.toLowerCase()) {
            case "component" -> HotspotTimeline.Dimension.COMPONENT;
            case "team" -> HotspotTimeline.Dimension.TEAM;
            default -> throw IncidentRejection.invalid("'by' must be component or team, got '" + by + "'");
        };
        TimeBucket timeBucket = switch (bucket.toLowerCase()) {
            case "week" -> TimeBucket.WEEK;
            case "month" -> TimeBucket.MONTH;
            case "year" -> TimeBucket.YEAR;
            default -> throw IncidentRejection.invalid("'bucket' must be week, month or year, got '" + bucket + "'");
        };
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw IncidentRejection.invalid("'to' must be after 'from'");
        }
        freshness.awaitAll();
        return timeline.hotspots(dimension, timeBucket, start, end);
    }

    /** A date means the whole day: from its start, or (as 'to') up to the end of it. */
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = Require.fourDigitYear(LocalDate.parse(value), "'" + name + "'");
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Require.fourDigitYear(OffsetDateTime.parse(value).toInstant(), "'" + name + "'");
            } catch (DateTimeParseException e) {
                throw IncidentRejection.invalid("'" + name + "' must be a date (2018-03-01) or a timestamp with "
                        + "offset (2018-03-01T00:00:00Z), got '" + value + "'");
            }
        }
    }
}
