package org.incidentlearning.command.incident;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.context.ContextRecordedEvent;
import org.incidentlearning.kernel.context.RecordContextCommand;
import org.incidentlearning.kernel.correction.AmendEntryCommand;
import org.incidentlearning.kernel.correction.EntryAmendedEvent;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.correction.EntryRetractedEvent;
import org.incidentlearning.kernel.correction.RetractEntryCommand;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.AnalysisClosedEvent;
import org.incidentlearning.kernel.incident.AnalysisReopenedEvent;
import org.incidentlearning.kernel.incident.ClassifyIncidentCommand;
import org.incidentlearning.kernel.incident.CloseAnalysisCommand;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.kernel.incident.DeclareIncidentCommand;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.IncidentResolvedEvent;
import org.incidentlearning.kernel.incident.IncidentRevisedEvent;
import org.incidentlearning.kernel.incident.ReopenAnalysisCommand;
import org.incidentlearning.kernel.incident.ResolveIncidentCommand;
import org.incidentlearning.kernel.incident.ReviseIncidentCommand;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.linkage.DiscoverLinkageCommand;
import org.incidentlearning.kernel.linkage.LinkageDiscoveredEvent;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.mentalmodel.DivergenceNotedEvent;
import org.incidentlearning.kernel.mentalmodel.MentalModelRecordedEvent;
import org.incidentlearning.kernel.mentalmodel.NoteDivergenceCommand;
import org.incidentlearning.kernel.mentalmodel.RecordMentalModelCommand;
import org.incidentlearning.kernel.remediation.CompleteRemediationCommand;
import org.incidentlearning.kernel.remediation.DecideNotToRemediateCommand;
import org.incidentlearning.kernel.remediation.PrioritizeRemediationCommand;
import org.incidentlearning.kernel.remediation.ProposeRemediationCommand;
import org.incidentlearning.kernel.remediation.RemediationCompletedEvent;
import org.incidentlearning.kernel.remediation.RemediationDeclinedEvent;
import org.incidentlearning.kernel.remediation.RemediationPrioritizedEvent;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.remediation.RemediationReopenedEvent;
import org.incidentlearning.kernel.remediation.ReopenRemediationCommand;
import org.incidentlearning.kernel.timeline.CoordinationKind;
import org.incidentlearning.kernel.timeline.CoordinationRecordedEvent;
import org.incidentlearning.kernel.timeline.RecordCoordinationCommand;
import org.incidentlearning.kernel.timeline.RecordTimelineEntryCommand;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.incidentlearning.command.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Given-when-then tests for the {@link Incident} aggregate: every command's events and {@link CommandResult}, and
 * every rule it enforces. A {@code CommandResult}'s version is the number of events stored after the command.
 */
class IncidentTest {

    private static final String INCIDENT = "inc-1";
    private static final Instant STARTED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant DETECTED = Instant.parse("2026-11-23T08:05:00Z");
    private static final Instant AT_0810 = Instant.parse("2026-11-23T08:10:00Z");
    private static final Instant AT_0820 = Instant.parse("2026-11-23T08:20:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-23T11:30:00Z");
    private static final LocalDate DUE = LocalDate.parse("2026-12-31");
    private static final LocalDate REVISIT = LocalDate.parse("2027-06-30");

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    // ---- fixtures: events ----

    private static IncidentDeclaredEvent declared() {
        return new IncidentDeclaredEvent(INCIDENT, "Checkout outage", Severity.SEV2, STARTED, DETECTED,
                "Payments failed for EU customers", List.of("payments", "platform"), List.of("checkout-api"));
    }

    private static TimelineEntryRecordedEvent timelineRecorded(String entryId) {
        return new TimelineEntryRecordedEvent(INCIDENT, entryId, AT_0810, "payments", TimelineEntryKind.OBSERVATION,
                "Error rate on checkout-api rose to 40%");
    }

    private static RecordTimelineEntryCommand recordTimeline(String entryId) {
        return new RecordTimelineEntryCommand(INCIDENT, entryId, AT_0810, "payments", TimelineEntryKind.OBSERVATION,
                "Error rate on checkout-api rose to 40%");
    }

    private static MentalModelRecordedEvent mentalModelRecorded(String id, String team, String belief) {
        return new MentalModelRecordedEvent(INCIDENT, id, team, "connection-pool", belief, AT_0810);
    }

    private static RecordMentalModelCommand recordMentalModel(String id, String team, String belief) {
        return new RecordMentalModelCommand(INCIDENT, id, team, "connection-pool", belief, AT_0810);
    }

    private static DivergenceNotedEvent divergenceNoted(String id, List<String> models) {
        return new DivergenceNotedEvent(INCIDENT, id, models, "Teams disagreed on pool sizing",
                "Rollback was delayed by 40 minutes");
    }

    private static NoteDivergenceCommand noteDivergence(String id, List<String> models) {
        return new NoteDivergenceCommand(INCIDENT, id, models, "Teams disagreed on pool sizing",
                "Rollback was delayed by 40 minutes");
    }

    private static RemediationProposedEvent proposed(String remediationId) {
        return new RemediationProposedEvent(INCIDENT, remediationId, "payments", "Alert on pool saturation");
    }

    private static RemediationDeclinedEvent declined(String remediationId) {
        return new RemediationDeclinedEvent(INCIDENT, remediationId, "payments", "Pool is being replaced",
                "Another saturation before Q2", REVISIT);
    }

    private static DecideNotToRemediateCommand decline(String remediationId) {
        return new DecideNotToRemediateCommand(INCIDENT, remediationId, "Pool is being replaced",
                "Another saturation before Q2", REVISIT);
    }

    private static CommandResult result(String id, long version, boolean changed) {
        return new CommandResult(id, version, changed);
    }

    private static void assertInvalidOnConstruction(Executable construction, String messagePart) {
        IncidentRejection rejection = assertThrows(IncidentRejection.class, construction);
        assertEquals(ErrorCode.INVALID_INPUT, rejection.code());
        assertThat(rejection.getMessage(), containsString(messagePart));
    }

    @Nested
    @DisplayName("declaring an incident")
    class Declaring {

        private DeclareIncidentCommand declare(Instant detectedAt) {
            return new DeclareIncidentCommand(INCIDENT, "Checkout outage", Severity.SEV2, STARTED, detectedAt,
                    "Payments failed for EU customers", List.of("payments", "platform"), List.of("checkout-api"));
        }

        @Test
        void declaringAnIncidentEmitsIncidentDeclaredAndAnswersItsIdAtVersionOne() {
            fixture.givenNoPriorActivity()
                    .when(declare(DETECTED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(declared())
                    .expectResultMessagePayload(result(INCIDENT, 1, true));
        }

        @Test
        void declaringTheSameIncidentAgainIsANoOp() {
            fixture.given(declared())
                    .when(declare(DETECTED))
                    .expectNoEvents()
                    .expectResultMessagePayload(result(INCIDENT, 1, false));
        }

        @Test
        void declaringAnExistingIncidentWithOtherContentIsAConflict() {
            assertRejected(fixture.given(declared()).when(declare(null)), ErrorCode.INCIDENT_STATE_CONFLICT)
                    .expectExceptionMessage(containsString("revise"));
        }

        @Test
        void aRevisionAddsOnlyWhatIsNew() {
            fixture.given(declared())
                    .when(new ReviseIncidentCommand(INCIDENT, "Checkout outage", "Second write-up",
                            List.of("payments", "sre"), List.of("checkout-api", "ledger"), "Later write-up"))
                    .expectEvents(new IncidentRevisedEvent(INCIDENT, null, "Second write-up", List.of("sre"),
                            List.of("ledger"), "Later write-up"))
                    .expectResultMessagePayload(result(INCIDENT, 2, true));
        }

        @Test
        void aRevisionThatChangesNothingIsANoOp() {
            fixture.given(declared(), new IncidentRevisedEvent(INCIDENT, null, null, List.of(), List.of("ledger"),
                            "Later write-up"))
                    .when(new ReviseIncidentCommand(INCIDENT, null, null, List.of("platform"),
                            List.of("ledger", "checkout-api"), "Imported again"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result(INCIDENT, 2, false));
        }

        @Test
        void detectionBeforeTheStartIsRejected() {
            assertRejected(fixture.givenNoPriorActivity().when(declare(STARTED.minusSeconds(60))),
                    ErrorCode.INVALID_INPUT)
                    .expectExceptionMessage(containsString("detectedAt"));
        }

        @Test
        void detectionAtTheVeryStartIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(declare(STARTED))
                    .expectEvents(new IncidentDeclaredEvent(INCIDENT, "Checkout outage", Severity.SEV2, STARTED,
                            STARTED, "Payments failed for EU customers", List.of("payments", "platform"),
                            List.of("checkout-api")));
        }

        @Test
        void anIncidentCanBeDeclaredWithoutADetectionTime() {
            fixture.givenNoPriorActivity()
                    .when(declare(null))
                    .expectEvents(new IncidentDeclaredEvent(INCIDENT, "Checkout outage", Severity.SEV2, STARTED,
                            null, "Payments failed for EU customers", List.of("payments", "platform"),
                            List.of("checkout-api")));
        }

        @Test
        void declarationWithoutTeamsIsRefusedAtConstruction() {
            assertInvalidOnConstruction(() -> new DeclareIncidentCommand(INCIDENT, "Checkout outage", Severity.SEV2,
                    STARTED, DETECTED, null, List.of(), List.of()), "teams");
        }
    }

    @Nested
    @DisplayName("recording timeline entries and coordination")
    class Timeline {

        @Test
        void recordingATimelineEntryEmitsItAndAnswersVersionTwo() {
            fixture.given(declared())
                    .when(recordTimeline("e-1"))
                    .expectEvents(timelineRecorded("e-1"))
                    .expectResultMessagePayload(result("e-1", 2, true));
        }

        @Test
        void theSameTimelineContentUnderANewIdIsANoOpAnsweringTheOriginalId() {
            fixture.given(declared(), timelineRecorded("e-1"))
                    .when(recordTimeline("e-2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("e-1", 2, false));
        }

        @Test
        void differentContentIsANewEntry() {
            fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new RecordTimelineEntryCommand(INCIDENT, "e-2", AT_0820, "payments",
                            TimelineEntryKind.ACTION, "Rolled back release 42"))
                    .expectEvents(new TimelineEntryRecordedEvent(INCIDENT, "e-2", AT_0820, "payments",
                            TimelineEntryKind.ACTION, "Rolled back release 42"))
                    .expectResultMessagePayload(result("e-2", 3, true));
        }

        @Test
        void reusingAnExistingEntryIdForOtherContentIsAConflict() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new RecordTimelineEntryCommand(INCIDENT, "e-1", AT_0820, "payments",
                            TimelineEntryKind.ACTION, "Rolled back release 42")), ErrorCode.ENTRY_STATE_CONFLICT);
        }

        @Test
        void anIdUsedByAnotherKindOfEntryIsAConflict() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(recordMentalModel("e-1", "payments", "The pool is sized for peak")),
                    ErrorCode.ENTRY_STATE_CONFLICT);
        }

        @Test
        void recordingCoordinationEmitsItAndAnswersTheNewVersion() {
            fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new RecordCoordinationCommand(INCIDENT, "co-1", "payments", CoordinationKind.ESCALATION,
                            List.of("platform"), "Escalated to platform on-call", AT_0820))
                    .expectEvents(new CoordinationRecordedEvent(INCIDENT, "co-1", "payments",
                            CoordinationKind.ESCALATION, List.of("platform"), "Escalated to platform on-call",
                            AT_0820))
                    .expectResultMessagePayload(result("co-1", 3, true));
        }

        @Test
        void theSameCoordinationRecordedAgainIsANoOp() {
            fixture.given(declared(), new CoordinationRecordedEvent(INCIDENT, "co-1", "payments",
                            CoordinationKind.ESCALATION, List.of("platform"), "Escalated to platform on-call", AT_0820))
                    .when(new RecordCoordinationCommand(INCIDENT, "co-2", "payments", CoordinationKind.ESCALATION,
                            List.of("platform"), "Escalated to platform on-call", AT_0820))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("co-1", 2, false));
        }
    }

    @Nested
    @DisplayName("mental models and divergences")
    class MentalModels {

        @Test
        void recordingAMentalModelEmitsItAndAnswersVersionTwo() {
            fixture.given(declared())
                    .when(recordMentalModel("m-1", "payments", "The pool is sized for peak"))
                    .expectEvents(mentalModelRecorded("m-1", "payments", "The pool is sized for peak"))
                    .expectResultMessagePayload(result("m-1", 2, true));
        }

        @Test
        void theSameMentalModelUnderANewIdIsANoOpAnsweringTheOriginalId() {
            fixture.given(declared(), mentalModelRecorded("m-1", "payments", "The pool is sized for peak"))
                    .when(recordMentalModel("m-9", "payments", "The pool is sized for peak"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("m-1", 2, false));
        }

        @Test
        void notingADivergenceBetweenRecordedMentalModelsEmitsIt() {
            fixture.given(declared(),
                            mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                            mentalModelRecorded("m-2", "platform", "The pool autoscales"))
                    .when(noteDivergence("d-1", List.of("m-1", "m-2")))
                    .expectEvents(divergenceNoted("d-1", List.of("m-1", "m-2")))
                    .expectResultMessagePayload(result("d-1", 4, true));
        }

        @Test
        void theSameDivergenceWithItsModelsInAnotherOrderIsANoOp() {
            fixture.given(declared(),
                            mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                            mentalModelRecorded("m-2", "platform", "The pool autoscales"),
                            divergenceNoted("d-1", List.of("m-1", "m-2")))
                    .when(noteDivergence("d-2", List.of("m-2", "m-1")))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("d-1", 4, false));
        }

        @Test
        void aDivergenceNamingAnUnknownMentalModelIsRejected() {
            assertRejected(fixture.given(declared(),
                                    mentalModelRecorded("m-1", "payments", "The pool is sized for peak"))
                            .when(noteDivergence("d-1", List.of("m-1", "m-404"))), ErrorCode.UNKNOWN_MENTAL_MODEL)
                    .expectExceptionMessage(containsString("m-404"));
        }

        @Test
        void aDivergenceNamingAnEntryThatIsNotAMentalModelIsRejected() {
            assertRejected(fixture.given(declared(),
                                    mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                                    timelineRecorded("e-1"))
                            .when(noteDivergence("d-1", List.of("m-1", "e-1"))), ErrorCode.UNKNOWN_MENTAL_MODEL)
                    .expectExceptionMessage(containsString("e-1"));
        }

        @Test
        void aDivergenceNamingARetractedMentalModelIsRejected() {
            assertRejected(fixture.given(declared(),
                                    mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                                    mentalModelRecorded("m-2", "platform", "The pool autoscales"),
                                    new EntryRetractedEvent(INCIDENT, "m-2", EntryKind.MENTAL_MODEL, "Wrong team"))
                            .when(noteDivergence("d-1", List.of("m-1", "m-2"))), ErrorCode.UNKNOWN_MENTAL_MODEL);
        }

        @Test
        void aDivergenceNeedsAtLeastTwoDistinctMentalModels() {
            assertInvalidOnConstruction(() -> noteDivergence("d-1", List.of("m-1", "m-1")), "at least two");
            assertInvalidOnConstruction(() -> noteDivergence("d-1", List.of("m-1")), "at least two");
            assertInvalidOnConstruction(() -> noteDivergence("d-1", List.of()), "at least two");
        }

        @Test
        void duplicateMentalModelIdsAreCollapsedKeepingTheirOrder() {
            assertEquals(List.of("m-2", "m-1"), noteDivergence("d-1", List.of("m-2", "m-1", "m-2")).mentalModelIds());
        }
    }

    @Nested
    @DisplayName("context, classification and linkage")
    class ContextClassificationLinkage {

        @Test
        void recordingContextEmitsItAndAnswersVersionTwo() {
            fixture.given(declared())
                    .when(new RecordContextCommand(INCIDENT, "c-1", "payments", ContextKind.PRESSURE,
                            "Black Friday freeze"))
                    .expectEvents(new ContextRecordedEvent(INCIDENT, "c-1", "payments", ContextKind.PRESSURE,
                            "Black Friday freeze"))
                    .expectResultMessagePayload(result("c-1", 2, true));
        }

        @Test
        void theSameContextUnderANewIdIsANoOpAnsweringTheOriginalId() {
            fixture.given(declared(), new ContextRecordedEvent(INCIDENT, "c-1", "payments", ContextKind.PRESSURE,
                            "Black Friday freeze"))
                    .when(new RecordContextCommand(INCIDENT, "c-2", "payments", ContextKind.PRESSURE,
                            "Black Friday freeze"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("c-1", 2, false));
        }

        @Test
        void classifyingEmitsTheLabelsSorted() {
            fixture.given(declared())
                    .when(new ClassifyIncidentCommand(INCIDENT, Set.of("saturation", "config-change", "database")))
                    .expectEvents(new IncidentClassifiedEvent(INCIDENT,
                            List.of("config-change", "database", "saturation")))
                    .expectResultMessagePayload(result(INCIDENT, 2, true));
        }

        @Test
        void classifyingWithTheSameLabelsIsANoOp() {
            fixture.given(declared(), new IncidentClassifiedEvent(INCIDENT, List.of("database", "saturation")))
                    .when(new ClassifyIncidentCommand(INCIDENT, Set.of("saturation", "database")))
                    .expectNoEvents()
                    .expectResultMessagePayload(result(INCIDENT, 2, false));
        }

        @Test
        void classifyingWithOtherLabelsReplacesTheClassification() {
            fixture.given(declared(), new IncidentClassifiedEvent(INCIDENT, List.of("database", "saturation")))
                    .when(new ClassifyIncidentCommand(INCIDENT, Set.of("database")))
                    .expectEvents(new IncidentClassifiedEvent(INCIDENT, List.of("database")))
                    .expectResultMessagePayload(result(INCIDENT, 3, true));
        }

        @Test
        void discoveringALinkageEmitsItAndAnswersVersionTwo() {
            fixture.given(declared())
                    .when(new DiscoverLinkageCommand(INCIDENT, "l-1", LinkageKind.TECHNICAL, "checkout-api",
                            "legacy-db", "Reads fallback prices", "when cache is cold", true))
                    .expectEvents(new LinkageDiscoveredEvent(INCIDENT, "l-1", LinkageKind.TECHNICAL, "checkout-api",
                            "legacy-db", "Reads fallback prices", "when cache is cold", true))
                    .expectResultMessagePayload(result("l-1", 2, true));
        }

        @Test
        void theSameLinkageDiscoveredAgainIsANoOp() {
            fixture.given(declared(), new LinkageDiscoveredEvent(INCIDENT, "l-1", LinkageKind.TECHNICAL,
                            "checkout-api", "legacy-db", "Reads fallback prices", null, false))
                    .when(new DiscoverLinkageCommand(INCIDENT, "l-2", LinkageKind.TECHNICAL, "checkout-api",
                            "legacy-db", "Reads fallback prices", null, false))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("l-1", 2, false));
        }

        @Test
        void aLinkageFromAThingToItselfIsRejected() {
            assertRejected(fixture.given(declared())
                    .when(new DiscoverLinkageCommand(INCIDENT, "l-1", LinkageKind.SOCIAL, "payments", "payments",
                            "Talks to itself", null, false)), ErrorCode.INVALID_INPUT)
                    .expectExceptionMessage(containsString("payments"));
        }
    }

    @Nested
    @DisplayName("remediations")
    class Remediations {

        @Test
        void proposingARemediationEmitsItAndAnswersVersionTwo() {
            fixture.given(declared())
                    .when(new ProposeRemediationCommand(INCIDENT, "r-1", "payments", "Alert on pool saturation"))
                    .expectEvents(proposed("r-1"))
                    .expectResultMessagePayload(result("r-1", 2, true));
        }

        @Test
        void proposingTheSameRemediationAgainIsANoOpAnsweringTheOriginalId() {
            fixture.given(declared(), proposed("r-1"))
                    .when(new ProposeRemediationCommand(INCIDENT, "r-2", "payments", "Alert on pool saturation"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("r-1", 2, false));
        }

        @Test
        void prioritizingARemediationEmitsIt() {
            fixture.given(declared(), proposed("r-1"))
                    .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.HIGH, "Recurs weekly",
                            DUE))
                    .expectEvents(new RemediationPrioritizedEvent(INCIDENT, "r-1", RemediationPriority.HIGH,
                            "Recurs weekly", DUE))
                    .expectResultMessagePayload(result("r-1", 3, true));
        }

        @Test
        void prioritizingWithTheSamePriorityIsANoOp() {
            fixture.given(declared(), proposed("r-1"), new RemediationPrioritizedEvent(INCIDENT, "r-1",
                            RemediationPriority.HIGH, "Recurs weekly", DUE))
                    .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.HIGH, "Recurs weekly",
                            DUE))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("r-1", 3, false));
        }

        @Test
        void reprioritizingWithAnotherPriorityEmitsIt() {
            fixture.given(declared(), proposed("r-1"), new RemediationPrioritizedEvent(INCIDENT, "r-1",
                            RemediationPriority.HIGH, "Recurs weekly", DUE))
                    .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.LOW, "Rare", null))
                    .expectEvents(new RemediationPrioritizedEvent(INCIDENT, "r-1", RemediationPriority.LOW, "Rare",
                            null))
                    .expectResultMessagePayload(result("r-1", 4, true));
        }

        @Test
        void theSamePriorityWithAnotherRationaleOrDueDateIsANewPrioritization() {
            fixture.given(declared(), proposed("r-1"), new RemediationPrioritizedEvent(INCIDENT, "r-1",
                            RemediationPriority.HIGH, "Recurs weekly", DUE))
                    .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.HIGH, "Recurs daily",
                            DUE.minusDays(14)))
                    .expectEvents(new RemediationPrioritizedEvent(INCIDENT, "r-1", RemediationPriority.HIGH,
                            "Recurs daily", DUE.minusDays(14)))
                    .expectResultMessagePayload(result("r-1", 4, true));
        }

        @Test
        void aDeclinedRemediationCannotBePrioritized() {
            assertRejected(fixture.given(declared(), proposed("r-1"), declined("r-1"))
                    .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.HIGH, null, null)),
                    ErrorCode.REMEDIATION_STATE_CONFLICT);
        }

        @Test
        void aCompletedRemediationCannotBePrioritized() {
            assertRejected(fixture.given(declared(), proposed("r-1"),
                            new RemediationCompletedEvent(INCIDENT, "r-1", "Alert added"))
                    .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.LOW, null, null)),
                    ErrorCode.REMEDIATION_STATE_CONFLICT);
        }

        @Test
        void completingARemediationEmitsIt() {
            fixture.given(declared(), proposed("r-1"))
                    .when(new CompleteRemediationCommand(INCIDENT, "r-1", "Alert added"))
                    .expectEvents(new RemediationCompletedEvent(INCIDENT, "r-1", "Alert added"))
                    .expectResultMessagePayload(result("r-1", 3, true));
        }

        @Test
        void completingAgainWithTheSameNoteIsANoOp() {
            fixture.given(declared(), proposed("r-1"), new RemediationCompletedEvent(INCIDENT, "r-1", "Alert added"))
                    .when(new CompleteRemediationCommand(INCIDENT, "r-1", "Alert added"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("r-1", 3, false));
        }

        @Test
        void completingAgainWithAnotherNoteIsAConflict() {
            assertRejected(fixture.given(declared(), proposed("r-1"),
                            new RemediationCompletedEvent(INCIDENT, "r-1", "Alert added"))
                    .when(new CompleteRemediationCommand(INCIDENT, "r-1", "Dashboard added")),
                    ErrorCode.REMEDIATION_STATE_CONFLICT);
        }

        @Test
        void decliningARemediationEmitsItWithTheOwningTeam() {
            fixture.given(declared(), proposed("r-1"))
                    .when(decline("r-1"))
                    .expectEvents(declined("r-1"))
                    .expectResultMessagePayload(result("r-1", 3, true))
                    .expectState(incident -> assertEquals(new Incident.DeclinedRemediation(STARTED, "payments"),
                            incident.declinedRemediation("r-1")));
        }

        @Test
        void decliningAgainWithTheSameDecisionIsANoOp() {
            fixture.given(declared(), proposed("r-1"), declined("r-1"))
                    .when(decline("r-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("r-1", 3, false));
        }

        @Test
        void decliningAgainWithAnotherDecisionIsAConflict() {
            assertRejected(fixture.given(declared(), proposed("r-1"), declined("r-1"))
                    .when(new DecideNotToRemediateCommand(INCIDENT, "r-1", "Too expensive",
                            "Another saturation before Q2", REVISIT)), ErrorCode.REMEDIATION_STATE_CONFLICT);
        }

        @Test
        void cannotDeclineAnAlreadyCompletedRemediation() {
            assertRejected(fixture.given(declared(), proposed("r-1"),
                            new RemediationCompletedEvent(INCIDENT, "r-1", "Alert added"))
                    .when(decline("r-1")), ErrorCode.REMEDIATION_STATE_CONFLICT)
                    .expectExceptionMessage(containsString("completed"));
        }

        @Test
        void cannotCompleteADeclinedRemediationWithoutReopeningIt() {
            assertRejected(fixture.given(declared(), proposed("r-1"), declined("r-1"))
                    .when(new CompleteRemediationCommand(INCIDENT, "r-1", "Did it anyway")),
                    ErrorCode.REMEDIATION_STATE_CONFLICT)
                    .expectExceptionMessage(containsString("reopen"));
        }

        @Test
        void reopeningADeclinedRemediationEmitsIt() {
            fixture.given(declared(), proposed("r-1"), declined("r-1"))
                    .when(new ReopenRemediationCommand(INCIDENT, "r-1", "Replacement was cancelled"))
                    .expectEvents(new RemediationReopenedEvent(INCIDENT, "r-1", "Replacement was cancelled"))
                    .expectResultMessagePayload(result("r-1", 4, true));
        }

        @Test
        void afterReopeningADeclinedRemediationItCanBeCompleted() {
            fixture.given(declared(), proposed("r-1"), declined("r-1"),
                            new RemediationReopenedEvent(INCIDENT, "r-1", "Replacement was cancelled"))
                    .when(new CompleteRemediationCommand(INCIDENT, "r-1", "Alert added"))
                    .expectEvents(new RemediationCompletedEvent(INCIDENT, "r-1", "Alert added"))
                    .expectResultMessagePayload(result("r-1", 5, true));
        }

        @Test
        void afterReopeningACompletedRemediationItCanBeDeclined() {
            fixture.given(declared(), proposed("r-1"), new RemediationCompletedEvent(INCIDENT, "r-1", "Alert added"),
                            new RemediationReopenedEvent(INCIDENT, "r-1", "Alert was too noisy"))
                    .when(decline("r-1"))
                    .expectEvents(declined("r-1"))
                    .expectResultMessagePayload(result("r-1", 5, true));
        }

        @Test
        void reopeningARemediationThatIsStillOpenIsANoOp() {
            fixture.given(declared(), proposed("r-1"))
                    .when(new ReopenRemediationCommand(INCIDENT, "r-1", "Just in case"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("r-1", 2, false));
        }

        @Test
        void decliningNeedsARationaleAndAnAcceptedRisk() {
            assertInvalidOnConstruction(() -> new DecideNotToRemediateCommand(INCIDENT, "r-1", "  ",
                    "Another saturation", null), "rationale");
            assertInvalidOnConstruction(() -> new DecideNotToRemediateCommand(INCIDENT, "r-1", null,
                    "Another saturation", null), "rationale");
            assertInvalidOnConstruction(() -> new DecideNotToRemediateCommand(INCIDENT, "r-1", "Too expensive",
                    "", null), "acceptedRisk");
            assertInvalidOnConstruction(() -> new DecideNotToRemediateCommand(INCIDENT, "r-1", "Too expensive",
                    null, null), "acceptedRisk");
        }

        static Stream<Arguments> commandsOnAnUnknownRemediation() {
            return Stream.of(
                    arguments(new PrioritizeRemediationCommand(INCIDENT, "r-404", RemediationPriority.HIGH, null,
                            null)),
                    arguments(new CompleteRemediationCommand(INCIDENT, "r-404", "Done")),
                    arguments(new DecideNotToRemediateCommand(INCIDENT, "r-404", "Too expensive", "Recurrence",
                            null)),
                    arguments(new ReopenRemediationCommand(INCIDENT, "r-404", "Try again")));
        }

        @ParameterizedTest
        @MethodSource("commandsOnAnUnknownRemediation")
        void aCommandOnAnUnknownRemediationIsRejected(Object command) {
            assertRejected(fixture.given(declared(), proposed("r-1")).when(command), ErrorCode.UNKNOWN_REMEDIATION)
                    .expectExceptionMessage(containsString("r-404"));
        }

        @Test
        void aRetractedRemediationIsUnknown() {
            assertRejected(fixture.given(declared(), proposed("r-1"),
                            new EntryRetractedEvent(INCIDENT, "r-1", EntryKind.REMEDIATION, "Duplicate"))
                    .when(new CompleteRemediationCommand(INCIDENT, "r-1", "Done")), ErrorCode.UNKNOWN_REMEDIATION);
        }

        @Test
        void anEntryThatIsNotARemediationIsAnUnknownRemediation() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new CompleteRemediationCommand(INCIDENT, "e-1", "Done")), ErrorCode.UNKNOWN_REMEDIATION);
        }
    }

    @Nested
    @DisplayName("resolving the incident")
    class Resolving {

        @Test
        void resolvingEmitsIncidentResolved() {
            fixture.given(declared())
                    .when(new ResolveIncidentCommand(INCIDENT, RESOLVED, "Rolled back"))
                    .expectEvents(new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"))
                    .expectResultMessagePayload(result(INCIDENT, 2, true));
        }

        @Test
        void resolvingAgainWithTheSameDataIsANoOp() {
            fixture.given(declared(), new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"))
                    .when(new ResolveIncidentCommand(INCIDENT, RESOLVED, "Rolled back"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result(INCIDENT, 2, false));
        }

        @Test
        void resolvingAgainAtAnotherTimeIsAConflict() {
            assertRejected(fixture.given(declared(), new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"))
                    .when(new ResolveIncidentCommand(INCIDENT, RESOLVED.plusSeconds(60), "Rolled back")),
                    ErrorCode.INCIDENT_STATE_CONFLICT);
        }

        @Test
        void resolvingAgainWithAnotherResolutionIsAConflict() {
            assertRejected(fixture.given(declared(), new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"))
                    .when(new ResolveIncidentCommand(INCIDENT, RESOLVED, "Scaled the pool")),
                    ErrorCode.INCIDENT_STATE_CONFLICT);
        }

        @Test
        void resolvingWithoutATimeMeansWhenItIsRecordedAndRepeatingItIsANoOp() {
            fixture.given(declared(), new IncidentResolvedEvent(INCIDENT, null, "Rolled back"))
                    .when(new ResolveIncidentCommand(INCIDENT, null, "Rolled back"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result(INCIDENT, 2, false));
        }

        @Test
        void resolvingWithoutATimeEmitsNoTime() {
            fixture.given(declared())
                    .when(new ResolveIncidentCommand(INCIDENT, null, null))
                    .expectEvents(new IncidentResolvedEvent(INCIDENT, null, null))
                    .expectResultMessagePayload(result(INCIDENT, 2, true));
        }

        @Test
        void resolutionBeforeTheStartIsRejected() {
            assertRejected(fixture.given(declared())
                    .when(new ResolveIncidentCommand(INCIDENT, STARTED.minusSeconds(1), "Rolled back")),
                    ErrorCode.INVALID_INPUT)
                    .expectExceptionMessage(containsString("resolvedAt"));
        }
    }

    @Nested
    @DisplayName("closing and reopening the analysis")
    class ClosingAnalysis {

        @Test
        void closingTheAnalysisEmitsIt() {
            fixture.given(declared(), new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"))
                    .when(new CloseAnalysisCommand(INCIDENT, "Pool sizing is a shared decision now"))
                    .expectEvents(new AnalysisClosedEvent(INCIDENT, "Pool sizing is a shared decision now"))
                    .expectResultMessagePayload(result(INCIDENT, 3, true));
        }

        @Test
        void closingTwiceWithTheSameConclusionIsANoOp() {
            fixture.given(declared(), new AnalysisClosedEvent(INCIDENT, "Done"))
                    .when(new CloseAnalysisCommand(INCIDENT, "Done"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result(INCIDENT, 2, false));
        }

        @Test
        void closingAClosedAnalysisWithAnotherConclusionIsRejected() {
            assertRejected(fixture.given(declared(), new AnalysisClosedEvent(INCIDENT, "Done"))
                    .when(new CloseAnalysisCommand(INCIDENT, "Something else")), ErrorCode.ANALYSIS_CLOSED);
        }

        @Test
        void reopeningAClosedAnalysisEmitsIt() {
            fixture.given(declared(), new AnalysisClosedEvent(INCIDENT, "Done"))
                    .when(new ReopenAnalysisCommand(INCIDENT, "New facts"))
                    .expectEvents(new AnalysisReopenedEvent(INCIDENT, "New facts"))
                    .expectResultMessagePayload(result(INCIDENT, 3, true));
        }

        @Test
        void reopeningAnAnalysisThatIsNotClosedIsANoOp() {
            fixture.given(declared(), new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"))
                    .when(new ReopenAnalysisCommand(INCIDENT, "New facts"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result(INCIDENT, 2, false));
        }

        @Test
        void afterReopeningTheAnalysisEntriesCanBeRecordedAgain() {
            fixture.given(declared(), new AnalysisClosedEvent(INCIDENT, "Done"),
                            new AnalysisReopenedEvent(INCIDENT, "New facts"))
                    .when(recordTimeline("e-1"))
                    .expectEvents(timelineRecorded("e-1"))
                    .expectResultMessagePayload(result("e-1", 4, true));
        }

        @Test
        void aResolvedIncidentIsStillResolvedAfterCloseAndReopen() {
            // Still RESOLVED with the same data: repeating the resolution is a no-op, not a new resolution.
            fixture.given(declared(), new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"),
                            new AnalysisClosedEvent(INCIDENT, "Done"), new AnalysisReopenedEvent(INCIDENT, "New facts"))
                    .when(new ResolveIncidentCommand(INCIDENT, RESOLVED, "Rolled back"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result(INCIDENT, 4, false));
        }

        @Test
        void aResolvedIncidentReopenedCannotBeResolvedAgainDifferently() {
            assertRejected(fixture.given(declared(), new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"),
                                    new AnalysisClosedEvent(INCIDENT, "Done"),
                                    new AnalysisReopenedEvent(INCIDENT, "New facts"))
                            .when(new ResolveIncidentCommand(INCIDENT, RESOLVED.plusSeconds(600), "Rolled back")),
                    ErrorCode.INCIDENT_STATE_CONFLICT);
        }

        @Test
        void anUnresolvedIncidentIsOpenAfterCloseAndReopen() {
            fixture.given(declared(), new AnalysisClosedEvent(INCIDENT, "Done"),
                            new AnalysisReopenedEvent(INCIDENT, "New facts"))
                    .when(new ResolveIncidentCommand(INCIDENT, RESOLVED, "Rolled back"))
                    .expectEvents(new IncidentResolvedEvent(INCIDENT, RESOLVED, "Rolled back"))
                    .expectResultMessagePayload(result(INCIDENT, 4, true));
        }

        @Test
        void afterReopeningClosingWithTheFormerConclusionClosesAgain() {
            fixture.given(declared(), new AnalysisClosedEvent(INCIDENT, "Done"),
                            new AnalysisReopenedEvent(INCIDENT, "New facts"))
                    .when(new CloseAnalysisCommand(INCIDENT, "Done"))
                    .expectEvents(new AnalysisClosedEvent(INCIDENT, "Done"))
                    .expectResultMessagePayload(result(INCIDENT, 4, true));
        }

        static Stream<Arguments> commandsThatRecordSomething() {
            return Stream.of(
                    arguments(new RecordTimelineEntryCommand(INCIDENT, "e-2", AT_0820, "payments",
                            TimelineEntryKind.ACTION, "Rolled back")),
                    arguments(recordTimeline("e-9")),
                    arguments(recordMentalModel("m-3", "payments", "Nothing changed")),
                    arguments(noteDivergence("d-1", List.of("m-1", "m-2"))),
                    arguments(new RecordContextCommand(INCIDENT, "c-1", "payments", ContextKind.PRESSURE, "Freeze")),
                    arguments(new RecordCoordinationCommand(INCIDENT, "co-1", "payments", CoordinationKind.HAND_OFF,
                            List.of("platform"), "Handed off", AT_0820)),
                    arguments(new DiscoverLinkageCommand(INCIDENT, "l-1", LinkageKind.SOCIAL, "payments",
                            "platform", "Share an on-call", null, false)),
                    arguments(new ProposeRemediationCommand(INCIDENT, "r-2", "payments", "Load test")),
                    arguments(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.HIGH, null,
                            null)),
                    arguments(new CompleteRemediationCommand(INCIDENT, "r-1", "Done")),
                    arguments(decline("r-1")),
                    arguments(new ClassifyIncidentCommand(INCIDENT, Set.of("saturation"))),
                    arguments(new ResolveIncidentCommand(INCIDENT, RESOLVED, "Rolled back")),
                    arguments(new AmendEntryCommand(INCIDENT, "e-1", Map.of("text", "Error rate rose to 45%"),
                            "Typo")),
                    arguments(new RetractEntryCommand(INCIDENT, "e-1", "Wrong incident")));
        }

        @ParameterizedTest
        @MethodSource("commandsThatRecordSomething")
        void nothingIsRecordedOnAClosedAnalysis(Object command) {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"),
                                    mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                                    mentalModelRecorded("m-2", "platform", "The pool autoscales"),
                                    proposed("r-1"), new AnalysisClosedEvent(INCIDENT, "Done"))
                            .when(command), ErrorCode.ANALYSIS_CLOSED)
                    .expectExceptionMessage(containsString("closed"));
        }

        @Test
        void aDeclinedRemediationCannotBeReopenedOnAClosedAnalysis() {
            assertRejected(fixture.given(declared(), proposed("r-1"), declined("r-1"),
                            new AnalysisClosedEvent(INCIDENT, "Done"))
                    .when(new ReopenRemediationCommand(INCIDENT, "r-1", "Try again")), ErrorCode.ANALYSIS_CLOSED);
        }
    }

    @Nested
    @DisplayName("amending entries")
    class Amending {

        @Test
        void amendingATimelineEntryEmitsTheKindAndNormalizedValues() {
            fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1",
                            Map.of("occurredAt", "2026-11-23T10:15:00+01:00", "kind", "ACTION"), "Wrong clock"))
                    .expectEvents(new EntryAmendedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY,
                            Map.of("occurredAt", "2026-11-23T09:15:00Z", "kind", "ACTION"), "Wrong clock"))
                    .expectResultMessagePayload(result("e-1", 3, true));
        }

        @Test
        void amendingAMentalModelNormalizesHeldAt() {
            fixture.given(declared(), mentalModelRecorded("m-1", "payments", "The pool is sized for peak"))
                    .when(new AmendEntryCommand(INCIDENT, "m-1",
                            Map.of("heldAt", "2026-11-22T23:30:00-05:00", "belief", "The pool is static"),
                            "Interview notes"))
                    .expectEvents(new EntryAmendedEvent(INCIDENT, "m-1", EntryKind.MENTAL_MODEL,
                            Map.of("heldAt", "2026-11-23T04:30:00Z", "belief", "The pool is static"),
                            "Interview notes"))
                    .expectResultMessagePayload(result("m-1", 3, true));
        }

        @Test
        void amendingARemediationDescriptionCarriesTheRemediationKind() {
            fixture.given(declared(), proposed("r-1"), declined("r-1"))
                    .when(new AmendEntryCommand(INCIDENT, "r-1", Map.of("description", "Alert at 80% pool usage"),
                            "Be precise"))
                    .expectEvents(new EntryAmendedEvent(INCIDENT, "r-1", EntryKind.REMEDIATION,
                            Map.of("description", "Alert at 80% pool usage"), "Be precise"))
                    .expectResultMessagePayload(result("r-1", 4, true));
        }

        @Test
        void recordingWhatAnAmendedEntryNowSaysIsANoOp() {
            fixture.given(declared(), timelineRecorded("e-1"),
                            new EntryAmendedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY,
                                    Map.of("text", "Error rate rose to 60%"), "Misread the dashboard"))
                    .when(new RecordTimelineEntryCommand(INCIDENT, "e-2", AT_0810, "payments",
                            TimelineEntryKind.OBSERVATION, "Error rate rose to 60%"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("e-1", 3, false));
        }

        @Test
        void afterAnAmendmentTheOriginalContentCanBeRecordedAsANewEntry() {
            fixture.given(declared(), timelineRecorded("e-1"),
                            new EntryAmendedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY,
                                    Map.of("text", "Error rate rose to 60%"), "Misread the dashboard"))
                    .when(recordTimeline("e-2"))
                    .expectEvents(timelineRecorded("e-2"))
                    .expectResultMessagePayload(result("e-2", 4, true));
        }

        @Test
        void amendingAnUnknownEntryIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new AmendEntryCommand(INCIDENT, "e-404", Map.of("text", "Other"), "Typo")),
                    ErrorCode.UNKNOWN_ENTRY)
                    .expectExceptionMessage(containsString("e-404"));
        }

        @Test
        void amendingARetractedEntryIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"),
                            new EntryRetractedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY, "Wrong incident"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("text", "Other"), "Typo")),
                    ErrorCode.UNKNOWN_ENTRY);
        }

        @Test
        void aFieldThatIsNotAmendableIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("team", "platform"), "Wrong team")),
                    ErrorCode.INVALID_INPUT)
                    .expectExceptionMessage(containsString("team"));
        }

        @Test
        void aFieldAmendableOnAnotherKindIsNotAmendableOnThisOne() {
            assertRejected(fixture.given(declared(), proposed("r-1"))
                    .when(new AmendEntryCommand(INCIDENT, "r-1", Map.of("text", "Other"), "Typo")),
                    ErrorCode.INVALID_INPUT);
        }

        @Test
        void aTimestampThatIsNotIsoWithOffsetIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("occurredAt", "23/11/2026 10:15"),
                            "Wrong clock")), ErrorCode.INVALID_INPUT)
                    .expectExceptionMessage(containsString("occurredAt"));
        }

        @Test
        void aTimestampWithoutOffsetIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("occurredAt", "2026-11-23T10:15:00"),
                            "Wrong clock")), ErrorCode.INVALID_INPUT);
        }

        @Test
        void anUnknownKindValueIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("kind", "PRESSURE"), "Wrong kind")),
                    ErrorCode.INVALID_INPUT)
                    .expectExceptionMessage(containsString("PRESSURE"));
        }

        @Test
        void aContextKindIsCheckedAgainstContextKinds() {
            fixture.given(declared(), new ContextRecordedEvent(INCIDENT, "c-1", "payments", ContextKind.PRESSURE,
                            "Black Friday freeze"))
                    .when(new AmendEntryCommand(INCIDENT, "c-1", Map.of("kind", "CONSTRAINT"), "Was a constraint"))
                    .expectEvents(new EntryAmendedEvent(INCIDENT, "c-1", EntryKind.CONTEXT,
                            Map.of("kind", "CONSTRAINT"), "Was a constraint"));
        }

        @Test
        void aBlankValueIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("text", " "), "Typo")),
                    ErrorCode.INVALID_INPUT);
        }

        @Test
        void repeatingTheSameAmendmentIsANoOp() {
            fixture.given(declared(), timelineRecorded("e-1"), new EntryAmendedEvent(INCIDENT, "e-1",
                            EntryKind.TIMELINE_ENTRY, Map.of("occurredAt", "2026-11-23T09:15:00Z"), "Wrong clock"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("occurredAt", "2026-11-23T10:15:00+01:00"),
                            "Wrong clock"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("e-1", 3, false));
        }

        @Test
        void anAmendmentWithAnotherValueIsANewAmendment() {
            fixture.given(declared(), timelineRecorded("e-1"), new EntryAmendedEvent(INCIDENT, "e-1",
                            EntryKind.TIMELINE_ENTRY, Map.of("occurredAt", "2026-11-23T09:15:00Z"), "Wrong clock"))
                    .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("occurredAt", "2026-11-23T09:20:00Z"),
                            "Wrong clock"))
                    .expectEvents(new EntryAmendedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY,
                            Map.of("occurredAt", "2026-11-23T09:20:00Z"), "Wrong clock"))
                    .expectResultMessagePayload(result("e-1", 4, true));
        }

        @Test
        void anAmendmentNeedsChangesAndAReason() {
            assertInvalidOnConstruction(() -> new AmendEntryCommand(INCIDENT, "e-1", Map.of(), "Typo"), "changes");
            assertInvalidOnConstruction(() -> new AmendEntryCommand(INCIDENT, "e-1", Map.of("text", "x"), ""),
                    "reason");
        }
    }

    @Nested
    @DisplayName("retracting entries")
    class Retracting {

        @Test
        void retractingATimelineEntryEmitsItWithItsKind() {
            fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new RetractEntryCommand(INCIDENT, "e-1", "Wrong incident"))
                    .expectEvents(new EntryRetractedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY,
                            "Wrong incident"))
                    .expectResultMessagePayload(result("e-1", 3, true));
        }

        @Test
        void retractingADivergenceEmitsItWithTheDivergenceKind() {
            fixture.given(declared(),
                            mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                            mentalModelRecorded("m-2", "platform", "The pool autoscales"),
                            divergenceNoted("d-1", List.of("m-1", "m-2")))
                    .when(new RetractEntryCommand(INCIDENT, "d-1", "Not a divergence"))
                    .expectEvents(new EntryRetractedEvent(INCIDENT, "d-1", EntryKind.DIVERGENCE,
                            "Not a divergence"))
                    .expectResultMessagePayload(result("d-1", 5, true));
        }

        @Test
        void retractingTheSameEntryAgainIsANoOp() {
            fixture.given(declared(), timelineRecorded("e-1"),
                            new EntryRetractedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY, "Wrong incident"))
                    .when(new RetractEntryCommand(INCIDENT, "e-1", "Wrong incident"))
                    .expectNoEvents()
                    .expectResultMessagePayload(result("e-1", 3, false));
        }

        @Test
        void aRetractedEntrysIdIsNeverReused() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"),
                                    new EntryRetractedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY, "Wrong"))
                            .when(new RecordContextCommand(INCIDENT, "e-1", "payments", ContextKind.PRESSURE,
                                    "Peak season")),
                    ErrorCode.ENTRY_STATE_CONFLICT);
        }

        @Test
        void retractingAnUnknownEntryIsRejected() {
            assertRejected(fixture.given(declared())
                    .when(new RetractEntryCommand(INCIDENT, "e-404", "Wrong incident")), ErrorCode.UNKNOWN_ENTRY);
        }

        @Test
        void aMentalModelPartOfADivergenceCannotBeRetracted() {
            assertRejected(fixture.given(declared(),
                                    mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                                    mentalModelRecorded("m-2", "platform", "The pool autoscales"),
                                    divergenceNoted("d-1", List.of("m-1", "m-2")))
                            .when(new RetractEntryCommand(INCIDENT, "m-2", "Wrong team")),
                    ErrorCode.ENTRY_STATE_CONFLICT)
                    .expectExceptionMessage(containsString("d-1"));
        }

        @Test
        void aMentalModelCanBeRetractedOnceItsDivergenceIsRetracted() {
            fixture.given(declared(),
                            mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                            mentalModelRecorded("m-2", "platform", "The pool autoscales"),
                            divergenceNoted("d-1", List.of("m-1", "m-2")),
                            new EntryRetractedEvent(INCIDENT, "d-1", EntryKind.DIVERGENCE, "Not a divergence"))
                    .when(new RetractEntryCommand(INCIDENT, "m-2", "Wrong team"))
                    .expectEvents(new EntryRetractedEvent(INCIDENT, "m-2", EntryKind.MENTAL_MODEL, "Wrong team"))
                    .expectResultMessagePayload(result("m-2", 6, true));
        }

        @Test
        void aDeclinedRemediationCannotBeRetracted() {
            assertRejected(fixture.given(declared(), proposed("r-1"), declined("r-1"))
                    .when(new RetractEntryCommand(INCIDENT, "r-1", "Duplicate")), ErrorCode.ENTRY_STATE_CONFLICT)
                    .expectExceptionMessage(containsString("DECLINED"));
        }

        @Test
        void aCompletedRemediationCannotBeRetracted() {
            assertRejected(fixture.given(declared(), proposed("r-1"),
                            new RemediationCompletedEvent(INCIDENT, "r-1", "Alert added"))
                    .when(new RetractEntryCommand(INCIDENT, "r-1", "Duplicate")), ErrorCode.ENTRY_STATE_CONFLICT);
        }

        @Test
        void aReopenedRemediationCanBeRetracted() {
            fixture.given(declared(), proposed("r-1"), declined("r-1"),
                            new RemediationReopenedEvent(INCIDENT, "r-1", "Decide again"))
                    .when(new RetractEntryCommand(INCIDENT, "r-1", "Duplicate"))
                    .expectEvents(new EntryRetractedEvent(INCIDENT, "r-1", EntryKind.REMEDIATION, "Duplicate"))
                    .expectResultMessagePayload(result("r-1", 5, true));
        }

        @Test
        void afterRetractingATimelineEntryTheSameContentCanBeRecordedAgain() {
            fixture.given(declared(), timelineRecorded("e-1"),
                            new EntryRetractedEvent(INCIDENT, "e-1", EntryKind.TIMELINE_ENTRY, "Recorded twice"))
                    .when(recordTimeline("e-2"))
                    .expectEvents(timelineRecorded("e-2"))
                    .expectResultMessagePayload(result("e-2", 4, true));
        }

        @Test
        void afterAmendingAnEntryItsOriginalContentIsNoLongerADuplicate() {
            fixture.given(declared(), timelineRecorded("e-1"), new EntryAmendedEvent(INCIDENT, "e-1",
                            EntryKind.TIMELINE_ENTRY, Map.of("text", "Error rate rose to 45%"), "Typo"))
                    .when(recordTimeline("e-2"))
                    .expectEvents(timelineRecorded("e-2"))
                    .expectResultMessagePayload(result("e-2", 4, true));
        }
    }

    @Nested
    @DisplayName("If-Match: the expected version")
    class ExpectedVersion {

        @Test
        void aStaleExpectedVersionIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                            .when(new ClassifyIncidentCommand(INCIDENT, Set.of("database")),
                                    MetaData.with(CommandMetadata.EXPECTED_VERSION, 5L)),
                    ErrorCode.STALE_VERSION)
                    .expectExceptionMessage(containsString("version 2"));
        }

        @Test
        void anExpectedVersionBehindTheIncidentIsRejected() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                            .when(recordMentalModel("m-1", "payments", "The pool is sized for peak"),
                                    MetaData.with(CommandMetadata.EXPECTED_VERSION, 1L)),
                    ErrorCode.STALE_VERSION);
        }

        @Test
        void theCurrentExpectedVersionIsAccepted() {
            fixture.given(declared(), timelineRecorded("e-1"))
                    .when(new ClassifyIncidentCommand(INCIDENT, Set.of("database")),
                            MetaData.with(CommandMetadata.EXPECTED_VERSION, 2L))
                    .expectEvents(new IncidentClassifiedEvent(INCIDENT, List.of("database")))
                    .expectResultMessagePayload(result(INCIDENT, 3, true));
        }

        @Test
        void aStaleVersionIsRejectedEvenForARepeatedCommand() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                            .when(recordTimeline("e-1"), MetaData.with(CommandMetadata.EXPECTED_VERSION, 1L)),
                    ErrorCode.STALE_VERSION);
        }
    }

    @Nested
    @DisplayName("a principal writing as a team")
    class ActingTeam {

        private MetaData actingAs(String team) {
            return MetaData.with(CommandMetadata.ACTING_TEAM, team);
        }

        @Test
        void recordsInItsOwnName() {
            fixture.given(declared())
                    .when(recordTimeline("e-1"), actingAs("payments"))
                    .expectEvents(timelineRecorded("e-1"));
        }

        @Test
        void mayNotRecordInAnotherTeamsName() {
            assertRejected(fixture.given(declared()).when(recordTimeline("e-1"), actingAs("platform")),
                    ErrorCode.NOT_YOUR_TEAM)
                    .expectExceptionMessage(containsString("not in the name of team 'payments'"));
        }

        @Test
        void mayNotActOnAnotherTeamsRemediation() {
            assertRejected(fixture.given(declared(), proposed("r-1"))
                            .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.HIGH,
                                    "Saturation recurs", DUE), actingAs("platform")),
                    ErrorCode.NOT_YOUR_TEAM)
                    .expectExceptionMessage(containsString("belongs to team 'payments'"));
            assertRejected(fixture.given(declared(), proposed("r-1"))
                            .when(new DecideNotToRemediateCommand(INCIDENT, "r-1", "Pool is being replaced",
                                    "Another saturation before Q2", REVISIT), actingAs("platform")),
                    ErrorCode.NOT_YOUR_TEAM);
        }

        @Test
        void decidesAboutItsOwnRemediation() {
            fixture.given(declared(), proposed("r-1"))
                    .when(new DecideNotToRemediateCommand(INCIDENT, "r-1", "Pool is being replaced",
                            "Another saturation before Q2", REVISIT), actingAs("payments"))
                    .expectEvents(declined("r-1"));
        }

        @Test
        void mayNotCorrectAnotherTeamsEntry() {
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                            .when(new AmendEntryCommand(INCIDENT, "e-1", Map.of("text", "Error rate rose to 45%"),
                                    "Typo"), actingAs("platform")),
                    ErrorCode.NOT_YOUR_TEAM);
            assertRejected(fixture.given(declared(), timelineRecorded("e-1"))
                            .when(new RetractEntryCommand(INCIDENT, "e-1", "Wrong incident"), actingAs("platform")),
                    ErrorCode.NOT_YOUR_TEAM);
        }

        @Test
        void actsOnTheIncidentItselfOnlyOnceInvolved() {
            assertRejected(fixture.given(declared())
                            .when(new ClassifyIncidentCommand(INCIDENT, Set.of("database")), actingAs("security")),
                    ErrorCode.NOT_YOUR_TEAM)
                    .expectExceptionMessage(containsString("not involved"));
            fixture.given(declared(), new TimelineEntryRecordedEvent(INCIDENT, "e-9", AT_0810, "security",
                            TimelineEntryKind.ACTION, "Rotated the database credentials"))
                    .when(new ClassifyIncidentCommand(INCIDENT, Set.of("database")), actingAs("security"))
                    .expectEvents(new IncidentClassifiedEvent(INCIDENT, List.of("database")));
        }

        @Test
        void aDeclaredTeamNotesADivergenceBetweenOtherTeamsModels() {
            fixture.given(declared(), mentalModelRecorded("m-1", "payments", "The pool is sized for peak"),
                            mentalModelRecorded("m-2", "platform", "The pool shrinks at night"))
                    .when(noteDivergence("d-1", List.of("m-1", "m-2")), actingAs("platform"))
                    .expectEvents(divergenceNoted("d-1", List.of("m-1", "m-2")));
        }

        @Test
        void isRefusedBeforeItsExpectedVersionIsChecked() {
            assertRejected(fixture.given(declared(), proposed("r-1"))
                            .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.HIGH,
                                    "Saturation recurs", DUE),
                                    actingAs("platform").and(CommandMetadata.EXPECTED_VERSION, 1L)),
                    ErrorCode.NOT_YOUR_TEAM);
        }

        @Test
        void aFacilitatorActsForEveryTeam() {
            fixture.given(declared(), proposed("r-1"))
                    .when(new PrioritizeRemediationCommand(INCIDENT, "r-1", RemediationPriority.HIGH,
                            "Saturation recurs", DUE))
                    .expectEvents(new RemediationPrioritizedEvent(INCIDENT, "r-1", RemediationPriority.HIGH,
                            "Saturation recurs", DUE));
        }
    }
}
