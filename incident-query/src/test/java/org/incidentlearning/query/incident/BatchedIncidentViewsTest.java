package org.incidentlearning.query.incident;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedIncidentViewsTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    /** The database side, recording what reaches it. */
    private static final class RecordedViews extends IncidentViews {
        final Map<String, IncidentHeader> headers = new HashMap<>();
        final Map<String, IncidentPart> parts = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        RecordedViews() {
            super(null, null, null);
        }

        @Override
        public Optional<IncidentHeader> header(String incidentId) {
            calls.add("header " + incidentId);
            return Optional.ofNullable(headers.get(incidentId));
        }

        @Override
        public Optional<IncidentPart> part(String incidentId, PartSection section, String partId) {
            calls.add("part " + partId);
            return Optional.ofNullable(parts.get(partId));
        }

        @Override
        void insertHeaders(Collection<IncidentHeader> inserted, SharedCounts counts) {
            if (!inserted.isEmpty()) {
                calls.add("insert headers " + inserted.stream().map(h -> h.view().id + " v" + h.view().version)
                        .toList());
            }
        }

        @Override
        void updateHeaders(Collection<HeaderChange> changes, SharedCounts counts) {
            if (!changes.isEmpty()) {
                calls.add("update headers " + changes.stream().map(change -> change.header().view().id + " v"
                        + change.header().view().version + " teams " + change.teamsBefore() + " -> "
                        + change.header().teams()).toList());
            }
        }

        @Override
        void insertParts(Collection<IncidentPart> inserted) {
            if (!inserted.isEmpty()) {
                calls.add("insert parts " + inserted.stream().map(p -> p.partId() + "=" + p.value()).toList());
            }
        }

        @Override
        void updateParts(Collection<IncidentPart> updated) {
            if (!updated.isEmpty()) {
                calls.add("update parts " + updated.stream().map(p -> p.partId() + "=" + p.value()).toList());
            }
        }

        @Override
        void insertTeamEntries(Collection<TeamEntry> entries, SharedCounts counts) {
            if (!entries.isEmpty()) {
                calls.add("insert team entries " + entries.stream().map(e -> e.team() + ":" + e.partId()).toList());
            }
        }

        @Override
        void updateRemediationStates(Collection<MapSqlParameterSource> rows, SharedCounts counts) {
            if (!rows.isEmpty()) {
                calls.add("update states " + rows.stream().map(row -> row.getValue("state")).toList());
            }
        }

        @Override
        void deleteTeamEntries(Collection<MapSqlParameterSource> keys, SharedCounts counts) {
            if (!keys.isEmpty()) {
                calls.add("delete team entries " + keys.stream().map(key -> key.getValue("part")).toList());
            }
        }

        @Override
        void deleteTeamEntriesOf(Collection<TeamEntry> entries, SharedCounts counts) {
            if (!entries.isEmpty()) {
                calls.add("delete team entries of " + entries.stream().map(e -> e.team() + ":" + e.partId())
                        .toList());
            }
        }

        /** The counts are the database's own arithmetic; when they are written is what matters here. */
        @Override
        void applyCounts(SharedCounts counts) {
            calls.add("apply counts");
        }

        @Override
        void deleteParts(Collection<MapSqlParameterSource> keys) {
            if (!keys.isEmpty()) {
                calls.add("delete parts " + keys.stream().map(key -> key.getValue("part")).toList());
            }
        }
    }

    @Test
    void aBatchReadsEachHeaderOnceAndWritesEachChangeOnceWhenItCommitsTheSharedCountsLast() {
        RecordedViews database = new RecordedViews();
        database.headers.put("b", header("b", 3, "ops"));
        database.parts.put("kept", part("b", "kept", "as stored"));
        database.parts.put("gone", part("b", "gone", "as stored"));
        BatchedIncidentViews views = new BatchedIncidentViews(database);

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        views.declare(header("a", 1, "dev"));
        for (int version = 2; version <= 4; version++) {
            IncidentHeader a = views.header("a").orElseThrow();
            a.view().version = version;
            views.changed(a);
        }
        for (int version = 4; version <= 5; version++) {
            IncidentHeader b = views.header("b").orElseThrow();
            b.involve("dev", version);
            b.view().version = version;
            views.changed(b);
        }
        views.add(part("a", "new", "first"));
        views.replace(views.part("a", PartSection.CONTEXT, "new").orElseThrow().withValue("then", null));
        views.add(part("a", "brief", "first"));
        views.remove("a", PartSection.CONTEXT, "brief");
        views.replace(views.part("b", PartSection.CONTEXT, "kept").orElseThrow().withValue("changed", null));
        views.remove("b", PartSection.CONTEXT, "gone");
        assertThat(views.part("b", PartSection.CONTEXT, "gone")).isEmpty();
        views.addTeamEntries(List.of(entry("dev", "a", "new"), entry("dev", "a", "brief")));
        views.removeTeamEntries("a", PartSection.CONTEXT, "brief");
        views.remediationState("a", "new", RemediationState.DECLINED);
        // A team leaves and comes back within the batch: its stored row stays as it is.
        views.removeTeamEntries(List.of(entry("ops", "b", "link")));
        views.addTeamEntries(List.of(entry("ops", "b", "link")));
        views.removeTeamEntries(List.of(entry("dev", "b", "link")));
        assertThat(database.calls).containsExactly("header b", "part kept");
        batch.commit();

        assertThat(database.calls).containsExactly("header b", "part kept", "insert headers [a v4]",
                "update headers [b v5 teams [ops] -> [ops, dev]]", "insert parts [new=then]",
                "update parts [kept=changed]", "delete parts [gone]", "insert team entries [dev:new]",
                "update states [DECLINED]", "delete team entries [brief]", "delete team entries of [dev:link]",
                "apply counts");
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        RecordedViews database = new RecordedViews();
        BatchedIncidentViews views = new BatchedIncidentViews(database);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        views.declare(header("a", 1, "dev"));
        views.add(part("a", "new", "first"));
        batch.rollback();
        assertThat(database.calls).isEmpty();
    }

    @Test
    void outsideABatchEveryCallReachesTheDatabase() {
        RecordedViews database = new RecordedViews();
        BatchedIncidentViews views = new BatchedIncidentViews(database);
        views.declare(header("a", 1, "dev"));
        views.add(part("a", "new", "first"));
        views.remove("a", PartSection.CONTEXT, "new");
        assertThat(database.calls).containsExactly("insert headers [a v1]", "apply counts",
                "insert parts [new=first]", "delete parts [new]");
    }

    private static IncidentHeader header(String id, long version, String team) {
        IncidentView view = new IncidentView();
        view.id = id;
        view.version = version;
        view.severity = Severity.SEV3;
        view.declaredTeams = new ArrayList<>(List.of(team));
        view.components = new ArrayList<>();
        IncidentHeader header = new IncidentHeader(view, Map.of(), Map.of(), false);
        header.declared(List.of(team), 0);
        return header;
    }

    private static TeamEntry entry(String team, String incidentId, String partId) {
        return new TeamEntry(team, PartSection.CONTEXT, incidentId, partId, AT);
    }

    private static IncidentPart part(String incidentId, String id, Object value) {
        return new IncidentPart(incidentId, PartSection.CONTEXT, id, 1, null, AT, value);
    }
}
