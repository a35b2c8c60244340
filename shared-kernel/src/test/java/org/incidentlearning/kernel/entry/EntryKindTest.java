package org.incidentlearning.kernel.entry;

import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.timeline.CoordinationKind;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of entry, defined once: its amendable fields are applied, its texts read and its owner named alike. */
class EntryKindTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<RecordedEntry> ONE_OF_EACH = List.of(
            new TimelineEntry(NINE, "checkout", TimelineEntryKind.OBSERVATION, "Errors rose"),
            new MentalModel("security", "netlib", "Nobody uses the legacy options", null),
            new Divergence(List.of("m-2", "m-1"), "They believed different things", "The rollback waited"),
            new Context("checkout", ContextKind.PRESSURE, "A launch that week"),
            new Coordination("checkout", CoordinationKind.HAND_OFF, List.of("security"), "Handed over", null),
            new Linkage(LinkageKind.TECHNICAL, "checkout-api", "netlib", "Calls it", null, true),
            new RemediationItem("security", "Publish which versions use which options"));

    @Test
    void everyKindIsDefinedByItsOwnRecordAndCollection() {
        assertThat(ONE_OF_EACH).extracting(RecordedEntry::entryKind).containsExactly(EntryKind.values());
        assertThat(ONE_OF_EACH).allSatisfy(entry -> assertThat(entry).isInstanceOf(entry.entryKind().type()));
        assertThat(Arrays.stream(EntryKind.values()).map(EntryKind::collection)).doesNotHaveDuplicates()
                .contains("timeline-entries", "mental-models", "remediations");
    }

    @Test
    void anAmendmentChangesExactlyItsFieldsAndMarksNothingElse() {
        for (RecordedEntry entry : ONE_OF_EACH) {
            EntryKind kind = entry.entryKind();
            for (String field : kind.amendableFields()) {
                String value = field.endsWith("At") ? "2027-01-02T03:04:05+01:00"
                        : field.equals("kind") ? firstKindOf(entry) : "amended " + field;
                Map<String, String> changes = kind.normalized(Map.of(field, value));
                RecordedEntry amended = entry.amendedWith(changes);
                assertThat(amended).as(kind + "." + field).isNotEqualTo(entry).isInstanceOf(kind.type());
                assertThat(amended.team()).isEqualTo(entry.team());
                assertThat(amended.amendedWith(Map.of())).isEqualTo(amended);
            }
        }
        TimelineEntry moved = (TimelineEntry) ONE_OF_EACH.get(0).amendedWith(EntryKind.TIMELINE_ENTRY.normalized(
                Map.of("occurredAt", "2026-03-02T10:00:00+01:00", "kind", "DECISION")));
        assertThat(moved).isEqualTo(new TimelineEntry(NINE, "checkout", TimelineEntryKind.DECISION, "Errors rose"));
    }

    @Test
    void anAmendmentIsCheckedBeforeItIsApplied() {
        assertThatThrownBy(() -> EntryKind.TIMELINE_ENTRY.normalized(Map.of("team", "ops")))
                .isInstanceOf(IncidentRejection.class).hasMessageContaining("cannot amend 'team'");
        assertThatThrownBy(() -> EntryKind.CONTEXT.normalized(Map.of("description", " ")))
                .isInstanceOf(IncidentRejection.class).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> EntryKind.MENTAL_MODEL.normalized(Map.of("heldAt", "yesterday")))
                .isInstanceOf(IncidentRejection.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> EntryKind.MENTAL_MODEL.normalized(Map.of("heldAt", "+10000-01-01T00:00:00Z")))
                .isInstanceOf(IncidentRejection.class).hasMessageContaining("0000 to 9999");
        assertThatThrownBy(() -> EntryKind.COORDINATION.normalized(Map.of("kind", "GOSSIP")))
                .isInstanceOf(IncidentRejection.class).hasMessageContaining("not a kind of COORDINATION");
    }

    @Test
    void textsAreTheFieldsItsKindNamesAndHoldSomething() {
        assertThat(ONE_OF_EACH.get(1).texts()).containsExactly(Map.entry("subject", "netlib"),
                Map.entry("belief", "Nobody uses the legacy options"));
        assertThat(ONE_OF_EACH.get(5).texts()).as("a linkage without a condition").containsOnlyKeys("description");
        assertThat(ONE_OF_EACH).allSatisfy(entry -> assertThat(entry.entryKind().textFields())
                .containsAll(entry.texts().keySet()));
    }

    @Test
    void theOwnerIsTheRecordingTeamAndDivergencesAndLinkagesHaveNone() {
        assertThat(ONE_OF_EACH).extracting(RecordedEntry::team).containsExactly("checkout", "security", null,
                "checkout", "checkout", null, "security");
    }

    @Test
    void aDivergenceOfTheSameModelsInAnotherOrderIsTheSameFact() {
        Divergence noted = (Divergence) ONE_OF_EACH.get(2);
        Divergence again = new Divergence(List.of("m-1", "m-2"), noted.description(), noted.effect());
        assertThat(again).isNotEqualTo(noted);
        assertThat(again.content()).isEqualTo(noted.content());
    }

    private static String firstKindOf(RecordedEntry entry) {
        return switch (entry.entryKind()) {
            case TIMELINE_ENTRY -> TimelineEntryKind.DECISION.name();
            case CONTEXT -> ContextKind.CONSTRAINT.name();
            case COORDINATION -> CoordinationKind.ESCALATION.name();
            default -> throw new IllegalArgumentException(entry.entryKind() + " has no kind field");
        };
    }
}
