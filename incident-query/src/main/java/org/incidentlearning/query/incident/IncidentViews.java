package org.incidentlearning.query.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.query.hotspot.TimeBucket;
import org.incidentlearning.query.paging.PagedQuery;
import org.incidentlearning.web.PageOf;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where incident views live: one row per incident with the whole view as a JSON document, the columns the list
 * filters and sorts on, and one row per (incident, team) and (incident, component) for the filters.
 */
@Repository
public class IncidentViews implements IncidentViewStore {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final String RECURRENCES = "SELECT recurrence_id, of_incident_id, remediation_id, incident_id, "
                                              + "deciding_team, note, linked_at FROM remediation_recurrence ";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public IncidentViews(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The view as the projection stores it, without the recurrences other incidents linked to it. */
    @Override
    public Optional<IncidentView> find(String incidentId) {
        return storedDocument(incidentId).map(this::read);
    }

    /** The complete view: the stored document with the recurrences of its declined remediations. */
    public Optional<IncidentView> complete(String incidentId) {
        return find(incidentId).map(view -> {
            attachRecurrences(view);
            return view;
        });
    }

    /** The complete view as JSON; the stored document is served as is when nothing recurred. */
    public Optional<String> document(String incidentId) {
        Optional<String> stored = storedDocument(incidentId);
        if (stored.isEmpty() || recurrences(incidentId).isEmpty()) {
            return stored;
        }
        IncidentView view = read(stored.get());
        attachRecurrences(view);
        return Optional.of(write(view));
    }

    @Override
    public void deleteAll() {
        for (String table : new String[]{"incident_view_team", "incident_view_component", "incident_view",
                "remediation_recurrence"}) {
            jdbc.getJdbcTemplate().update("DELETE FROM " + table);
        }
    }

    /** The incidents a team takes part in now, oldest start first. */
    public List<String> incidentIdsOfTeam(String team) {
        return jdbc.queryForList("SELECT v.incident_id FROM incident_view v JOIN incident_view_team t "
                                 + "ON t.incident_id = v.incident_id WHERE t.team = :team "
                                 + "ORDER BY v.started_at, v.incident_id",
                new MapSqlParameterSource("team", team), String.class);
    }

    /** The complete views of every incident a team took part in, oldest start first, in two queries. */
    public List<IncidentView> ofTeam(String team) {
        MapSqlParameterSource params = new MapSqlParameterSource("team", team);
        List<IncidentView> views = jdbc.query("SELECT v.document FROM incident_view v JOIN incident_view_team t "
                                              + "ON t.incident_id = v.incident_id WHERE t.team = :team "
                                              + "ORDER BY v.started_at, v.incident_id",
                params, (rs, row) -> read(rs.getString(1)));
        Map<String, List<IncidentView.Recurrence>> recurrences = new HashMap<>();
        jdbc.query(RECURRENCES + "WHERE of_incident_id IN (SELECT incident_id FROM incident_view_team "
                   + "WHERE team = :team) ORDER BY linked_at, recurrence_id", params,
                rs -> {
                    IncidentView.Recurrence recurrence = recurrence(rs);
                    recurrences.computeIfAbsent(recurrence.ofIncidentId, id -> new ArrayList<>()).add(recurrence);
                });
        views.forEach(view -> attach(view, recurrences.getOrDefault(view.id, List.of())));
        return views;
    }

    /**
     * The complete views of the incidents a team took part in that started in {@code [from, to)}, oldest first, at
     * most {@code limit}.
     */
    public List<IncidentView> ofTeamStartedBetween(String team, Instant from, Instant to, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("team", team)
                .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
                .addValue("limit", limit);
        List<IncidentView> views = jdbc.query("SELECT v.document FROM incident_view v JOIN incident_view_team t "
                                              + "ON t.incident_id = v.incident_id WHERE t.team = :team "
                                              + "AND v.started_at >= :from AND v.started_at < :to "
                                              + "ORDER BY v.started_at, v.incident_id FETCH FIRST :limit ROWS ONLY",
                params, (rs, row) -> read(rs.getString(1)));
        views.forEach(this::attachRecurrences);
        return views;
    }

    @Override
    public void addRecurrence(IncidentView.Recurrence recurrence) {
        jdbc.update("INSERT INTO remediation_recurrence (recurrence_id, of_incident_id, remediation_id, incident_id, "
                    + "deciding_team, note, linked_at) VALUES (:recurrenceId, :ofIncidentId, :remediationId, "
                    + ":incidentId, :decidingTeam, :note, :linkedAt)", new MapSqlParameterSource()
                .addValue("recurrenceId", recurrence.recurrenceId)
                .addValue("ofIncidentId", recurrence.ofIncidentId)
                .addValue("remediationId", recurrence.remediationId)
                .addValue("incidentId", recurrence.incidentId)
                .addValue("decidingTeam", recurrence.decidingTeam)
                .addValue("note", recurrence.note)
                .addValue("linkedAt", Timestamp.from(recurrence.linkedAt)));
    }

    private List<IncidentView.Recurrence> recurrences(String ofIncidentId) {
        return jdbc.query(RECURRENCES + "WHERE of_incident_id = :id ORDER BY linked_at, recurrence_id",
                new MapSqlParameterSource("id", ofIncidentId), (rs, row) -> recurrence(rs));
    }

    private static IncidentView.Recurrence recurrence(ResultSet rs) throws SQLException {
        IncidentView.Recurrence recurrence = new IncidentView.Recurrence();
        recurrence.recurrenceId = rs.getString(1);
        recurrence.ofIncidentId = rs.getString(2);
        recurrence.remediationId = rs.getString(3);
        recurrence.incidentId = rs.getString(4);
        recurrence.decidingTeam = rs.getString(5);
        recurrence.note = rs.getString(6);
        recurrence.linkedAt = rs.getTimestamp(7).toInstant();
        return recurrence;
    }

    private void attachRecurrences(IncidentView view) {
        attach(view, recurrences(view.id));
    }

    /** Attaches the recurrences linked to the view's declined remediations up to a moment. */
    void attachRecurrencesUpTo(IncidentView view, Instant moment) {
        attach(view, recurrences(view.id).stream().filter(r -> !r.linkedAt.isAfter(moment)).toList());
    }

    private static void attach(IncidentView view, List<IncidentView.Recurrence> recurrences) {
        for (IncidentView.Recurrence recurrence : recurrences) {
            view.remediations.stream().filter(r -> r.id.equals(recurrence.remediationId)).findFirst()
                    .ifPresent(remediation -> remediation.recurrences.add(recurrence));
        }
    }

    private Optional<String> storedDocument(String incidentId) {
        return jdbc.queryForList("SELECT document FROM incident_view WHERE incident_id = :id",
                new MapSqlParameterSource("id", incidentId), String.class).stream().findFirst();
    }

    public long version(String incidentId) {
        return jdbc.queryForList("SELECT version FROM incident_view WHERE incident_id = :id",
                new MapSqlParameterSource("id", incidentId), Long.class).stream().findFirst().orElse(0L);
    }

    @Override
    public void insert(IncidentView view) {
        view.refreshParticipants();
        jdbc.update("INSERT INTO incident_view (incident_id, title, severity, status, started_at, version, "
                    + "updated_at, teams, components, document, bucket_year, bucket_month, bucket_week, "
                    + "severity_weight, recurrence) VALUES (:id, :title, :severity, :status, :startedAt, :version, "
                    + ":updatedAt, :teams, :components, :document, :year, :month, :week, :weight, :recurrence)",
                columns(view));
        index(view, List.of(), List.of());
    }

    /** Saves a changed view; {@code before} is the view as it was loaded, to touch the filter rows only on change. */
    @Override
    public void update(IncidentView view, List<String> teamsBefore, List<String> componentsBefore) {
        view.refreshParticipants();
        jdbc.update("UPDATE incident_view SET title = :title, severity = :severity, status = :status, "
                    + "started_at = :startedAt, version = :version, updated_at = :updatedAt, teams = :teams, "
                    + "components = :components, document = :document, bucket_year = :year, bucket_month = :month, "
                    + "bucket_week = :week, severity_weight = :weight, recurrence = :recurrence "
                    + "WHERE incident_id = :id", columns(view));
        index(view, teamsBefore, componentsBefore);
    }

    public PageOf<IncidentSummary> list(IncidentFilter filter, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("v.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.team() != null) {
            conditions.add("EXISTS (SELECT 1 FROM incident_view_team t WHERE t.incident_id = v.incident_id "
                           + "AND t.team = :team)");
            params.addValue("team", filter.team());
        }
        if (filter.component() != null) {
            conditions.add("EXISTS (SELECT 1 FROM incident_view_component c WHERE c.incident_id = v.incident_id "
                           + "AND c.component = :component)");
            params.addValue("component", filter.component());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return PagedQuery.page(jdbc, "incident_view v" + where,
                "v.incident_id, v.title, v.severity, v.status, v.started_at, v.teams, v.components, v.version, "
                + "v.updated_at", "v.started_at DESC, v.incident_id", params, page, size,
                (rs, row) -> new IncidentSummary(rs.getString(1), rs.getString(2),
                        Severity.valueOf(rs.getString(3)), IncidentStatus.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(), names(rs.getString(6)), names(rs.getString(7)),
                        rs.getLong(8), rs.getTimestamp(9).toInstant()));
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write incident view", e);
        }
    }

    IncidentView read(String document) {
        try {
            return json.readValue(document, IncidentView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored incident view is not readable", e);
        }
    }

    private List<String> names(String array) {
        try {
            return json.readValue(array, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored name list is not readable", e);
        }
    }

    private MapSqlParameterSource columns(IncidentView view) {
        return new MapSqlParameterSource()
                .addValue("id", view.id)
                .addValue("title", view.title)
                .addValue("severity", view.severity.name())
                .addValue("status", view.status.name())
                .addValue("startedAt", Timestamp.from(view.startedAt))
                .addValue("version", view.version)
                .addValue("updatedAt", Timestamp.from(view.updatedAt))
                .addValue("teams", write(view.teams))
                .addValue("components", write(view.components))
                .addValue("document", write(view))
                .addValue("year", TimeBucket.YEAR.labelOf(view.startedAt))
                .addValue("month", TimeBucket.MONTH.labelOf(view.startedAt))
                .addValue("week", TimeBucket.WEEK.labelOf(view.startedAt))
                .addValue("weight", view.severity.weight())
                .addValue("recurrence", view.recurrenceOf.isEmpty() ? 0 : 1);
    }

    private void index(IncidentView view, List<String> teamsBefore, List<String> componentsBefore) {
        if (!view.teams.equals(teamsBefore)) {
            replaceRows("incident_view_team", "team", view.id, view.teams);
        }
        if (!view.components.equals(componentsBefore)) {
            replaceRows("incident_view_component", "component", view.id, view.components);
        }
    }

    private void replaceRows(String table, String column, String incidentId, List<String> values) {
        jdbc.update("DELETE FROM " + table + " WHERE incident_id = :id", new MapSqlParameterSource("id", incidentId));
        MapSqlParameterSource[] rows = values.stream()
                .map(value -> new MapSqlParameterSource("id", incidentId).addValue("value", value))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("INSERT INTO " + table + " (incident_id, " + column + ") VALUES (:id, :value)", rows);
    }
}
