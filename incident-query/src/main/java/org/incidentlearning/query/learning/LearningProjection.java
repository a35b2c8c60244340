package org.incidentlearning.query.learning;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.incidentlearning.kernel.correction.EntryAmendedEvent;
import org.incidentlearning.kernel.correction.EntryRetractedEvent;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.entry.EntryRecorded;
import org.incidentlearning.kernel.entry.RecordedEntry;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.IncidentRevisedEvent;
import org.incidentlearning.kernel.linkage.LinkageDiscoveredEvent;
import org.incidentlearning.kernel.remediation.RecurrenceLinkedEvent;
import org.incidentlearning.kernel.remediation.RemediationCompletedEvent;
import org.incidentlearning.kernel.remediation.RemediationDeclinedEvent;
import org.incidentlearning.kernel.remediation.RemediationPrioritizedEvent;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.remediation.RemediationReopenedEvent;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.hotspot.TimeBucket;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Builds the cross-incident learning views: the socio-technical map's edges, the remediation ledger, every recorded
 * text (for search and the language lens) and classification labels over time. Each row belongs to one entry and is
 * written with single SQL statements, so the processor's segments never overwrite each other's work; a batch of events
 * sends its statements together ({@link LearningWrites}).
 */
@Component
@ProcessingGroup(LearningProjection.PROCESSING_GROUP)
public class LearningProjection {

    public static final String PROCESSING_GROUP = "learning-views";
    /** What the recorded_text table holds of an entry's kind and of a field's name. */
    static final int KIND_LENGTH = 32;
    static final int FIELD_LENGTH = 32;

    private final LearningWrites writes;

    LearningProjection(LearningWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(IncidentDeclaredEvent event, @Timestamp Instant recordedAt) {
        writes.update("INSERT INTO learning_incident (incident_id, title, started_at) VALUES (:id, :title, :startedAt)",
                new MapSqlParameterSource("id", event.incidentId()).addValue("title", event.title())
                        .addValue("startedAt", sqlTime(event.startedAt())));
        newText(event.incidentId(), "title", event.incidentId(), "INCIDENT", null, event.title(), recordedAt);
        newText(event.incidentId(), "summary", event.incidentId(), "INCIDENT", null, event.summary(), recordedAt);
    }

    @EventHandler
    void on(IncidentRevisedEvent event, @Timestamp Instant recordedAt) {
        if (event.title() != null) {
            writes.update("UPDATE learning_incident SET title = :title WHERE incident_id = :id",
                    new MapSqlParameterSource("id", event.incidentId()).addValue("title", event.title()));
            text(event.incidentId(), "title", event.incidentId(), "INCIDENT", null, event.title(), recordedAt);
        }
        if (event.summary() != null) {
            text(event.incidentId(), "summary", event.incidentId(), "INCIDENT", null, event.summary(), recordedAt);
        }
    }

    /** Every entry's free texts, as its kind names them; the map and the ledger add their own rows below. */
    @EventHandler
    void on(EntryRecorded event, @Timestamp Instant recordedAt) {
        texts(event, recordedAt);
    }

    @EventHandler
    void on(LinkageDiscoveredEvent event, @Timestamp Instant recordedAt) {
        writes.update("INSERT INTO map_edge (linkage_id, incident_id, kind, from_end, to_end, edge_condition, "
                    + "believed_absent, description, discovered_at) VALUES (:id, :incident, :kind, :from, :to, "
                    + ":condition, :absent, :description, :at)",
                new MapSqlParameterSource("id", event.linkageId()).addValue("incident", event.incidentId())
                        .addValue("kind", event.kind().name()).addValue("from", event.from())
                        .addValue("to", event.to()).addValue("condition", event.condition())
                        .addValue("absent", event.believedAbsent()).addValue("description", event.description())
                        .addValue("at", sqlTime(recordedAt)));
        texts(event, recordedAt);
    }

    @EventHandler
    void on(RemediationProposedEvent event, @Timestamp Instant recordedAt) {
        writes.update("INSERT INTO remediation_ledger (remediation_id, incident_id, team, description, state, "
                    + "proposed_at) VALUES (:id, :incident, :team, :description, :state, :at)",
                new MapSqlParameterSource("id", event.remediationId()).addValue("incident", event.incidentId())
                        .addValue("team", event.team()).addValue("description", event.description())
                        .addValue("state", RemediationState.PROPOSED.name())
                        .addValue("at", sqlTime(recordedAt)));
        texts(event, recordedAt);
    }

    @EventHandler
    void on(RemediationPrioritizedEvent event, @Timestamp Instant recordedAt) {
        ledger(event.remediationId(), "state = :state, priority = :priority, due_by = :dueBy",
                new MapSqlParameterSource("state", RemediationState.PRIORITIZED.name())
                        .addValue("priority", event.priority().name()).addValue("dueBy", date(event.dueBy())));
    }

    @EventHandler
    void on(RemediationCompletedEvent event, @Timestamp Instant recordedAt) {
        ledger(event.remediationId(), "state = :state, completion_note = :note, decided_at = :at",
                new MapSqlParameterSource("state", RemediationState.COMPLETED.name()).addValue("note", event.note())
                        .addValue("at", sqlTime(recordedAt)));
    }

    @EventHandler
    void on(RemediationDeclinedEvent event, @Timestamp Instant recordedAt) {
        ledger(event.remediationId(), "state = :state, rationale = :rationale, accepted_risk = :risk, "
                                      + "revisit_by = :revisit, decided_at = :at",
                new MapSqlParameterSource("state", RemediationState.DECLINED.name())
                        .addValue("rationale", event.rationale()).addValue("risk", event.acceptedRisk())
                        .addValue("revisit", date(event.revisitBy())).addValue("at", sqlTime(recordedAt)));
        text(event.remediationId(), "rationale", event.incidentId(), EntryKind.REMEDIATION.name(), event.team(),
                event.rationale(), recordedAt);
        text(event.remediationId(), "acceptedRisk", event.incidentId(), EntryKind.REMEDIATION.name(), event.team(),
                event.acceptedRisk(), recordedAt);
    }

    @EventHandler
    void on(RemediationReopenedEvent event) {
        ledger(event.remediationId(), "state = :state, priority = NULL, due_by = NULL, rationale = NULL, "
                                      + "accepted_risk = NULL, revisit_by = NULL, completion_note = NULL, "
                                      + "decided_at = NULL",
                new MapSqlParameterSource("state", RemediationState.PROPOSED.name()));
    }

    @EventHandler
    void on(RecurrenceLinkedEvent event) {
        writes.update("INSERT INTO ledger_recurrence (recurrence_id, remediation_id, incident_id) "
                    + "VALUES (:id, :remediation, :incident)",
                new MapSqlParameterSource("id", event.recurrenceId()).addValue("remediation", event.remediationId())
                        .addValue("incident", event.incidentId()));
    }

    @EventHandler
    void on(IncidentClassifiedEvent event) {
        MapSqlParameterSource incident = new MapSqlParameterSource("id", event.incidentId());
        writes.update("DELETE FROM incident_label WHERE incident_id = :id", incident);
        Instant startedAt = writes.reading().queryForObject("SELECT started_at FROM learning_incident "
                + "WHERE incident_id = :id", incident, java.sql.Timestamp.class).toInstant();
        event.labels().forEach(label -> writes.update("INSERT INTO incident_label (incident_id, label, bucket_year, "
                        + "bucket_month) VALUES (:id, :label, :year, :month)",
                new MapSqlParameterSource("id", event.incidentId()).addValue("label", label)
                        .addValue("year", TimeBucket.YEAR.labelOf(startedAt))
                        .addValue("month", TimeBucket.MONTH.labelOf(startedAt))));
    }

    @EventHandler
    void on(EntryAmendedEvent event, @Timestamp Instant recordedAt) {
        event.changes().forEach((field, value) -> {
            if (event.entryKind().textFields().contains(field)) {
                MapSqlParameterSource params = textParams(event.entryId(), field, value)
                        .addValue("at", sqlTime(recordedAt));
                writes.update("UPDATE recorded_text SET text = :text, text_lower = :lower, root_cause = :rootCause, "
                            + "blame = :blame, recorded_at = :at WHERE entry_id = :id AND field = :field", params);
            }
        });
        if (event.entryKind() == EntryKind.LINKAGE) {
            MapSqlParameterSource params = new MapSqlParameterSource("id", event.entryId());
            if (event.changes().containsKey("description")) {
                writes.update("UPDATE map_edge SET description = :value WHERE linkage_id = :id",
                        params.addValue("value", event.changes().get("description")));
            }
            if (event.changes().containsKey("condition")) {
                writes.update("UPDATE map_edge SET edge_condition = :value WHERE linkage_id = :id",
                        params.addValue("value", event.changes().get("condition")));
            }
        }
        if (event.entryKind() == EntryKind.REMEDIATION && event.changes().containsKey("description")) {
            ledger(event.entryId(), "description = :description",
                    new MapSqlParameterSource("description", event.changes().get("description")));
        }
    }

    @EventHandler
    void on(EntryRetractedEvent event) {
        MapSqlParameterSource entry = new MapSqlParameterSource("id", event.entryId());
        writes.update("DELETE FROM recorded_text WHERE entry_id = :id", entry);
        writes.update("DELETE FROM map_edge WHERE linkage_id = :id", entry);
        writes.update("DELETE FROM remediation_ledger WHERE remediation_id = :id", entry);
    }

    /** A new entry's texts: rows of their own, inserted without a look for earlier ones. */
    private void texts(EntryRecorded event, Instant recordedAt) {
        RecordedEntry entry = event.entry();
        entry.texts().forEach((field, text) -> newText(event.entryId(), field, event.incidentId(),
                entry.entryKind().name(), entry.team(), text, recordedAt));
    }

    /** A text that replaces the one the entry had under that field, if any. */
    private void text(String entryId, String field, String incidentId, String kind, String team, String text,
                      Instant recordedAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", entryId).addValue("field", field);
        writes.update("DELETE FROM recorded_text WHERE entry_id = :id AND field = :field", params);
        newText(entryId, field, incidentId, kind, team, text, recordedAt);
    }

    private void newText(String entryId, String field, String incidentId, String kind, String team, String text,
                         Instant recordedAt) {
        if (text == null || text.isBlank()) {
            return;
        }
        writes.update("INSERT INTO recorded_text (entry_id, field, incident_id, entry_kind, team, text, text_lower, "
                    + "root_cause, blame, recorded_at) VALUES (:id, :field, :incident, :kind, :team, :text, :lower, "
                    + ":rootCause, :blame, :at)",
                textParams(entryId, field, text).addValue("incident", incidentId).addValue("kind", kind)
                        .addValue("team", team).addValue("at", sqlTime(recordedAt)));
    }

    private static MapSqlParameterSource textParams(String entryId, String field, String text) {
        String lower = LanguageUse.lower(text);
        return new MapSqlParameterSource("id", entryId).addValue("field", field).addValue("text", text)
                .addValue("lower", lower).addValue("rootCause", LanguageUse.rootCause(lower))
                .addValue("blame", LanguageUse.blame(lower));
    }

    private void ledger(String remediationId, String assignments, MapSqlParameterSource params) {
        writes.update("UPDATE remediation_ledger SET " + assignments + " WHERE remediation_id = :remediationId",
                params.addValue("remediationId", remediationId));
    }

    private static java.sql.Timestamp sqlTime(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
