package org.incidentlearning.query.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.paging.PagedQuery;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PageOf;
import org.incidentlearning.web.PathIds;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Every remediation item and decision across incidents, by team and state; declined ones count their recurrences. */
@Repository
public class RemediationLedger {

    public record Item(@Schema(pattern = PathIds.PATTERN) String remediationId,
                       @Schema(pattern = PathIds.PATTERN) String incidentId,
                       @Schema(maxLength = FieldLimits.TITLE) String incidentTitle,
                       @Schema(maxLength = FieldLimits.NAME) String team,
                       @Schema(maxLength = FieldLimits.TEXT) String description,
                       RemediationState state, @Nullable RemediationPriority priority, @Nullable LocalDate dueBy,
                       @Nullable @Schema(maxLength = FieldLimits.TEXT) String rationale,
                       @Nullable @Schema(maxLength = FieldLimits.TEXT) String acceptedRisk,
                       @Nullable LocalDate revisitBy,
                       @Nullable @Schema(maxLength = FieldLimits.TEXT) String completionNote,
                       @Schema(minimum = "0") long recurrences, Instant proposedAt, @Nullable Instant decidedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public RemediationLedger(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PageOf<Item> items(String team, RemediationState state, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (team != null) {
            conditions.add("r.team = :team");
            params.addValue("team", team);
        }
        if (state != null) {
            conditions.add("r.state = :state");
            params.addValue("state", state.name());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return PagedQuery.page(jdbc, "remediation_ledger r LEFT JOIN learning_incident i "
                                     + "ON i.incident_id = r.incident_id" + where,
                "r.remediation_id, r.incident_id, i.title, r.team, r.description, r.state, r.priority, r.due_by, "
                + "r.rationale, r.accepted_risk, r.revisit_by, r.completion_note, (SELECT COUNT(*) "
                + "FROM ledger_recurrence c WHERE c.remediation_id = r.remediation_id), r.proposed_at, r.decided_at",
                "r.proposed_at DESC, r.remediation_id", params, page, size,
                (rs, row) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), RemediationState.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : RemediationPriority.valueOf(rs.getString(7)),
                        localDate(rs.getDate(8)), rs.getString(9), rs.getString(10), localDate(rs.getDate(11)),
                        rs.getString(12), rs.getLong(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15))));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
