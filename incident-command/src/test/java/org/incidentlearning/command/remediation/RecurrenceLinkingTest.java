package org.incidentlearning.command.remediation;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.incidentlearning.command.incident.Incident;
import org.incidentlearning.command.incident.RecentIncidents;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.correction.EntryRetractedEvent;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.incident.AnalysisClosedEvent;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.remediation.LinkRecurrenceCommand;
import org.incidentlearning.kernel.remediation.RecurrenceLinkedEvent;
import org.incidentlearning.kernel.remediation.RemediationCompletedEvent;
import org.incidentlearning.kernel.remediation.RemediationDeclinedEvent;
import org.incidentlearning.kernel.remediation.RemediationPrioritizedEvent;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.remediation.RemediationReopenedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.hamcrest.Matchers.containsString;
import static org.incidentlearning.command.Rejections.assertRejected;
import static org.incidentlearning.command.Rejections.rejectedWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tests for {@link RecurrenceLinking}, the command handler that spans two incidents.
 * <p>
 * An {@link AggregateTestFixture} event-sources one aggregate only, so the fixture holds the <em>recurring</em>
 * incident (the one that gets the {@link RecurrenceLinkedEvent}) and the handler gets a repository that serves that
 * incident from the fixture and every other incident from a second, plain event-sourcing repository over an in-memory
 * store that each test fills with the earlier incident's history.
 */
class RecurrenceLinkingTest {

    private static final String RECURRING = "inc-recurring";
    private static final String EARLIER = "inc-earlier";
    private static final String LATER = "inc-later";
    private static final Instant EARLIER_STARTED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant RECURRING_STARTED = Instant.parse("2026-12-07T14:00:00Z");
    private static final Instant LATER_STARTED = Instant.parse("2026-12-20T09:00:00Z");
    private static final LocalDate REVISIT = LocalDate.parse("2027-06-30");

    private AggregateTestFixture<Incident> fixture;
    private EmbeddedEventStore otherIncidents;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        // Remediation has no equals(); see IncidentTest.
        otherIncidents = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Repository<Incident> others = EventSourcingRepository.builder(Incident.class)
                .eventStore(otherIncidents)
                .build();
        fixture.registerAnnotatedCommandHandler(
                new RecurrenceLinking(new TwoIncidentRepository(fixture.getRepository(), others),
                        new RecentIncidents(10)));
    }

    @AfterEach
    void tearDown() {
        otherIncidents.shutDown();
    }

    /** Serves {@link #RECURRING} from the fixture, every other incident from the second store. */
    private record TwoIncidentRepository(Repository<Incident> fixtureRepository, Repository<Incident> others)
            implements Repository<Incident> {

        private Repository<Incident> of(String incidentId) {
            return RECURRING.equals(incidentId) ? fixtureRepository : others;
        }

        @Override
        public Aggregate<Incident> load(String incidentId) {
            return of(incidentId).load(incidentId);
        }

        @Override
        public Aggregate<Incident> load(String incidentId, Long expectedVersion) {
            return of(incidentId).load(incidentId, expectedVersion);
        }

        @Override
        public Aggregate<Incident> newInstance(Callable<Incident> factoryMethod) throws Exception {
            return fixtureRepository.newInstance(factoryMethod);
        }

        @Override
        public void send(Message<?> message, ScopeDescriptor scopeDescription) throws Exception {
            fixtureRepository.send(message, scopeDescription);
        }

        @Override
        public boolean canResolve(ScopeDescriptor scopeDescription) {
            return fixtureRepository.canResolve(scopeDescription);
        }
    }

    // ---- histories ----

    /** Stores an incident's history in the second store, outside the fixture. */
    private void storeIncident(String incidentId, Object... events) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.length; sequence++) {
            messages.add(new GenericDomainEventMessage<>("Incident", incidentId, sequence, events[sequence]));
        }
        otherIncidents.publish(messages);
    }

    private static IncidentDeclaredEvent declared(String incidentId, Instant startedAt) {
        return new IncidentDeclaredEvent(incidentId, "Checkout outage", Severity.SEV2, startedAt, null, null,
                List.of("payments", "platform"), List.of("checkout-api"));
    }

    /** Proposed by "database", not by a team of the recurring incident, so the deciding team is visibly theirs. */
    private static RemediationProposedEvent proposed(String incidentId, String remediationId) {
        return new RemediationProposedEvent(incidentId, remediationId, "database", "Alert on pool saturation");
    }

    private static RemediationDeclinedEvent declined(String incidentId, String remediationId) {
        return new RemediationDeclinedEvent(incidentId, remediationId, "database", "Pool is being replaced",
                "Another saturation before Q2", REVISIT);
    }

    private void storeEarlierWithDeclinedRemediation() {
        storeIncident(EARLIER, declared(EARLIER, EARLIER_STARTED), proposed(EARLIER, "r-1"),
                declined(EARLIER, "r-1"));
    }

    private static LinkRecurrenceCommand link(String recurrenceId, String ofIncidentId, String remediationId) {
        return new LinkRecurrenceCommand(RECURRING, recurrenceId, ofIncidentId, remediationId, "Same saturation");
    }

    private static RecurrenceLinkedEvent linked(String recurrenceId, String ofIncidentId, String remediationId) {
        return new RecurrenceLinkedEvent(RECURRING, recurrenceId, ofIncidentId, remediationId, "database",
                "Same saturation");
    }

    // ---- linking ----

    @Test
    void linkingToADeclinedRemediationOfAnEarlierIncidentRecordsTheRecurrenceForTheDecidingTeam() {
        storeEarlierWithDeclinedRemediation();

        fixture.given(declared(RECURRING, RECURRING_STARTED))
                .when(link("rec-1", EARLIER, "r-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(linked("rec-1", EARLIER, "r-1"))
                .expectResultMessagePayload(new CommandResult("rec-1", 2, true));
    }

    @Test
    void aTeamInvolvedInTheRecurringIncidentLinksTheRecurrence() {
        storeEarlierWithDeclinedRemediation();

        fixture.given(declared(RECURRING, RECURRING_STARTED))
                .when(link("rec-1", EARLIER, "r-1"), MetaData.with(CommandMetadata.ACTING_TEAM, "platform"))
                .expectEvents(linked("rec-1", EARLIER, "r-1"));
    }

    @Test
    void aTeamNotInvolvedInTheRecurringIncidentMayNotLinkARecurrenceToIt() {
        storeEarlierWithDeclinedRemediation();

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED))
                        .when(link("rec-1", EARLIER, "r-1"), MetaData.with(CommandMetadata.ACTING_TEAM, "database")),
                ErrorCode.NOT_YOUR_TEAM);
    }

    @Test
    void linkingTheSameRemediationAgainIsANoOpAnsweringTheOriginalRecurrence() {
        storeEarlierWithDeclinedRemediation();

        fixture.given(declared(RECURRING, RECURRING_STARTED), linked("rec-1", EARLIER, "r-1"))
                .when(link("rec-2", EARLIER, "r-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult("rec-1", 2, false));
    }

    @Test
    void anotherDeclinedRemediationOfTheSameIncidentIsAnotherRecurrence() {
        storeIncident(EARLIER, declared(EARLIER, EARLIER_STARTED), proposed(EARLIER, "r-1"),
                declined(EARLIER, "r-1"), new RemediationProposedEvent(EARLIER, "r-2", "database", "Load test"),
                declined(EARLIER, "r-2"));

        fixture.given(declared(RECURRING, RECURRING_STARTED), linked("rec-1", EARLIER, "r-1"))
                .when(link("rec-2", EARLIER, "r-2"))
                .expectEvents(linked("rec-2", EARLIER, "r-2"))
                .expectResultMessagePayload(new CommandResult("rec-2", 3, true));
    }

    @Test
    void aProposedRemediationIsNotARecurrenceTarget() {
        storeIncident(EARLIER, declared(EARLIER, EARLIER_STARTED), proposed(EARLIER, "r-1"));

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED)).when(link("rec-1", EARLIER, "r-1")),
                ErrorCode.RECURRENCE_NOT_ALLOWED)
                .expectExceptionMessage(containsString("PROPOSED"));
    }

    @Test
    void aCompletedRemediationIsNotARecurrenceTarget() {
        storeIncident(EARLIER, declared(EARLIER, EARLIER_STARTED), proposed(EARLIER, "r-1"),
                new RemediationCompletedEvent(EARLIER, "r-1", "Alert added"));

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED)).when(link("rec-1", EARLIER, "r-1")),
                ErrorCode.RECURRENCE_NOT_ALLOWED)
                .expectExceptionMessage(containsString("COMPLETED"));
    }

    @Test
    void aRemediationDeclinedThenReopenedIsNotARecurrenceTarget() {
        storeIncident(EARLIER, declared(EARLIER, EARLIER_STARTED), proposed(EARLIER, "r-1"),
                declined(EARLIER, "r-1"), new RemediationReopenedEvent(EARLIER, "r-1", "Decide again"));

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED)).when(link("rec-1", EARLIER, "r-1")),
                ErrorCode.RECURRENCE_NOT_ALLOWED);
    }

    @Test
    void anUnknownRemediationOfTheEarlierIncidentIsRejected() {
        storeEarlierWithDeclinedRemediation();

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED)).when(link("rec-1", EARLIER, "r-404")),
                ErrorCode.UNKNOWN_REMEDIATION)
                .expectExceptionMessage(containsString("r-404"));
    }

    @Test
    void aRetractedRemediationOfTheEarlierIncidentIsUnknown() {
        storeIncident(EARLIER, declared(EARLIER, EARLIER_STARTED), proposed(EARLIER, "r-1"),
                new EntryRetractedEvent(EARLIER, "r-1", EntryKind.REMEDIATION, "Duplicate"));

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED)).when(link("rec-1", EARLIER, "r-1")),
                ErrorCode.UNKNOWN_REMEDIATION);
    }

    @Test
    void anUnknownEarlierIncidentIsRejected() {
        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED))
                        .when(link("rec-1", "inc-404", "r-1")), ErrorCode.UNKNOWN_INCIDENT)
                .expectExceptionMessage(containsString("inc-404"));
    }

    @Test
    void anIncidentThatStartedLaterCannotBeRecurred() {
        storeIncident(LATER, declared(LATER, LATER_STARTED), proposed(LATER, "r-1"), declined(LATER, "r-1"));

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED)).when(link("rec-1", LATER, "r-1")),
                ErrorCode.RECURRENCE_NOT_ALLOWED)
                .expectExceptionMessage(containsString("earlier"));
    }

    @Test
    void anIncidentThatStartedAtTheSameMomentIsNotEarlier() {
        storeIncident(EARLIER, declared(EARLIER, RECURRING_STARTED), proposed(EARLIER, "r-1"),
                declined(EARLIER, "r-1"));

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED)).when(link("rec-1", EARLIER, "r-1")),
                ErrorCode.RECURRENCE_NOT_ALLOWED);
    }

    @Test
    void aStaleExpectedVersionIsReportedBeforeAnythingAboutTheTarget() {
        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED))
                        .when(link("rec-1", "inc-404", "r-1"), MetaData.with(CommandMetadata.EXPECTED_VERSION, 5)),
                ErrorCode.STALE_VERSION);
    }

    @Test
    void anIncidentCannotRecurItself() {
        // Both loads go to the fixture's incident, which has a declined remediation of its own.
        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED), proposed(RECURRING, "r-1"),
                                declined(RECURRING, "r-1"))
                        .when(link("rec-1", RECURRING, "r-1")), ErrorCode.RECURRENCE_NOT_ALLOWED)
                .expectExceptionMessage(containsString("itself"));
    }

    @Test
    void nothingIsLinkedOnAClosedAnalysis() {
        storeEarlierWithDeclinedRemediation();

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED),
                                new AnalysisClosedEvent(RECURRING, "Done"))
                        .when(link("rec-1", EARLIER, "r-1")), ErrorCode.ANALYSIS_CLOSED);
    }

    @Test
    void aStaleExpectedVersionOfTheRecurringIncidentIsRejected() {
        storeEarlierWithDeclinedRemediation();

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED))
                        .when(link("rec-1", EARLIER, "r-1"), MetaData.with(CommandMetadata.EXPECTED_VERSION, 5L)),
                ErrorCode.STALE_VERSION);
    }

    @Test
    void theCurrentExpectedVersionOfTheRecurringIncidentIsAccepted() {
        storeEarlierWithDeclinedRemediation();

        fixture.given(declared(RECURRING, RECURRING_STARTED))
                .when(link("rec-1", EARLIER, "r-1"), MetaData.with(CommandMetadata.EXPECTED_VERSION, 1L))
                .expectEvents(linked("rec-1", EARLIER, "r-1"))
                .expectResultMessagePayload(new CommandResult("rec-1", 2, true));
    }

    @Test
    void theExpectedVersionIsCheckedAgainstTheRecurringIncidentNotTheEarlierOne() {
        // The earlier incident is at version 3; the recurring one at version 1.
        storeEarlierWithDeclinedRemediation();

        assertRejected(fixture.given(declared(RECURRING, RECURRING_STARTED))
                        .when(link("rec-1", EARLIER, "r-1"), MetaData.with(CommandMetadata.EXPECTED_VERSION, 3L)),
                ErrorCode.STALE_VERSION);
    }

    @Test
    void anUnknownRecurringIncidentIsNotFound() {
        storeEarlierWithDeclinedRemediation();

        fixture.givenNoPriorActivity()
                .when(link("rec-1", EARLIER, "r-1"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // ---- the aggregate's side of it, on a fixture-loaded incident ----

    @Test
    void aDeclinedRemediationTellsWhenItsIncidentStartedAndWhichTeamDecided() {
        fixture.given(declared(RECURRING, RECURRING_STARTED), proposed(RECURRING, "r-1"), declined(RECURRING, "r-1"))
                .whenInvoking(RECURRING, incident -> assertEquals(
                        new Incident.DeclinedRemediation(RECURRING_STARTED, "database"),
                        incident.declinedRemediation("r-1")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPrioritizedRemediationCannotBeAskedForAsDeclined() {
        fixture.given(declared(RECURRING, RECURRING_STARTED), proposed(RECURRING, "r-1"),
                        new RemediationPrioritizedEvent(RECURRING, "r-1",
                                RemediationPriority.HIGH, null, null))
                .whenInvoking(RECURRING, incident -> incident.declinedRemediation("r-1"))
                .expectException(rejectedWith(ErrorCode.RECURRENCE_NOT_ALLOWED));
    }
}
