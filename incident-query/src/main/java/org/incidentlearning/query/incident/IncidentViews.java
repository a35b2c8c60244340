package org.incidentlearning.query.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.hotspot.HotspotCounts;
import org.incidentlearning.query.hotspot.HotspotTimeline;
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
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where incident views live, as rows: a header row per incident (the columns the list filters and sorts on, and the
 * header's fields as JSON), one row per part (entry, correction, publication, recurrence), and one row per
 * (incident, team) and (incident, component) for the filters. A read composes a view from its header row and its
 * parts' rows, two indexed queries; a write touches only the rows it changes.
 */
@Repository
public class IncidentViews implements IncidentViewStore {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final String HEADER = "SELECT v.incident_id, v.header FROM incident_view v ";
    private static final String PARTS = "SELECT p.incident_id, p.section, p.part_id, p.sequence, p.sort_at, "
                                        + "p.recorded_at, p.payload FROM incident_part p ";
    private static final String OF_TEAM = "JOIN incident_view_team t ON t.incident_id = v.incident_id "
                                          + "WHERE t.team = :team ";

    /**
     * What the header row's JSON holds: the view's header fields, who takes part, the technical linkages found, and
     * whether it recurs.
     */
    record StoredHeader(IncidentView view, Map<String, IncidentHeader.Participation> participants,
                        Map<String, Instant> technicalLinkages, boolean recurring) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final HotspotCounts hotspots;
    private final TeamCounts teamCounts;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    IncidentViews(NamedParameterJdbcTemplate jdbc, HotspotCounts hotspots, TeamCounts teamCounts) {
        this.jdbc = jdbc;
        this.hotspots = hotspots;
        this.teamCounts = teamCounts;
    }

    /** The complete view: its header, its parts, and the recurrences later incidents linked to it. */
    public Optional<IncidentView> complete(String incidentId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", incidentId);
        return jdbc.query(HEADER + "WHERE v.incident_id = :id", id, (rs, row) -> readHeader(rs.getString(2)))
                .stream().findFirst()
                .map(header -> IncidentComposition.compose(header,
                        jdbc.query(PARTS + "WHERE p.incident_id = :id", id, (rs, row) -> part(rs))));
    }

    /**
     * One part as the incident's view shows it, read from its own row and the few it is composed with (a declined
     * remediation's recurrences, a divergence's mental models), so the read does not grow with the incident.
     */
    Optional<Object> entry(String incidentId, PartSection section, String partId) {
        return part(incidentId, section, partId).map(part -> {
            Object value = part.value();
            if (value instanceof IncidentView.Remediation remediation) {
                IncidentView view = new IncidentView();
                view.remediations = new ArrayList<>(List.of(remediation));
                IncidentComposition.attach(view, jdbc.query(PARTS + "WHERE p.incident_id = :id AND p.section = "
                                + ":section", key(incidentId, PartSection.RECURRED, partId),
                        (rs, row) -> (IncidentView.Recurrence) part(rs).value()));
            } else if (value instanceof IncidentView.Divergence divergence) {
                divergence.teams = divergence.mentalModelIds.stream()
                        .map(model -> part(incidentId, PartSection.MENTAL_MODEL, model))
                        .flatMap(Optional::stream)
                        .map(model -> ((IncidentView.MentalModel) model.value()).team).distinct().toList();
            }
            return value;
        });
    }

    public boolean exists(String incidentId) {
        return !jdbc.queryForList("SELECT 1 FROM incident_view WHERE incident_id = :id",
                new MapSqlParameterSource("id", incidentId), Integer.class).isEmpty();
    }

    /** The incident's publications in publishing order; empty when its view does not exist. */
    public Optional<List<IncidentView.PublishedArtifact>> artifacts(String incidentId) {
        if (!exists(incidentId)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query(PARTS + "WHERE p.incident_id = :id AND p.section = :section "
                                      + "ORDER BY p.sequence",
                new MapSqlParameterSource("id", incidentId).addValue("section", PartSection.ARTIFACT.name()),
                (rs, row) -> (IncidentView.PublishedArtifact) part(rs).value()));
    }

    /** The complete view as JSON. */
    public Optional<String> document(String incidentId) {
        return complete(incidentId).map(this::write);
    }

    /** The incidents a team takes part in now, oldest start first. */
    public List<String> incidentIdsOfTeam(String team) {
        return jdbc.queryForList("SELECT v.incident_id FROM incident_view v " + OF_TEAM
                                 + "ORDER BY v.started_at, v.incident_id",
                new MapSqlParameterSource("team", team), String.class);
    }

    /**
     * The complete views of the incidents a team takes part in that started in {@code [from, to)}, oldest first, at
     * most {@code limit}.
     */
    public List<IncidentView> ofTeamStartedBetween(String team, Instant from, Instant to, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("team", team)
                .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
                .addValue("limit", limit);
        String started = "AND v.started_at >= :from AND v.started_at < :to ";
        List<IncidentHeader> headers = jdbc.query(HEADER + OF_TEAM + started
                                                  + "ORDER BY v.started_at, v.incident_id FETCH FIRST :limit ROWS ONLY",
                params, (rs, row) -> readHeader(rs.getString(2)));
        return composed(headers, PARTS + "WHERE p.incident_id IN (SELECT v.incident_id FROM incident_view v "
                                 + OF_TEAM + started + ")", params);
    }

    private List<IncidentView> composed(List<IncidentHeader> headers, String partsQuery,
                                        MapSqlParameterSource params) {
        Map<String, List<IncidentPart>> parts = new LinkedHashMap<>();
        headers.forEach(header -> parts.put(header.view().id, new ArrayList<>()));
        jdbc.query(partsQuery, params, rs -> {
            List<IncidentPart> ofIncident = parts.get(rs.getString(1));
            if (ofIncident != null) {
                ofIncident.add(part(rs));
            }
        });
        return headers.stream().map(header -> IncidentComposition.compose(header, parts.get(header.view().id)))
                .toList();
    }

    /** Attaches the recurrences later incidents linked to the view's declined remediations up to a moment. */
    void attachRecurrencesUpTo(IncidentView view, Instant moment) {
        IncidentComposition.attach(view, jdbc.query(PARTS + "WHERE p.incident_id = :id AND p.section = :section",
                        new MapSqlParameterSource("id", view.id).addValue("section", PartSection.RECURRED.name()),
                        (rs, row) -> (IncidentView.Recurrence) part(rs).value()).stream()
                .filter(recurrence -> !recurrence.linkedAt.isAfter(moment)).toList());
    }

    public long version(String incidentId) {
        return jdbc.queryForList("SELECT version FROM incident_view WHERE incident_id = :id",
                new MapSqlParameterSource("id", incidentId), Long.class).stream().findFirst().orElse(0L);
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

    // ---- a team's context, from its rows ----

    /** One item of a team's list: the incident it is in, when it was recorded, and it as the incident view shows it. */
    public record TeamItem<T>(String incidentId, String partId, Instant at, T value) {
    }

    /** Where a page of a team's list goes on: after this moment, incident and part (most recent first). */
    public record After(Instant at, String incidentId, String partId) {
    }

    /**
     * The team's incidents by when they started, most recent first, after a cursor, at most {@code limit}. The team
     * leads the ORDER BY (a constant here) so that H2 reads the index in order and stops after the page.
     */
    public List<TeamItem<IncidentSummary>> teamIncidents(String team, After after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("team", team).addValue("limit", limit);
        String keyset = "";
        if (after != null) {
            keyset = " AND t.started_at <= :at AND (t.started_at < :at OR (t.started_at = :at "
                     + "AND t.incident_id < :incident))";
            params.addValue("at", Timestamp.from(after.at())).addValue("incident", after.incidentId());
        }
        return jdbc.query("SELECT v.incident_id, v.title, v.severity, v.status, v.started_at, v.teams, v.components, "
                          + "v.version, v.updated_at FROM incident_view_team t JOIN incident_view v "
                          + "ON v.incident_id = t.incident_id WHERE t.team = :team" + keyset
                          + " ORDER BY t.team, t.started_at DESC, t.incident_id DESC FETCH FIRST :limit ROWS ONLY",
                params,
                (rs, row) -> new TeamItem<>(rs.getString(1), rs.getString(1), rs.getTimestamp(5).toInstant(),
                        new IncidentSummary(rs.getString(1), rs.getString(2), Severity.valueOf(rs.getString(3)),
                                IncidentStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(),
                                names(rs.getString(6)), names(rs.getString(7)), rs.getLong(8),
                                rs.getTimestamp(9).toInstant())));
    }

    /**
     * The team's entries of one kind, most recently recorded first, after a cursor, at most {@code limit}. Team and
     * section lead the ORDER BY for the same reason as the incidents'.
     */
    public List<TeamItem<IncidentView.Entry>> teamEntries(String team, EntryKind kind, After after, int limit) {
        PartSection section = PartSection.of(kind);
        MapSqlParameterSource params = new MapSqlParameterSource("team", team).addValue("section", section.name())
                .addValue("limit", limit);
        String keyset = "";
        if (after != null) {
            keyset = " AND e.recorded_at <= :at AND (e.recorded_at < :at OR (e.recorded_at = :at "
                     + "AND (e.incident_id < :incident OR (e.incident_id = :incident AND e.part_id < :part))))";
            params.addValue("at", Timestamp.from(after.at())).addValue("incident", after.incidentId())
                    .addValue("part", after.partId());
        }
        // The page is cut from the index before the join: PostgreSQL underestimates the join's rows and otherwise
        // hashes every part of the section and sorts the team's entries (228 ms at 100,000 incidents, not 0.5).
        return jdbc.query("SELECT e.incident_id, e.part_id, e.recorded_at, p.payload FROM (SELECT e.incident_id, "
                          + "e.section, e.part_id, e.recorded_at FROM team_entry e WHERE e.team = :team AND e.section "
                          + "= :section" + keyset + " ORDER BY e.team, e.section, e.recorded_at DESC, e.incident_id "
                          + "DESC, e.part_id DESC FETCH FIRST :limit ROWS ONLY) e JOIN incident_part p ON "
                          + "p.incident_id = e.incident_id AND p.section = e.section AND p.part_id = e.part_id "
                          + "ORDER BY e.recorded_at DESC, e.incident_id DESC, e.part_id DESC", params,
                (rs, row) -> new TeamItem<>(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        (IncidentView.Entry) read(rs.getString(4), section.type())));
    }

    /** How many items each of a team's lists holds: its incidents, its entries by kind, its remediations by state. */
    public record TeamTally(long incidents, Map<EntryKind, Long> entries, Map<RemediationState, Long> states) {
    }

    /** The team's counts, read in one go from the rows the projection keeps. */
    public TeamTally teamTally(String team) {
        Map<String, Long> stored = teamCounts.of(team);
        Map<EntryKind, Long> entries = new EnumMap<>(EntryKind.class);
        for (EntryKind kind : EntryKind.values()) {
            entries.put(kind, stored.getOrDefault(TeamCounts.of(PartSection.of(kind)), 0L));
        }
        Map<RemediationState, Long> states = new EnumMap<>(RemediationState.class);
        for (RemediationState state : RemediationState.values()) {
            states.put(state, stored.getOrDefault(TeamCounts.of(state), 0L));
        }
        return new TeamTally(stored.getOrDefault(TeamCounts.INCIDENTS, 0L), entries, states);
    }

    /** The recurrences later incidents linked to declined remediations of these incidents, in linking order. */
    public List<IncidentView.Recurrence> recurrencesOf(Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(PARTS + "WHERE p.incident_id IN (:ids) AND p.section = :section",
                new MapSqlParameterSource("ids", incidentIds).addValue("section", PartSection.RECURRED.name()),
                (rs, row) -> (IncidentView.Recurrence) part(rs).value());
    }

    // ---- the projection's writes: one statement per row here, batched by BatchedIncidentViews ----

    @Override
    public void declare(IncidentHeader header) {
        SharedCounts counts = new SharedCounts();
        insertHeaders(List.of(header), counts);
        applyCounts(counts);
    }

    @Override
    public Optional<IncidentHeader> header(String incidentId) {
        return jdbc.query(HEADER + "WHERE v.incident_id = :id", new MapSqlParameterSource("id", incidentId),
                (rs, row) -> readHeader(rs.getString(2))).stream().findFirst();
    }

    /** Unbatched: what the header's filter rows held is read back to compare. */
    @Override
    public void changed(IncidentHeader header) {
        IncidentHeader before = header(header.view().id).orElseThrow();
        SharedCounts counts = new SharedCounts();
        updateHeaders(List.of(new HeaderChange(header, before.teams(), before.view().components,
                before.recurring())), counts);
        applyCounts(counts);
    }

    @Override
    public void add(IncidentPart part) {
        insertParts(List.of(part));
    }

    @Override
    public Optional<IncidentPart> part(String incidentId, PartSection section, String partId) {
        return jdbc.query(PARTS + "WHERE p.incident_id = :id AND p.section = :section AND p.part_id = :part",
                key(incidentId, section, partId), (rs, row) -> part(rs)).stream().findFirst();
    }

    @Override
    public void replace(IncidentPart part) {
        updateParts(List.of(part));
    }

    @Override
    public void remove(String incidentId, PartSection section, String partId) {
        deleteParts(List.of(key(incidentId, section, partId)));
    }

    @Override
    public void addTeamEntries(List<TeamEntry> entries) {
        SharedCounts counts = new SharedCounts();
        insertTeamEntries(entries, counts);
        applyCounts(counts);
    }

    @Override
    public void removeTeamEntries(String incidentId, PartSection section, String partId) {
        SharedCounts counts = new SharedCounts();
        deleteTeamEntries(List.of(key(incidentId, section, partId)), counts);
        applyCounts(counts);
    }

    @Override
    public void remediationState(String incidentId, String remediationId, RemediationState state) {
        SharedCounts counts = new SharedCounts();
        updateRemediationStates(List.of(remediationStateRow(incidentId, remediationId, state)), counts);
        applyCounts(counts);
    }

    /** Writes what a batch changed in the shared counts, once, after its rows, in the order SharedCounts gives. */
    void applyCounts(SharedCounts counts) {
        teamCounts.apply(counts.teams());
        hotspots.apply(counts.hotspots());
    }

    void insertTeamEntries(Collection<TeamEntry> entries, SharedCounts counts) {
        List<TeamEntry> distinct = entries.stream().distinct().toList();
        for (TeamEntry entry : distinct) {
            counts.add(entry.team(), TeamCounts.of(entry.section()), 1);
            if (entry.section() == PartSection.REMEDIATION) {
                counts.add(entry.team(), TeamCounts.of(RemediationState.PROPOSED), 1);
            }
        }
        jdbc.batchUpdate("INSERT INTO team_entry (team, section, incident_id, part_id, recorded_at, state) "
                         + "VALUES (:team, :section, :id, :part, :recordedAt, :state)",
                distinct.stream().map(entry -> key(entry.incidentId(), entry.section(), entry.partId())
                        .addValue("team", entry.team()).addValue("recordedAt", Timestamp.from(entry.recordedAt()))
                        .addValue("state", entry.section() == PartSection.REMEDIATION
                                ? RemediationState.PROPOSED.name() : null))
                        .toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public void removeTeamEntries(List<TeamEntry> entries) {
        SharedCounts counts = new SharedCounts();
        deleteTeamEntriesOf(entries, counts);
        applyCounts(counts);
    }

    void deleteTeamEntriesOf(Collection<TeamEntry> entries, SharedCounts counts) {
        for (TeamEntry entry : entries) {
            teamRowsOf(entry.incidentId(), entry.section(), entry.partId()).stream()
                    .filter(row -> row.team().equals(entry.team()))
                    .forEach(row -> uncount(row, entry.section(), counts));
        }
        jdbc.batchUpdate("DELETE FROM team_entry WHERE team = :team AND incident_id = :id AND section = :section "
                         + "AND part_id = :part", entries.stream().map(entry -> key(entry.incidentId(),
                        entry.section(), entry.partId()).addValue("team", entry.team()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    void deleteTeamEntries(Collection<MapSqlParameterSource> keys, SharedCounts counts) {
        for (MapSqlParameterSource key : keys) {
            PartSection section = PartSection.valueOf((String) key.getValue("section"));
            teamRowsOf((String) key.getValue("id"), section, (String) key.getValue("part"))
                    .forEach(row -> uncount(row, section, counts));
        }
        jdbc.batchUpdate("DELETE FROM team_entry WHERE incident_id = :id AND section = :section "
                         + "AND part_id = :part", keys.toArray(MapSqlParameterSource[]::new));
    }

    static MapSqlParameterSource remediationStateRow(String incidentId, String remediationId,
                                                     RemediationState state) {
        return key(incidentId, PartSection.REMEDIATION, remediationId).addValue("state", state.name());
    }

    void updateRemediationStates(Collection<MapSqlParameterSource> rows, SharedCounts counts) {
        for (MapSqlParameterSource row : rows) {
            String state = (String) row.getValue("state");
            teamRowsOf((String) row.getValue("id"), PartSection.REMEDIATION, (String) row.getValue("part")).stream()
                    .filter(before -> !state.equals(before.state()))
                    .forEach(before -> {
                        counts.add(before.team(), TeamCounts.of(RemediationState.valueOf(before.state())), -1);
                        counts.add(before.team(), TeamCounts.of(RemediationState.valueOf(state)), 1);
                    });
        }
        jdbc.batchUpdate("UPDATE team_entry SET state = :state WHERE incident_id = :id AND section = :section "
                         + "AND part_id = :part", rows.toArray(MapSqlParameterSource[]::new));
    }

    /** A team's row of one entry, with the remediation's state where it is one. */
    private record TeamRow(String team, String state) {
    }

    /**
     * The teams' rows of one entry as stored, read before they change: removals and state changes are rare, so a
     * point read each costs less than keeping every row's state in memory.
     */
    private List<TeamRow> teamRowsOf(String incidentId, PartSection section, String partId) {
        return jdbc.query("SELECT team, state FROM team_entry WHERE incident_id = :id AND part_id = :part "
                          + "AND section = :section", key(incidentId, section, partId),
                (rs, row) -> new TeamRow(rs.getString(1), rs.getString(2)));
    }

    private static void uncount(TeamRow row, PartSection section, SharedCounts counts) {
        counts.add(row.team(), TeamCounts.of(section), -1);
        if (row.state() != null) {
            counts.add(row.team(), TeamCounts.of(RemediationState.valueOf(row.state())), -1);
        }
    }

    /** A changed header, with the teams, components and recurrence it had before the change. */
    record HeaderChange(IncidentHeader header, List<String> teamsBefore, List<String> componentsBefore,
                        boolean recurringBefore) {
    }

    void insertHeaders(Collection<IncidentHeader> headers, SharedCounts counts) {
        jdbc.batchUpdate("INSERT INTO incident_view (incident_id, title, severity, status, started_at, version, "
                         + "updated_at, teams, components, header, bucket_year, bucket_month, bucket_week, "
                         + "severity_weight, recurrence) VALUES (:id, :title, :severity, :status, :startedAt, "
                         + ":version, :updatedAt, :teams, :components, :header, :year, :month, :week, :weight, "
                         + ":recurrence)",
                headers.stream().map(this::columns).toArray(MapSqlParameterSource[]::new));
        headers.forEach(header -> {
            replaceTeams(header.view(), List.of(), header.teams(), counts);
            replaceRows("incident_view_component", "component", header.view().id, header.view().components);
            count(counts.hotspots(), new HeaderChange(header, List.of(), List.of(), false));
        });
    }

    void updateHeaders(Collection<HeaderChange> changes, SharedCounts counts) {
        jdbc.batchUpdate("UPDATE incident_view SET title = :title, status = :status, version = :version, "
                         + "updated_at = :updatedAt, teams = :teams, components = :components, header = :header, "
                         + "recurrence = :recurrence WHERE incident_id = :id",
                changes.stream().map(change -> columns(change.header())).toArray(MapSqlParameterSource[]::new));
        for (HeaderChange change : changes) {
            count(counts.hotspots(), change);
            IncidentView view = change.header().view();
            List<String> teams = change.header().teams();
            if (!teams.equals(change.teamsBefore())) {
                replaceTeams(view, change.teamsBefore(), teams, counts);
            }
            if (!view.components.equals(change.componentsBefore())) {
                replaceRows("incident_view_component", "component", view.id, view.components);
            }
        }
    }

    /** What a header's change does to the hot spots: keys that began or stopped counting it, and a new recurrence. */
    private static void count(HotspotCounts.Deltas deltas, HeaderChange change) {
        IncidentHeader header = change.header();
        count(deltas, HotspotTimeline.Dimension.COMPONENT, change.componentsBefore(), header.view().components,
                header, change.recurringBefore());
        count(deltas, HotspotTimeline.Dimension.TEAM, change.teamsBefore(), header.teams(), header,
                change.recurringBefore());
    }

    private static void count(HotspotCounts.Deltas deltas, HotspotTimeline.Dimension dimension, List<String> before,
                              List<String> after, IncidentHeader header, boolean recurringBefore) {
        IncidentView view = header.view();
        Set<String> was = new HashSet<>(before);
        Set<String> is = new HashSet<>(after);
        for (String key : is) {
            if (!was.contains(key)) {
                deltas.count(dimension, key, view.startedAt, 1, view.severity.weight(), header.recurring());
            } else if (header.recurring() && !recurringBefore) {
                deltas.recurs(dimension, key, view.startedAt);
            }
        }
        for (String key : was) {
            if (!is.contains(key)) {
                deltas.count(dimension, key, view.startedAt, -1, view.severity.weight(), recurringBefore);
            }
        }
    }

    void insertParts(Collection<IncidentPart> parts) {
        jdbc.batchUpdate("INSERT INTO incident_part (incident_id, section, part_id, sequence, sort_at, recorded_at, "
                         + "payload) VALUES (:id, :section, :part, :sequence, :sortAt, :recordedAt, :payload)",
                parts.stream().map(this::partColumns).toArray(MapSqlParameterSource[]::new));
    }

    void updateParts(Collection<IncidentPart> parts) {
        jdbc.batchUpdate("UPDATE incident_part SET sort_at = :sortAt, payload = :payload "
                         + "WHERE incident_id = :id AND section = :section AND part_id = :part",
                parts.stream().map(this::partColumns).toArray(MapSqlParameterSource[]::new));
    }

    void deleteParts(Collection<MapSqlParameterSource> keys) {
        jdbc.batchUpdate("DELETE FROM incident_part WHERE incident_id = :id AND section = :section "
                         + "AND part_id = :part", keys.toArray(MapSqlParameterSource[]::new));
    }

    static MapSqlParameterSource key(String incidentId, PartSection section, String partId) {
        return new MapSqlParameterSource("id", incidentId).addValue("section", section.name())
                .addValue("part", partId);
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write incident view", e);
        }
    }

    private <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored incident view is not readable", e);
        }
    }

    private IncidentHeader readHeader(String document) {
        StoredHeader stored = read(document, StoredHeader.class);
        return new IncidentHeader(stored.view(), stored.participants(),
                stored.technicalLinkages() == null ? Map.of() : stored.technicalLinkages(), stored.recurring());
    }

    private IncidentPart part(ResultSet rs) throws SQLException {
        PartSection section = PartSection.valueOf(rs.getString(2));
        Timestamp sortAt = rs.getTimestamp(5);
        return new IncidentPart(rs.getString(1), section, rs.getString(3), rs.getLong(4),
                sortAt == null ? null : sortAt.toInstant(), rs.getTimestamp(6).toInstant(),
                read(rs.getString(7), section.type()));
    }

    private List<String> names(String array) {
        try {
            return json.readValue(array, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored name list is not readable", e);
        }
    }

    private MapSqlParameterSource columns(IncidentHeader header) {
        IncidentView view = header.view();
        return new MapSqlParameterSource()
                .addValue("id", view.id)
                .addValue("title", view.title)
                .addValue("severity", view.severity.name())
                .addValue("status", view.status.name())
                .addValue("startedAt", Timestamp.from(view.startedAt))
                .addValue("version", view.version)
                .addValue("updatedAt", Timestamp.from(view.updatedAt))
                .addValue("teams", write(header.teams()))
                .addValue("components", write(view.components))
                .addValue("header", write(new StoredHeader(view, header.participants(),
                        header.technicalLinkages(), header.recurring())))
                .addValue("year", TimeBucket.YEAR.labelOf(view.startedAt))
                .addValue("month", TimeBucket.MONTH.labelOf(view.startedAt))
                .addValue("week", TimeBucket.WEEK.labelOf(view.startedAt))
                .addValue("weight", view.severity.weight())
                .addValue("recurrence", header.recurring() ? 1 : 0);
    }

    private MapSqlParameterSource partColumns(IncidentPart part) {
        return key(part.incidentId(), part.section(), part.partId())
                .addValue("sequence", part.sequence())
                .addValue("sortAt", part.sortAt() == null ? null : Timestamp.from(part.sortAt()))
                .addValue("recordedAt", Timestamp.from(part.recordedAt()))
                .addValue("payload", write(part.value()));
    }

    private void replaceTeams(IncidentView view, List<String> before, List<String> teams,
                              SharedCounts counts) {
        Set<String> was = new HashSet<>(before);
        Set<String> is = new HashSet<>(teams);
        is.stream().filter(team -> !was.contains(team)).forEach(team -> counts.add(team, TeamCounts.INCIDENTS, 1));
        was.stream().filter(team -> !is.contains(team)).forEach(team -> counts.add(team, TeamCounts.INCIDENTS, -1));
        jdbc.update("DELETE FROM incident_view_team WHERE incident_id = :id", new MapSqlParameterSource("id", view.id));
        jdbc.batchUpdate("INSERT INTO incident_view_team (incident_id, team, started_at) VALUES (:id, :team, :at)",
                teams.stream().distinct().map(team -> new MapSqlParameterSource("id", view.id).addValue("team", team)
                        .addValue("at", Timestamp.from(view.startedAt))).toArray(MapSqlParameterSource[]::new));
    }

    private void replaceRows(String table, String column, String incidentId, List<String> values) {
        jdbc.update("DELETE FROM " + table + " WHERE incident_id = :id", new MapSqlParameterSource("id", incidentId));
        MapSqlParameterSource[] rows = values.stream().distinct()
                .map(value -> new MapSqlParameterSource("id", incidentId).addValue("value", value))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("INSERT INTO " + table + " (incident_id, " + column + ") VALUES (:id, :value)", rows);
    }
}
