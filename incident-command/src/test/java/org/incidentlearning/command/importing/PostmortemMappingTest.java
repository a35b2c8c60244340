package org.incidentlearning.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.incidentlearning.command.importing.PostmortemPlan.PlannedCommand;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.context.RecordContextCommand;
import org.incidentlearning.kernel.incident.DeclareIncidentCommand;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.incident.SourceIds;
import org.incidentlearning.kernel.linkage.DiscoverLinkageCommand;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.timeline.RecordTimelineEntryCommand;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.web.FieldLimits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The mapping of one post-mortem record to commands, on small records with the data set's real mess. */
class PostmortemMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record shaped like the data set's: every field present, nothing odd. */
    private static final String TIDY = """
            {
              "title": "  Summary of the Service Event in the Sydney Region ",
              "link": ["https://example.com/pm/1"],
              "time": "06/04/2016",
              "summary": " Power loss in one Availability Zone. ",
              "details": "At 10:25 PM the utility provider lost power.",
              "service_name": ["EC2 instances", "EBS volumes"],
              "impact symptom": ["availability", "performance"],
              "duration": 575,
              "detection": {"method": "unknown", "tool": ""},
              "manifestation": ["service unavailable"],
              "root cause": {
                "label": [{"layer-1": "internal causes", "layer-2": "software bugs"},
                          {"layer-1": "external causes", "layer-2": "hardware failures", "layer-3": "power outage"}],
                "details": "Breakers failed to open quickly enough."
              },
              "operation": ["normal", "recover"],
              "human error": false,
              "reproduction": null,
              "mitigation": {
                "label": ["restore power", "recover instances manually"],
                "details": "Power was restored at 11:46 PM.",
                "troubleshooting": {"1": "Utility power lost.", "2": "Power restored."}
              },
              "propagation pass": {"1": "utility power", "2": "DNS host", "3": "app"},
              "refined path": {"1": "power", "2": "app"},
              "detection time": null,
              "fix time": 575,
              "identification time": null,
              "verification": "lixy"
            }
            """;

    private static final Instant JUNE_4 = Instant.parse("2016-06-04T00:00:00Z");

    @Nested
    class ATidyRecord {

        private final PostmortemPlan plan = PostmortemMapping.plan("aws-1", json(TIDY), null);

        @Test
        void isDeclaredUnderTheIdDerivedFromItsSourceWithTheProviderAsTeam() {
            DeclareIncidentCommand declaration = plan.declaration();
            assertThat(plan.incidentId()).isEqualTo(SourceIds.incidentIdFor("aws-1"));
            assertThat(declaration.incidentId()).isEqualTo(plan.incidentId());
            assertThat(declaration.sourceId()).isEqualTo("aws-1");
            assertThat(declaration.title()).isEqualTo("Summary of the Service Event in the Sydney Region");
            assertThat(declaration.summary()).isEqualTo("Power loss in one Availability Zone.");
            assertThat(declaration.startedAt()).isEqualTo(JUNE_4);
            assertThat(declaration.detectedAt()).isNull();
            assertThat(declaration.teams()).containsExactly("aws");
            assertThat(declaration.components()).containsExactly("EC2 instances", "EBS volumes");
            assertThat(declaration.impact()).containsExactly("availability", "performance");
            assertThat(declaration.durationMinutes()).isEqualTo(575);
            assertThat(declaration.references()).containsExactly("https://example.com/pm/1");
            assertThat(declaration.severity()).isEqualTo(Severity.SEV1);
        }

        @Test
        void aLaterWriteUpWouldReviseTitleSummaryTeamAndComponents() {
            var revision = plan.revision();
            assertThat(revision.incidentId()).isEqualTo(plan.incidentId());
            assertThat(revision.title()).isEqualTo(plan.declaration().title());
            assertThat(revision.summary()).isEqualTo(plan.declaration().summary());
            assertThat(revision.addTeams()).containsExactly("aws");
            assertThat(revision.addComponents()).containsExactly("EC2 instances", "EBS volumes");
            assertThat(revision.reason()).isEqualTo("Later write-up of aws-1 (import)");
        }

        @Test
        void accountMitigationAndStepsAreTimelineEntriesAtTheStartInTheirOrder() {
            List<RecordTimelineEntryCommand> timeline = commands(plan, RecordTimelineEntryCommand.class);
            assertThat(timeline).extracting(RecordTimelineEntryCommand::text).containsExactly(
                    "Account: At 10:25 PM the utility provider lost power.",
                    "Mitigation: Power was restored at 11:46 PM.",
                    "Step 1: Utility power lost.",
                    "Step 2: Power restored.");
            assertThat(timeline).extracting(RecordTimelineEntryCommand::kind).containsExactly(
                    TimelineEntryKind.OBSERVATION, TimelineEntryKind.ACTION, TimelineEntryKind.ACTION,
                    TimelineEntryKind.ACTION);
            assertThat(timeline).allSatisfy(entry -> {
                assertThat(entry.occurredAt()).isEqualTo(JUNE_4);
                assertThat(entry.team()).isEqualTo("aws");
                assertThat(entry.incidentId()).isEqualTo(plan.incidentId());
            });
        }

        @Test
        void theRootCauseAsWrittenIsACircumstance() {
            assertThat(commands(plan, RecordContextCommand.class)).singleElement().satisfies(context -> {
                assertThat(context.kind()).isEqualTo(ContextKind.CIRCUMSTANCE);
                assertThat(context.team()).isEqualTo("aws");
                assertThat(context.description())
                        .isEqualTo("Root cause as written: Breakers failed to open quickly enough.");
            });
        }

        @Test
        void thePropagationPassIsAChainOfTechnicalLinkages() {
            List<DiscoverLinkageCommand> linkages = commands(plan, DiscoverLinkageCommand.class);
            assertThat(linkages).extracting(DiscoverLinkageCommand::from, DiscoverLinkageCommand::to)
                    .containsExactly(tuple("utility power", "DNS host"), tuple("DNS host", "app"));
            assertThat(linkages.get(0).description()).isEqualTo("Failure propagated from utility power to DNS host");
            assertThat(linkages).allSatisfy(linkage -> {
                assertThat(linkage.kind()).isEqualTo(LinkageKind.TECHNICAL);
                assertThat(linkage.condition()).isNull();
                assertThat(linkage.believedAbsent()).isFalse();
            });
        }

        @Test
        void eachLabelGivesItsFirstLayerAndItsWholePath() {
            assertThat(plan.labels()).containsExactlyInAnyOrder("internal causes", "internal causes > software bugs",
                    "external causes", "external causes > hardware failures > power outage");
        }

        @Test
        void itIsResolvedWhenItsDurationEndedWithItsMitigations() {
            assertThat(plan.resolution().incidentId()).isEqualTo(plan.incidentId());
            assertThat(plan.resolution().resolvedAt()).isEqualTo(Instant.parse("2016-06-04T09:35:00Z"));
            assertThat(plan.resolution().resolution())
                    .isEqualTo("Mitigated: restore power, recover instances manually");
        }

        @Test
        void itNeedsNoNotesAndListsTheFieldsWithAValueThatAreNotMapped() {
            assertThat(plan.notes()).isEmpty();
            // reproduction and the two null times hold no value: nothing of them is lost.
            assertThat(plan.notMapped()).containsExactlyInAnyOrder("detection", "manifestation", "operation",
                    "refined path", "fix time", "verification", "mitigation.label");
        }

        @Test
        void theSameRecordPlannedTwiceGivesTheSameCommandsAndEntryIds() {
            assertThat(PostmortemMapping.plan("aws-1", json(TIDY), null)).isEqualTo(plan);
        }

        @Test
        void entryIdsDifferBetweenEntriesAndBetweenIncidents() {
            List<String> ids = plan.entries().stream().map(PostmortemMappingTest::entryId).toList();
            assertThat(ids).doesNotHaveDuplicates();
            PostmortemPlan other = PostmortemMapping.plan("aws-2", json(TIDY), null);
            assertThat(other.entries().stream().map(PostmortemMappingTest::entryId).toList())
                    .doesNotContainAnyElementsOf(ids);
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @CsvSource({"9/2/2021, 2021-09-02T00:00:00Z", "06/04/2011, 2011-06-04T00:00:00Z",
                    "12/31/2019, 2019-12-31T00:00:00Z", "' 2/29/2020 ', 2020-02-29T00:00:00Z"})
        void areReadAsMonthDayYearAtMidnightUtc(String time, String startedAt) {
            PostmortemPlan plan = plan("google-1", "time", time);
            assertThat(plan.declaration().startedAt()).isEqualTo(Instant.parse(startedAt));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2021-09-02", "13/1/2020", "2/30/2021", "2/29/2021", "sometime in May", ""})
        void thatCannotBeReadLeaveTheRecordOutWithANote(String time) {
            PostmortemPlan plan = plan("google-1", "time", time);
            assertThat(plan.importable()).isFalse();
            assertThat(plan.entries()).isEmpty();
            assertThat(plan.resolution()).isNull();
            assertThat(plan.notes()).singleElement().satisfies(note -> {
                assertThat(note.sourceId()).isEqualTo("google-1");
                assertThat(note.field()).isEqualTo("time");
                assertThat(note.note()).contains("not imported");
            });
        }

        @Test
        void thatIsNullLeavesTheRecordOut() {
            PostmortemPlan plan = plan("google-1", "time", null);
            assertThat(plan.importable()).isFalse();
            assertThat(fieldsNoted(plan)).containsExactly("time");
        }
    }

    @Nested
    class ServiceNames {

        @Test
        void areTrimmedAndDuplicatesMergedAfterTrimmingOtherwiseKeptAsWritten() {
            ObjectNode record = json(TIDY);
            record.set("service_name", json("[\" Cloud Pub/Sub\", \"Cloud Pub/Sub \", \"cloud pub/sub\", "
                                            + "\"Compute Engine\"]"));
            PostmortemPlan plan = PostmortemMapping.plan("google-1", record, null);
            assertThat(plan.declaration().components())
                    .containsExactly("Cloud Pub/Sub", "cloud pub/sub", "Compute Engine");
            assertThat(plan.notes()).extracting(ImportNote::field, ImportNote::note)
                    .containsExactly(tuple("service names", "1 entry repeated after trimming: merged"));
        }

        @Test
        void thatAreNullOrBlankAreDroppedWithANote() {
            ObjectNode record = json(TIDY);
            record.set("service_name", json("[null, \"  \", \"Storage\", \"\"]"));
            PostmortemPlan plan = PostmortemMapping.plan("azure-1", record, null);
            assertThat(plan.declaration().components()).containsExactly("Storage");
            assertThat(plan.notes()).extracting(ImportNote::note)
                    .containsExactly("3 entries null, blank or not text: dropped");
        }

        @Test
        void areAlsoReadUnderTheKeySpelledWithASpace() {
            ObjectNode record = json(TIDY);
            record.remove("service_name");
            record.set("service name", json("[\"Azure Data Lake Analytics \"]"));
            PostmortemPlan plan = PostmortemMapping.plan("azure-1", record, null);
            assertThat(plan.declaration().components()).containsExactly("Azure Data Lake Analytics");
            assertThat(plan.notMapped()).doesNotContain("service name");
            assertThat(plan.notes()).isEmpty();
        }

        @Test
        void longerThanANameOrBeyondTheListLimitAreDroppedWithANote() {
            ObjectNode record = json(TIDY);
            var names = record.putArray("service_name");
            names.add("x".repeat(101)).add("y".repeat(100));
            for (int i = 1; i <= 55; i++) {
                names.add("service " + i);
            }
            PostmortemPlan plan = PostmortemMapping.plan("azure-1", record, null);
            assertThat(plan.declaration().components()).hasSize(50).startsWith("y".repeat(100), "service 1")
                    .endsWith("service 49");
            assertThat(plan.notes()).extracting(ImportNote::note).containsExactly(
                    "1 entry longer than 100 characters: dropped", "56 entries: only the first 50 are kept");
        }

        @Test
        void referencesMayBeLongerThanANameAndAreNotNames() {
            ObjectNode record = json(TIDY);
            String link = "https://example.com/" + "p".repeat(130);
            record.putArray("link").add(link);
            assertThat(PostmortemMapping.plan("azure-1", record, null).declaration().references())
                    .containsExactly(link);
        }

        @Test
        void missingMeanNoComponents() {
            ObjectNode record = json(TIDY);
            record.remove("service_name");
            assertThat(PostmortemMapping.plan("azure-1", record, null).declaration().components()).isEmpty();
        }
    }

    @Nested
    class Teams {

        @ParameterizedTest
        @CsvSource({"aws-7, aws", "azure-20180904-1, azure", "azure20180613-1, azure", "google-BQ-1, google",
                    "google-GAE-#18003, google", "gcs-19001, google", "gcnet-19020, google", "gcsm-19007, google"})
        void areTheProviderNamedByTheIdsPrefix(String sourceId, String team) {
            PostmortemPlan plan = PostmortemMapping.plan(sourceId, json(TIDY), null);
            assertThat(plan.declaration().teams()).containsExactly(team);
            assertThat(commands(plan, RecordTimelineEntryCommand.class))
                    .allSatisfy(entry -> assertThat(entry.team()).isEqualTo(team));
            assertThat(plan.notes()).isEmpty();
        }

        @Test
        void anUnknownPrefixIsNotedAndRecordedAsUnknownProvider() {
            PostmortemPlan plan = PostmortemMapping.plan("ibm-1", json(TIDY), null);
            assertThat(plan.declaration().teams()).containsExactly("unknown-provider");
            assertThat(fieldsNoted(plan)).containsExactly("team");
        }

        @Test
        void aTeamNamedByTheCallerReplacesTheProvider() {
            PostmortemPlan plan = PostmortemMapping.plan("ibm-1", json(TIDY), "sre");
            assertThat(plan.declaration().teams()).containsExactly("sre");
            assertThat(plan.revision().addTeams()).containsExactly("sre");
            assertThat(commands(plan, RecordContextCommand.class).get(0).team()).isEqualTo("sre");
            assertThat(plan.notes()).isEmpty();
        }
    }

    @Nested
    class DurationAndSeverity {

        @ParameterizedTest
        @CsvSource({"0, SEV4", "29, SEV4", "30, SEV3", "119, SEV3", "120, SEV2", "359, SEV2", "360, SEV1",
                    "5148, SEV1"})
        void severityFollowsTheDuration(int minutes, Severity severity) {
            ObjectNode record = json(TIDY);
            record.put("duration", minutes);
            PostmortemPlan plan = PostmortemMapping.plan("aws-1", record, null);
            assertThat(plan.declaration().severity()).isEqualTo(severity);
            assertThat(plan.resolution().resolvedAt()).isEqualTo(JUNE_4.plusSeconds(60L * minutes));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"\"62\"", "-5", "12.5", "\"unknown\""})
        void unknownOrUnreadableIsSev3AndTheIncidentStaysOpen(String duration) {
            ObjectNode record = json(TIDY);
            record.set("duration", duration == null ? null : json(duration));
            PostmortemPlan plan = PostmortemMapping.plan("azure-20170321-1", record, null);
            assertThat(plan.declaration().severity()).isEqualTo(Severity.SEV3);
            assertThat(plan.declaration().durationMinutes()).isNull();
            assertThat(plan.resolution()).isNull();
            assertThat(plan.notes()).singleElement().satisfies(note -> {
                assertThat(note.field()).isEqualTo("duration");
                assertThat(note.note()).contains("SEV3").contains("stays open");
            });
        }
    }

    @Nested
    class Mitigation {

        @Test
        void thatIsNullGivesNoMitigationEntriesAndAResolutionWithoutText() {
            ObjectNode record = json(TIDY);
            record.putNull("mitigation");
            PostmortemPlan plan = PostmortemMapping.plan("google-GAE-#18003", record, null);
            assertThat(commands(plan, RecordTimelineEntryCommand.class)).extracting(RecordTimelineEntryCommand::text)
                    .containsExactly("Account: At 10:25 PM the utility provider lost power.");
            assertThat(plan.resolution().resolution()).isNull();
            assertThat(plan.resolution().resolvedAt()).isNotNull();
            assertThat(fieldsNoted(plan)).containsExactly("mitigation");
        }

        @Test
        void stepsFollowTheirNumbersAndEmptyStepsAreSkippedWithANote() {
            ObjectNode record = json(TIDY);
            record.set("mitigation", json("""
                    {"label": ["restore power", " restore power ", ""], "details": null,
                     "troubleshooting": {"2": "second", "10": "tenth", "1": "first", "3": null, "4": "  "}}
                    """));
            PostmortemPlan plan = PostmortemMapping.plan("aws-3", record, null);
            assertThat(commands(plan, RecordTimelineEntryCommand.class)).extracting(RecordTimelineEntryCommand::text)
                    .containsExactly("Account: At 10:25 PM the utility provider lost power.", "Step 1: first",
                            "Step 2: second", "Step 10: tenth");
            assertThat(fieldsNoted(plan)).containsExactly("mitigation.details", "mitigation.troubleshooting.3",
                    "mitigation.troubleshooting.4");
            assertThat(plan.resolution().resolution()).isEqualTo("Mitigated: restore power");
        }

        @Test
        void withoutLabelsResolvesWithoutText() {
            ObjectNode record = json(TIDY);
            ((ObjectNode) record.get("mitigation")).set("label", json("[]"));
            PostmortemPlan plan = PostmortemMapping.plan("aws-1", record, null);
            assertThat(plan.resolution().resolution()).isNull();
            assertThat(plan.notMapped()).doesNotContain("mitigation.label");
        }
    }

    @Nested
    class Propagation {

        @Test
        void thatIsNullGivesNoLinkagesAndANote() {
            ObjectNode record = json(TIDY);
            record.putNull("propagation pass");
            PostmortemPlan plan = PostmortemMapping.plan("google-GAE-#18003", record, null);
            assertThat(commands(plan, DiscoverLinkageCommand.class)).isEmpty();
            assertThat(fieldsNoted(plan)).containsExactly("propagation pass");
        }

        @Test
        void isReadInKeyOrderTrimmedAndAnEmptyEntryBreaksTheChain() {
            ObjectNode record = json(TIDY);
            record.set("propagation pass", json("""
                    {"1": "feeds", "2": "cooling ", "3": null, "4": " power", "5": "servers", "10": "services",
                     "6": "network"}
                    """));
            PostmortemPlan plan = PostmortemMapping.plan("azure-1", record, null);
            assertThat(commands(plan, DiscoverLinkageCommand.class))
                    .extracting(DiscoverLinkageCommand::from, DiscoverLinkageCommand::to)
                    .containsExactly(tuple("feeds", "cooling"), tuple("power", "servers"),
                            tuple("servers", "network"), tuple("network", "services"));
            assertThat(plan.notes()).extracting(ImportNote::field, ImportNote::note).containsExactly(
                    tuple("propagation pass.3", "entry 3 is empty: no link to or from it"));
        }

        @Test
        void aLinkFromAComponentToItselfIsSkippedAndARepeatedLinkIsSentOnce() {
            ObjectNode record = json(TIDY);
            record.set("propagation pass", json("""
                    {"1": "app", "2": "app ", "3": "db", "4": "app", "5": "db"}
                    """));
            PostmortemPlan plan = PostmortemMapping.plan("gcs-1", record, null);
            assertThat(commands(plan, DiscoverLinkageCommand.class))
                    .extracting(DiscoverLinkageCommand::from, DiscoverLinkageCommand::to)
                    .containsExactly(tuple("app", "db"), tuple("db", "app"));
            assertThat(plan.notes()).extracting(ImportNote::field).containsExactly("propagation pass.2");
            assertThat(plan.notes().get(0).note()).contains("repeats 'app'");
        }

        @Test
        void aListOfServicesWrittenAsOneEntryIsKeptAsWritten() {
            ObjectNode record = json(TIDY);
            String list = "Virtual Machines, Cloud Services, Azure Backup, App Services Web Apps, Azure Cache, "
                          + "Azure Monitor, Azure Functions";
            record.set("propagation pass", JSON.createObjectNode().put("1", "storage").put("2", list)
                    .put("3", "portal"));
            PostmortemPlan plan = PostmortemMapping.plan("azure-20170929-1", record, null);
            assertThat(commands(plan, DiscoverLinkageCommand.class))
                    .extracting(DiscoverLinkageCommand::from, DiscoverLinkageCommand::to)
                    .containsExactly(tuple("storage", list), tuple(list, "portal"));
            assertThat(plan.notes()).isEmpty();
        }

        @Test
        void anEntryLongerThanTheMapKeepsBreaksTheChain() {
            ObjectNode record = json(TIDY);
            record.set("propagation pass", JSON.createObjectNode().put("1", "storage")
                    .put("2", "x".repeat(FieldLimits.LINK_END + 1)).put("3", "portal").put("4", "customers"));
            PostmortemPlan plan = PostmortemMapping.plan("azure-20170929-1", record, null);
            assertThat(commands(plan, DiscoverLinkageCommand.class))
                    .extracting(DiscoverLinkageCommand::from, DiscoverLinkageCommand::to)
                    .containsExactly(tuple("portal", "customers"));
            assertThat(plan.notes()).singleElement().satisfies(note -> {
                assertThat(note.field()).isEqualTo("propagation pass.2");
                assertThat(note.note()).contains("longer than " + FieldLimits.LINK_END + " characters");
            });
        }

        @Test
        void aSingleEntryGivesNoLinkageAndNoNote() {
            ObjectNode record = json(TIDY);
            record.set("propagation pass", json("{\"1\": \"app\"}"));
            PostmortemPlan plan = PostmortemMapping.plan("gcs-1", record, null);
            assertThat(commands(plan, DiscoverLinkageCommand.class)).isEmpty();
            assertThat(plan.notes()).isEmpty();
        }
    }

    @Nested
    class Classification {

        @Test
        void layersWrittenDirectlyOnTheRootCauseAreReadAsOneLabel() {
            ObjectNode record = json(TIDY);
            record.set("root cause", json("{\"layer-1\": \"unknown\"}"));
            PostmortemPlan plan = PostmortemMapping.plan("google-GAE-#18003", record, null);
            assertThat(plan.labels()).containsExactly("unknown");
            assertThat(commands(plan, RecordContextCommand.class)).isEmpty();
            assertThat(fieldsNoted(plan)).containsExactly("root cause.details", "root cause");
            assertThat(plan.notMapped()).doesNotContain("root cause.layer-1");
        }

        @Test
        void nullLayersAreSkippedAndLayersFollowTheirNumbers() {
            ObjectNode record = json(TIDY);
            ((ObjectNode) record.get("root cause")).set("label", json("""
                    [{"layer-2": "software bugs", "layer-1": "internal causes", "layer-3": null,
                      "layer-10": "config"}]
                    """));
            PostmortemPlan plan = PostmortemMapping.plan("aws-1", record, null);
            assertThat(plan.labels()).containsExactlyInAnyOrder("internal causes",
                    "internal causes > software bugs > config");
        }

        @Test
        void aPathLongerThanALabelNameIsDroppedWithANote() {
            ObjectNode record = json(TIDY);
            ((ObjectNode) record.get("root cause")).set("label", JSON.createArrayNode()
                    .add(JSON.createObjectNode().put("layer-1", "internal causes").put("layer-2", "z".repeat(90))));
            PostmortemPlan plan = PostmortemMapping.plan("aws-1", record, null);
            assertThat(plan.labels()).isEmpty();
            assertThat(fieldsNoted(plan)).containsExactly("root cause.label", "root cause.label");
        }

        @Test
        void humanErrorAddsALabel() {
            ObjectNode record = json(TIDY);
            record.put("human error", true);
            assertThat(PostmortemMapping.plan("aws-1", record, null).labels()).contains("human error");
        }

        @Test
        void noLabelMeansNoClassificationWithANote() {
            ObjectNode record = json(TIDY);
            ((ObjectNode) record.get("root cause")).remove("label");
            PostmortemPlan plan = PostmortemMapping.plan("aws-1", record, null);
            assertThat(plan.labels()).isEmpty();
            assertThat(plan.notes()).extracting(ImportNote::field, ImportNote::note).containsExactly(
                    tuple("root cause.label", "no root-cause label: the incident is not classified"));
        }

        @Test
        void noLabelButHumanErrorIsClassifiedAsHumanErrorOnly() {
            ObjectNode record = json(TIDY);
            ((ObjectNode) record.get("root cause")).set("label", json("[]"));
            record.put("human error", true);
            PostmortemPlan plan = PostmortemMapping.plan("aws-1", record, null);
            assertThat(plan.labels()).containsExactly("human error");
            assertThat(fieldsNoted(plan)).containsExactly("root cause.label");
        }
    }

    @Nested
    class FieldsNotMapped {

        @Test
        void misspelledVerificationKeysAreListedUnderTheirOwnNameAsMisspellings() {
            ObjectNode record = json(TIDY);
            record.remove("verification");
            record.put("verifcation", "lixy");
            record.put("verificatio", "yugb");
            PostmortemPlan plan = PostmortemMapping.plan("azure-1", record, null);
            assertThat(plan.notMapped()).contains("verifcation", "verificatio").doesNotContain("verification");
            assertThat(PostmortemMapping.reasonNotMapped("verifcation")).startsWith("misspelling of 'verification'");
            assertThat(plan.notes()).isEmpty();
        }

        @Test
        void anUnknownFieldIsListedAsNotInTheSchema() {
            ObjectNode record = json(TIDY);
            record.put("severity", "high");
            record.putNull("comment");
            ((ObjectNode) record.get("mitigation")).put("owner", "ops");
            PostmortemPlan plan = PostmortemMapping.plan("azure-1", record, null);
            assertThat(plan.notMapped()).contains("severity", "mitigation.owner").doesNotContain("comment");
            assertThat(PostmortemMapping.reasonNotMapped("severity")).isEqualTo("not a field of the data set's schema");
            assertThat(PostmortemMapping.reasonNotMapped("detection")).contains("detection method");
        }

        @Test
        void emptyValuesAreNotCounted() {
            ObjectNode record = json(TIDY);
            record.set("reproduction", json("{}"));
            record.put("verification", " ");
            record.set("operation", json("[]"));
            record.set("detection", json("{\"method\": null, \"tool\": [\"\"]}"));
            record.set("manifestation", json("[{\"business kpi\": []}, {\"system kpi\": [\"latency\"]}]"));
            PostmortemPlan plan = PostmortemMapping.plan("azure-1", record, null);
            assertThat(plan.notMapped()).doesNotContain("reproduction", "verification", "operation", "detection")
                    .contains("manifestation");
        }
    }

    @Nested
    class Texts {

        @Test
        void aLongTitleIsCutTo200CharactersWithANote() {
            PostmortemPlan plan = plan("aws-1", "title", "T".repeat(250));
            assertThat(plan.declaration().title()).hasSize(200);
            assertThat(plan.notes()).extracting(ImportNote::field, ImportNote::note)
                    .containsExactly(tuple("title", "cut from 250 to 200 characters"));
        }

        @Test
        void aBlankTitleIsTheSourceId() {
            PostmortemPlan plan = plan("aws-1", "title", "   ");
            assertThat(plan.declaration().title()).isEqualTo("aws-1");
            assertThat(fieldsNoted(plan)).containsExactly("title");
        }

        @Test
        void aLongAccountIsCutTo10000CharactersIncludingItsPrefix() {
            PostmortemPlan plan = plan("aws-10", "details", "d".repeat(19_727));
            String account = commands(plan, RecordTimelineEntryCommand.class).get(0).text();
            assertThat(account).hasSize(10_000).startsWith("Account: ddd");
            assertThat(plan.notes()).extracting(ImportNote::field, ImportNote::note)
                    .containsExactly(tuple("details", "cut from 19736 to 10000 characters"));
        }

        @Test
        void aCutNeverSplitsASurrogatePair() {
            // "Account: " is 9 characters; the emoji's high surrogate would be the 10,000th.
            PostmortemPlan plan = plan("aws-10", "details", "d".repeat(9_990) + "😀" + "tail");
            String account = commands(plan, RecordTimelineEntryCommand.class).get(0).text();
            assertThat(account).hasSize(9_999).endsWith("d");
        }

        @Test
        void aLongSummaryIsCutTo10000Characters() {
            PostmortemPlan plan = plan("aws-1", "summary", "s".repeat(10_001));
            assertThat(plan.declaration().summary()).hasSize(10_000);
            assertThat(fieldsNoted(plan)).containsExactly("summary");
        }

        @Test
        void noAccountIsNoted() {
            PostmortemPlan plan = plan("aws-7", "details", "");
            assertThat(commands(plan, RecordTimelineEntryCommand.class))
                    .noneSatisfy(entry -> assertThat(entry.text()).startsWith("Account:"));
            assertThat(fieldsNoted(plan)).containsExactly("details");
        }
    }

    // ---- helpers ----

    private static PostmortemPlan plan(String sourceId, String field, String value) {
        ObjectNode record = json(TIDY);
        record.put(field, value);
        return PostmortemMapping.plan(sourceId, record, null);
    }

    private static <T> List<T> commands(PostmortemPlan plan, Class<T> type) {
        return plan.entries().stream().map(PlannedCommand::command).filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> fieldsNoted(PostmortemPlan plan) {
        return plan.notes().stream().map(ImportNote::field).toList();
    }

    private static String entryId(PlannedCommand planned) {
        if (planned.command() instanceof RecordTimelineEntryCommand entry) {
            return entry.entryId();
        }
        if (planned.command() instanceof RecordContextCommand context) {
            return context.contextId();
        }
        return ((DiscoverLinkageCommand) planned.command()).linkageId();
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> T json(String text) {
        try {
            return (T) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
