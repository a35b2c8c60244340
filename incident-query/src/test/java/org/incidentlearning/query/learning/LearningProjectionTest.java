package org.incidentlearning.query.learning;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.context.ContextRecordedEvent;
import org.incidentlearning.kernel.correction.EntryAmendedEvent;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.correction.EntryRetractedEvent;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.linkage.LinkageDiscoveredEvent;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.remediation.RecurrenceLinkedEvent;
import org.incidentlearning.kernel.remediation.RemediationDeclinedEvent;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;
import org.incidentlearning.query.map.SocioTechnicalMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The learning projection fed event by event, read through the map, ledger, lens and search it serves. */
class LearningProjectionTest {

    private static final Instant T0 = Instant.parse("2018-03-02T00:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-11-23T10:00:00Z");

    private LearningProjection projection;
    private NamedParameterJdbcTemplate jdbc;
    private SocioTechnicalMap map;
    private RemediationLedger ledger;
    private LearningLens lens;
    private KnowledgeSearch search;

    @BeforeEach
    void freshSchema() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        projection = new LearningProjection(new LearningWrites(jdbc));
        map = new SocioTechnicalMap(jdbc);
        ledger = new RemediationLedger(jdbc);
        lens = new LearningLens(jdbc);
        search = new KnowledgeSearch(jdbc);
    }

    @Test
    void theSameLinkFoundInTwoIncidentsIsOneEdgeDiscoveredInBoth() {
        declare("i-1", T0);
        declare("i-2", T0.plusSeconds(86_400));
        link("i-1", "l-1", "api", "db", "on timeout", false);
        link("i-2", "l-2", "api", "db", "on timeout", true);
        link("i-2", "l-3", "api", "cache", null, false);
        projection.on(new LinkageDiscoveredEvent("i-2", "l-4", LinkageKind.SOCIAL, "support", "security",
                "Need a channel", null, false), RECORDED);

        SocioTechnicalMap.Graph graph = map.graph(null);
        assertThat(graph.edges()).hasSize(3);
        SocioTechnicalMap.Edge apiDb = graph.edges().get(0);
        assertThat(apiDb.discoveredIn()).containsExactly("i-1", "i-2");
        assertThat(apiDb.believedAbsent()).isTrue();
        assertThat(graph.nodes()).extracting(SocioTechnicalMap.Node::id)
                .containsExactly("api", "db", "cache", "support", "security");
        assertThat(graph.nodes()).filteredOn(node -> node.id().equals("support"))
                .extracting(SocioTechnicalMap.Node::kind).containsExactly("TEAM");
        assertThat(map.graph("SOCIAL").edges()).hasSize(1);
        assertThat(SocioTechnicalMap.dot(graph)).contains("\"COMPONENT:api\" -> \"COMPONENT:db\" [label=\"on timeout\", "
                + "style=dashed");
        assertThat(SocioTechnicalMap.mermaid(graph)).contains("n0 -.-> |\"on timeout\"|n1");

        projection.on(new EntryRetractedEvent("i-2", "l-3", EntryKind.LINKAGE, "Wrong"));
        assertThat(map.graph(null).edges()).hasSize(2);
    }

    @Test
    void theLedgerFollowsDecisionsAndCountsRecurrencesWhicheverSegmentRunsFirst() {
        declare("earlier", T0);
        declare("later", T0.plusSeconds(86_400));
        projection.on(new RecurrenceLinkedEvent("later", "rec-1", "earlier", "r-1", "ops", null));
        projection.on(new RemediationProposedEvent("earlier", "r-1", "ops", "Add a breaker"), RECORDED);
        projection.on(new RemediationDeclinedEvent("earlier", "r-1", "ops", "Rare", "Short outages", null),
                RECORDED.plusSeconds(60));
        projection.on(new RemediationProposedEvent("later", "r-2", "dev", "Retry budget"), RECORDED);

        var declined = ledger.items("ops", RemediationState.DECLINED, 0, 10);
        assertThat(declined.total()).isEqualTo(1);
        RemediationLedger.Item item = declined.items().get(0);
        assertThat(item.rationale()).isEqualTo("Rare");
        assertThat(item.acceptedRisk()).isEqualTo("Short outages");
        assertThat(item.recurrences()).isEqualTo(1);
        assertThat(item.incidentTitle()).isEqualTo("Incident earlier");
        assertThat(item.decidedAt()).isEqualTo(RECORDED.plusSeconds(60));
        assertThat(ledger.items(null, null, 0, 10).total()).isEqualTo(2);
    }

    @Test
    void theLensCountsRootCauseAndBlameLanguagePerTeam() {
        declare("i-1", T0);
        projection.on(new TimelineEntryRecordedEvent("i-1", "e-1", T0, "dev", TimelineEntryKind.OBSERVATION,
                "The root cause was a config push; the operator should have checked"), RECORDED);
        projection.on(new ContextRecordedEvent("i-1", "c-1", "dev", ContextKind.PRESSURE,
                "Root cause analysis was rushed"), RECORDED);
        projection.on(new ContextRecordedEvent("i-1", "c-2", "security", ContextKind.CONSTRAINT,
                "No inventory of library versions"), RECORDED);
        projection.on(new IncidentClassifiedEvent("i-1", List.of("change", "change > config")));

        LearningLens.Lens view = lens.lens();
        LearningLens.TeamLanguage dev = view.languageByTeam().get(0);
        assertThat(dev.team()).isEqualTo("dev");
        assertThat(dev.entries()).isEqualTo(2);
        assertThat(dev.rootCause()).isEqualTo(2);
        assertThat(dev.blame()).isEqualTo(1);
        assertThat(dev.rootCausePer100Entries()).isEqualTo(100.0);
        assertThat(dev.blameExamples()).singleElement().extracting(LearningLens.Example::excerpt)
                .asString().contains("should have checked");
        assertThat(view.languageByTeam().get(1).rootCause()).isZero();
        assertThat(view.classifications()).extracting(LearningLens.Classification::label)
                .containsExactlyInAnyOrder("change", "change > config");
        assertThat(view.classifications().get(0).years()).containsExactly(new LearningLens.LabelYear("2018", 1));

        projection.on(new EntryAmendedEvent("i-1", "e-1", EntryKind.TIMELINE_ENTRY,
                Map.of("text", "A config push contributed"), "Blameless wording"), RECORDED);
        assertThat(lens.lens().languageByTeam().get(0).blame()).isZero();
    }

    @Test
    void searchFindsEntriesHoldingEveryWordOfTheQuery() {
        declare("i-1", T0);
        projection.on(new TimelineEntryRecordedEvent("i-1", "e-1", T0, "ops", TimelineEntryKind.ACTION,
                "Restarted the 100% saturated connection pool"), RECORDED);
        projection.on(new TimelineEntryRecordedEvent("i-1", "e-2", T0, "dev", TimelineEntryKind.ACTION,
                "Connection errors on the payment API"), RECORDED);

        assertThat(search.search("CONNECTION pool", null, 0, 10).items())
                .extracting(KnowledgeSearch.Hit::entryId).containsExactly("e-1");
        assertThat(search.search("connection", null, 0, 10).total()).isEqualTo(2);
        assertThat(search.search("connection", "dev", 0, 10).items()).extracting(KnowledgeSearch.Hit::entryId)
                .containsExactly("e-2");
        assertThat(search.search("100%", null, 0, 10).total()).as("% is a character, not a wildcard").isEqualTo(1);
        assertThat(search.search("Incident i-1", null, 0, 10).items()).extracting(KnowledgeSearch.Hit::field)
                .containsExactly("title");
    }

    @Test
    void aBatchOfEventsWritesWhenItCommitsAndItsReadsSeeItsOwnWrites() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        declare("i-1", T0);
        for (int i = 0; i < 3; i++) {
            projection.on(new TimelineEntryRecordedEvent("i-1", "e-" + i, T0, "ops", TimelineEntryKind.ACTION,
                    "Restarted pool " + i), RECORDED);
        }
        assertThat(count("recorded_text")).as("nothing is written before the batch commits").isZero();
        // The classification reads when the incident started, which this batch wrote.
        projection.on(new IncidentClassifiedEvent("i-1", List.of("capacity")));
        projection.on(new TimelineEntryRecordedEvent("i-1", "e-3", T0, "ops", TimelineEntryKind.ACTION,
                "Restarted pool 3"), RECORDED);
        assertThat(count("recorded_text")).as("what the read needed was sent; what came after waits").isEqualTo(4);
        batch.commit();

        assertThat(count("recorded_text")).isEqualTo(5);
        assertThat(lens.lens().classifications()).extracting(LearningLens.Classification::label)
                .containsExactly("capacity");
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        declare("i-1", T0);
        batch.rollback();
        assertThat(count("learning_incident")).isZero();
    }

    private long count(String table) {
        return jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private void declare(String id, Instant startedAt) {
        projection.on(new IncidentDeclaredEvent(id, "Incident " + id, Severity.SEV3, startedAt, null, null,
                List.of("ops"), List.of()), RECORDED);
    }

    private void link(String incident, String id, String from, String to, String condition, boolean absent) {
        projection.on(new LinkageDiscoveredEvent(incident, id, LinkageKind.TECHNICAL, from, to, "Calls it",
                condition, absent), RECORDED);
    }
}
