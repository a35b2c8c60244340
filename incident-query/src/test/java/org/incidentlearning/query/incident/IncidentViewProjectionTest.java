package org.incidentlearning.query.incident;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.context.ContextRecordedEvent;
import org.incidentlearning.kernel.correction.EntryAmendedEvent;
import org.incidentlearning.kernel.correction.EntryRetractedEvent;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.incident.AnalysisClosedEvent;
import org.incidentlearning.kernel.incident.AnalysisReopenedEvent;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.IncidentResolvedEvent;
import org.incidentlearning.kernel.incident.IncidentRevisedEvent;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.linkage.LinkageDiscoveredEvent;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.mentalmodel.DivergenceNotedEvent;
import org.incidentlearning.kernel.mentalmodel.MentalModelRecordedEvent;
import org.incidentlearning.kernel.remediation.RecurrenceLinkedEvent;
import org.incidentlearning.kernel.remediation.RemediationCompletedEvent;
import org.incidentlearning.kernel.remediation.RemediationDeclinedEvent;
import org.incidentlearning.kernel.remediation.RemediationPrioritizedEvent;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.remediation.RemediationReopenedEvent;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.kernel.timeline.CoordinationKind;
import org.incidentlearning.kernel.timeline.CoordinationRecordedEvent;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;
import org.incidentlearning.query.hotspot.HotspotCounts;
import org.incidentlearning.query.hotspot.HotspotTimeline;
import org.incidentlearning.query.hotspot.TimeBucket;
import org.incidentlearning.store.SharedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The projection fed event by event, on the real schema in an in-memory H2. */
class IncidentViewProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-03-03T12:00:00Z");

    private NamedParameterJdbcTemplate jdbc;
    private IncidentViews views;
    private IncidentViewProjection projection;
    private long sequence;

    @BeforeEach
    void freshSchema() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        SharedStore store = new SharedStore(dataSource);
        views = new IncidentViews(jdbc, new HotspotCounts(jdbc, store), new TeamCounts(jdbc, store));
        projection = new IncidentViewProjection(views);
        sequence = 0;
    }

    @Test
    void aDeclaredIncidentIsAnOpenViewAtVersionOne() {
        declare("i-1", T0, List.of("security", "checkout"), List.of("netlib"));

        IncidentView view = views.complete("i-1").orElseThrow();
        assertThat(view.status).isEqualTo(IncidentStatus.OPEN);
        assertThat(view.version).isEqualTo(1);
        assertThat(view.teams).containsExactly("security", "checkout");
        assertThat(view.components).containsExactly("netlib");
        assertThat(view.declaredAt).isEqualTo(RECORDED);
    }

    @Test
    void theTimelineIsOrderedByWhenThingsHappenedNotWhenTheyWereRecorded() {
        declare("i-1", T0, List.of("ops"), List.of());
        projection.on(new TimelineEntryRecordedEvent("i-1", "late", T0.plusSeconds(600), "ops",
                TimelineEntryKind.ACTION, "Rolled back"), RECORDED, ++sequence);
        projection.on(new TimelineEntryRecordedEvent("i-1", "early", T0.plusSeconds(60), "ops",
                TimelineEntryKind.OBSERVATION, "Errors rising"), RECORDED.plusSeconds(5), ++sequence);
        assertThat(views.complete("i-1").orElseThrow().timeline).extracting(e -> e.id).containsExactly("early", "late");

        projection.on(new EntryAmendedEvent("i-1", "early", EntryKind.TIMELINE_ENTRY,
                Map.of("occurredAt", T0.plusSeconds(900).toString()), "Clock skew"), RECORDED, ++sequence);

        IncidentView view = views.complete("i-1").orElseThrow();
        assertThat(view.timeline).extracting(e -> e.id).containsExactly("late", "early");
        assertThat(view.timeline.get(1).amended).isTrue();
        assertThat(view.corrections).extracting(c -> c.action).containsExactly("AMENDED");
        assertThat(view.version).isEqualTo(4);
    }

    @Test
    void aDivergenceNamesTheTeamsWhoseMentalModelsDiverged() {
        declare("i-1", T0, List.of("security"), List.of());
        projection.on(new MentalModelRecordedEvent("i-1", "m-1", "security", "netlib", "Options unused", null),
                RECORDED, ++sequence);
        projection.on(new MentalModelRecordedEvent("i-1", "m-2", "checkout", "netlib", "Pinned version safe", T0),
                RECORDED, ++sequence);
        projection.on(new DivergenceNotedEvent("i-1", "d-1", List.of("m-1", "m-2"), "Beliefs differed",
                "Slow diagnosis"), RECORDED, ++sequence);

        IncidentView view = views.complete("i-1").orElseThrow();
        assertThat(view.divergences.get(0).teams).containsExactly("security", "checkout");
        assertThat(view.divergences.get(0).effect).isEqualTo("Slow diagnosis");
        assertThat(view.teams).containsExactly("security", "checkout");
    }

    @Test
    void aRemediationCarriesItsDecisionsThroughItsLifecycle() {
        declare("i-1", T0, List.of("checkout"), List.of());
        projection.on(new RemediationProposedEvent("i-1", "r-1", "checkout", "Migrate"), RECORDED, ++sequence);
        projection.on(new RemediationPrioritizedEvent("i-1", "r-1", RemediationPriority.LOW, "Later", null),
                RECORDED, ++sequence);
        projection.on(new RemediationDeclinedEvent("i-1", "r-1", "checkout", "Costs a quarter", "Short outages",
                LocalDate.parse("2026-09-01")), RECORDED.plusSeconds(60), ++sequence);

        IncidentView.Remediation declined = views.complete("i-1").orElseThrow().remediations.get(0);
        assertThat(declined.state).isEqualTo(RemediationState.DECLINED);
        assertThat(declined.rationale).isEqualTo("Costs a quarter");
        assertThat(declined.acceptedRisk).isEqualTo("Short outages");
        assertThat(declined.revisitBy).isEqualTo(LocalDate.parse("2026-09-01"));
        assertThat(declined.declinedAt).isEqualTo(RECORDED.plusSeconds(60));

        projection.on(new RemediationReopenedEvent("i-1", "r-1", "Risk grew"), RECORDED, ++sequence);
        projection.on(new RemediationCompletedEvent("i-1", "r-1", "Done"), RECORDED.plusSeconds(120), ++sequence);

        IncidentView.Remediation completed = views.complete("i-1").orElseThrow().remediations.get(0);
        assertThat(completed.state).isEqualTo(RemediationState.COMPLETED);
        assertThat(completed.rationale).isNull();
        assertThat(completed.completionNote).isEqualTo("Done");
        assertThat(completed.completedAt).isEqualTo(RECORDED.plusSeconds(120));
    }

    @Test
    void aRecurrenceShowsOnTheDeclinedRemediationWithoutMovingTheEarlierIncidentsVersion() {
        declare("earlier", T0, List.of("checkout"), List.of());
        projection.on(new RemediationProposedEvent("earlier", "r-1", "checkout", "Migrate"), RECORDED, 1);
        projection.on(new RemediationDeclinedEvent("earlier", "r-1", "checkout", "Costly", "Outages", null),
                RECORDED, 2);
        projection.on(new IncidentDeclaredEvent("later", "Again", Severity.SEV3, T0.plusSeconds(86_400), null, null,
                List.of("checkout"), List.of()), RECORDED, 0);
        projection.on(new RecurrenceLinkedEvent("later", "rec-1", "earlier", "r-1", "checkout", "Same failure"),
                RECORDED.plusSeconds(30), 1);

        IncidentView earlier = views.complete("earlier").orElseThrow();
        assertThat(earlier.version).isEqualTo(3);
        assertThat(earlier.remediations.get(0).recurrences).extracting(r -> r.incidentId).containsExactly("later");
        assertThat(views.document("earlier").orElseThrow()).contains("\"recurrences\":[{\"recurrenceId\":\"rec-1\"");
        IncidentView later = views.complete("later").orElseThrow();
        assertThat(later.recurrenceOf).extracting(r -> r.ofIncidentId).containsExactly("earlier");
        assertThat(later.version).isEqualTo(2);
    }

    @Test
    void aRetractedEntryLeavesTheViewAndTakesItsTeamWithIt() {
        declare("i-1", T0, List.of("ops"), List.of("db"));
        projection.on(new ContextRecordedEvent("i-1", "c-1", "support", ContextKind.PRESSURE, "Queue backlog"),
                RECORDED, ++sequence);
        projection.on(new LinkageDiscoveredEvent("i-1", "l-1", LinkageKind.TECHNICAL, "api", "db", "Calls it",
                "on timeout", true), RECORDED, ++sequence);
        assertThat(views.complete("i-1").orElseThrow().teams).containsExactly("ops", "support");
        assertThat(views.complete("i-1").orElseThrow().components).as("linkage ends belong to the map")
                .containsExactly("db");

        projection.on(new EntryRetractedEvent("i-1", "c-1", EntryKind.CONTEXT, "Wrong incident"), RECORDED,
                ++sequence);

        IncidentView view = views.complete("i-1").orElseThrow();
        assertThat(view.contexts).isEmpty();
        assertThat(view.teams).containsExactly("ops");
        assertThat(view.corrections).extracting(c -> c.reason).containsExactly("Wrong incident");
        assertThat(views.list(new IncidentFilter("support", null, null), 0, 10).total()).isZero();
        assertThat(views.list(new IncidentFilter(null, "db", null), 0, 10).total()).isEqualTo(1);
        assertThat(views.list(new IncidentFilter(null, "api", null), 0, 10).total()).isZero();
    }

    @Test
    void statusFollowsResolutionClosingAndReopening() {
        declare("i-1", T0, List.of("ops"), List.of());
        projection.on(new CoordinationRecordedEvent("i-1", "co-1", "ops", CoordinationKind.HAND_OFF,
                List.of("dba"), "Handed to DBAs", T0), RECORDED, ++sequence);
        projection.on(new IncidentClassifiedEvent("i-1", List.of("database")), RECORDED, ++sequence);
        projection.on(new IncidentResolvedEvent("i-1", T0.plusSeconds(3600), "Index rebuilt"), RECORDED, ++sequence);
        assertThat(views.complete("i-1").orElseThrow().status).isEqualTo(IncidentStatus.RESOLVED);
        projection.on(new AnalysisClosedEvent("i-1", "Learned"), RECORDED, ++sequence);
        assertThat(views.list(new IncidentFilter(null, null, IncidentStatus.CLOSED), 0, 10).total()).isEqualTo(1);
        projection.on(new AnalysisReopenedEvent("i-1", "New facts"), RECORDED, ++sequence);

        IncidentView view = views.complete("i-1").orElseThrow();
        assertThat(view.status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(view.classification).containsExactly("database");
        assertThat(view.teams).containsExactly("ops", "dba");
        assertThat(view.version).isEqualTo(6);
    }

    @Test
    void theListPagesNewestStartFirst() {
        declare("old", T0, List.of("ops"), List.of());
        declare("new", T0.plusSeconds(3600), List.of("ops"), List.of());
        declare("newest", T0.plusSeconds(7200), List.of("ops"), List.of());

        var page = views.list(new IncidentFilter("ops", null, null), 1, 2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(IncidentSummary::id).containsExactly("old");
        assertThat(views.list(new IncidentFilter(null, null, null), 0, 2).items()).extracting(IncidentSummary::id)
                .containsExactly("newest", "new");
    }

    @Test
    void theKeptHotSpotBucketsCountWhatTheIncidentsThemselvesCount() {
        HotspotTimeline hotspots = new HotspotTimeline(jdbc);
        Instant lastYear = Instant.parse("2025-06-30T12:00:00Z");
        declare("a", lastYear, List.of("ops"), List.of("db"));
        projection.on(new ContextRecordedEvent("a", "c-1", "support", ContextKind.PRESSURE, "Backlog"), RECORDED,
                ++sequence);
        projection.on(new ContextRecordedEvent("a", "c-2", "support", ContextKind.CONSTRAINT, "One on call"),
                RECORDED, ++sequence);
        projection.on(new EntryRetractedEvent("a", "c-1", EntryKind.CONTEXT, "Wrong incident"), RECORDED,
                ++sequence);
        declare("b", T0, List.of("ops"), List.of("db", "api"));
        projection.on(new TimelineEntryRecordedEvent("b", "t-1", T0, "dba", TimelineEntryKind.ACTION, "Failover"),
                RECORDED, ++sequence);
        projection.on(new EntryRetractedEvent("b", "t-1", EntryKind.TIMELINE_ENTRY, "Not us"), RECORDED,
                ++sequence);
        projection.on(new IncidentRevisedEvent("b", null, null, List.of("payments"), List.of("cache"), "Later"),
                RECORDED, ++sequence);
        projection.on(new RemediationProposedEvent("a", "r-1", "ops", "Alert"), RECORDED, ++sequence);
        projection.on(new RecurrenceLinkedEvent("b", "rec-1", "a", "r-1", "ops", "Again"), RECORDED, ++sequence);

        Instant before = lastYear.minusSeconds(1);
        for (HotspotTimeline.Dimension by : HotspotTimeline.Dimension.values()) {
            for (TimeBucket bucket : TimeBucket.values()) {
                var kept = hotspots.hotspots(by, bucket, null, null);
                var counted = hotspots.hotspots(by, bucket, before, null);
                assertThat(kept.series()).as(by + " by " + bucket).usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(counted.series().stream().map(series -> new HotspotTimeline.Series(series.key(),
                                series.incidents(), series.score(), series.recurrences(),
                                kept.series().stream().filter(k -> k.key().equals(series.key())).findFirst()
                                        .orElseThrow().trend(), series.points())).toList());
            }
        }
        var teams = hotspots.hotspots(HotspotTimeline.Dimension.TEAM, TimeBucket.YEAR, null, null);
        assertThat(teams.series()).extracting(HotspotTimeline.Series::key)
                .containsExactly("ops", "payments", "support");
        assertThat(teams.series().get(0).recurrences()).as("b recurs a declined remediation").isEqualTo(1);
        assertThat(hotspots.hotspots(HotspotTimeline.Dimension.COMPONENT, TimeBucket.YEAR, null, null).series())
                .extracting(HotspotTimeline.Series::key, HotspotTimeline.Series::incidents)
                .containsExactly(tuple("db", 2L),
                        tuple("api", 1L),
                        tuple("cache", 1L));
    }

    @Test
    void theKeptTeamCountsCountWhatTheTeamsRowsHoldLiveAndInBatches() {
        playTeamStory(projection, "");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        playTeamStory(new IncidentViewProjection(new BatchedIncidentViews(views)), "batched-");
        batch.commit();

        Map<String, Long> counted = new TreeMap<>();
        jdbc.query("SELECT team, 'INCIDENTS', COUNT(*) FROM incident_view_team GROUP BY team", Map.of(),
                rs -> { counted.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)); });
        jdbc.query("SELECT team, section, COUNT(*) FROM team_entry GROUP BY team, section", Map.of(),
                rs -> { counted.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)); });
        jdbc.query("SELECT team, 'STATE_' || state, COUNT(*) FROM team_entry WHERE section = 'REMEDIATION' "
                   + "GROUP BY team, state", Map.of(),
                rs -> { counted.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)); });
        Map<String, Long> kept = new TreeMap<>();
        jdbc.query("SELECT team, item, items FROM team_count WHERE items <> 0", Map.of(),
                rs -> { kept.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)); });

        assertThat(kept).isEqualTo(counted);
        assertThat(views.teamTally("ops").incidents()).isEqualTo(4);
        assertThat(views.teamTally("dba").incidents()).as("left b with its retracted entry, twice").isZero();
        assertThat(views.teamTally("payments").incidents()).isEqualTo(2);
        assertThat(views.teamTally("support").entries()).containsEntry(EntryKind.CONTEXT, 2L);
        assertThat(views.teamTally("checkout").entries()).containsEntry(EntryKind.MENTAL_MODEL, 2L)
                .containsEntry(EntryKind.DIVERGENCE, 2L);
        assertThat(views.teamTally("ops").states()).containsEntry(RemediationState.COMPLETED, 2L)
                .containsEntry(RemediationState.DECLINED, 2L).containsEntry(RemediationState.PROPOSED, 0L);
        assertThat(views.teamTally("ops").entries()).containsEntry(EntryKind.REMEDIATION, 4L);
    }

    /** Rows that come and go: retractions, a team revised away, remediation states moving back and forth. */
    private void playTeamStory(IncidentViewProjection to, String prefix) {
        String a = prefix + "a";
        String b = prefix + "b";
        long at = 0;
        to.on(new IncidentDeclaredEvent(a, "Incident a", Severity.SEV2, T0, null, null, List.of("ops"), List.of()),
                RECORDED, at++);
        to.on(new ContextRecordedEvent(a, "c-1", "support", ContextKind.PRESSURE, "Backlog"), RECORDED, at++);
        to.on(new ContextRecordedEvent(a, "c-2", "support", ContextKind.CONSTRAINT, "One on call"), RECORDED, at++);
        to.on(new EntryRetractedEvent(a, "c-1", EntryKind.CONTEXT, "Wrong incident"), RECORDED, at++);
        to.on(new MentalModelRecordedEvent(a, "m-1", "security", "netlib", "Options unused", null), RECORDED, at++);
        to.on(new MentalModelRecordedEvent(a, "m-2", "checkout", "netlib", "Pinned version safe", T0), RECORDED,
                at++);
        to.on(new DivergenceNotedEvent(a, "d-1", List.of("m-1", "m-2"), "Beliefs differed", "Slow diagnosis"),
                RECORDED, at++);
        to.on(new RemediationProposedEvent(a, "r-1", "ops", "Alert"), RECORDED, at++);
        to.on(new RemediationDeclinedEvent(a, "r-1", "ops", "Costly", "Outages", null), RECORDED, at++);
        to.on(new RemediationReopenedEvent(a, "r-1", "Risk grew"), RECORDED, at++);
        to.on(new RemediationCompletedEvent(a, "r-1", "Done"), RECORDED, at++);
        to.on(new RemediationProposedEvent(a, "r-2", "ops", "Page"), RECORDED, at++);
        to.on(new RemediationDeclinedEvent(a, "r-2", "ops", "Noisy", "Late pages", null), RECORDED, at++);
        to.on(new RemediationProposedEvent(a, "r-3", "ops", "Retracted"), RECORDED, at++);
        to.on(new EntryRetractedEvent(a, "r-3", EntryKind.REMEDIATION, "Duplicate"), RECORDED, at++);
        to.on(new IncidentDeclaredEvent(b, "Incident b", Severity.SEV1, T0, null, null, List.of("ops"), List.of()),
                RECORDED, 0);
        to.on(new TimelineEntryRecordedEvent(b, "t-1", T0, "dba", TimelineEntryKind.ACTION, "Failover"), RECORDED, 1);
        to.on(new IncidentRevisedEvent(b, null, null, List.of("payments"), List.of(), "Later"), RECORDED, 2);
        to.on(new EntryRetractedEvent(b, "t-1", EntryKind.TIMELINE_ENTRY, "Not us"), RECORDED, 3);
    }

    private void declare(String id, Instant startedAt, List<String> teams, List<String> components) {
        projection.on(new IncidentDeclaredEvent(id, "Incident " + id, Severity.SEV2, startedAt, null, null, teams,
                components), RECORDED, 0);
        sequence = 0;
    }
}
