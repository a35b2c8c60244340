package org.incidentlearning.command.template;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.incidentlearning.kernel.artifact.Archetype;
import org.incidentlearning.kernel.artifact.ArtifactSection;
import org.incidentlearning.kernel.artifact.DefineTemplateCommand;
import org.incidentlearning.kernel.artifact.ReviseTemplateCommand;
import org.incidentlearning.kernel.artifact.TemplateDefinedEvent;
import org.incidentlearning.kernel.artifact.TemplateRevisedEvent;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.incidentlearning.kernel.artifact.ArtifactSection.DIVERGENCES;
import static org.incidentlearning.kernel.artifact.ArtifactSection.LINKS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.PROMPTS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.SUMMARY;
import static org.incidentlearning.kernel.artifact.ArtifactSection.TIMELINE;

/** Given-when-then tests for the {@link Template} aggregate: versions, ownership and the archetypes' rules. */
class TemplateTest {

    private static final String ID = "payments-review";
    private static final List<ArtifactSection> SECTIONS = List.of(SUMMARY, PROMPTS, TIMELINE);
    private static final List<String> PROMPTS_V1 = List.of("What surprised you?");

    private AggregateTestFixture<Template> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Template.class);
    }

    private static TemplateDefinedEvent defined() {
        return new TemplateDefinedEvent(ID, 1, "Payments review", Archetype.FACILITATOR, SECTIONS, PROMPTS_V1,
                "payments");
    }

    private static DefineTemplateCommand define() {
        return new DefineTemplateCommand(ID, "Payments review", Archetype.FACILITATOR, SECTIONS, PROMPTS_V1,
                "payments");
    }

    @Test
    void definingStartsAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(define())
                .expectEvents(defined())
                .expectResultMessagePayload(new CommandResult(ID, 1, true));
    }

    @Test
    void definingTheSameTemplateAgainStoresNothing() {
        fixture.given(defined())
                .when(define())
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(ID, 1, false));
    }

    @Test
    void definingAnotherTemplateUnderATakenIdIsAConflict() {
        fixture.given(defined())
                .when(new DefineTemplateCommand(ID, "Something else", Archetype.SIGNPOST, List.of(SUMMARY), List.of(),
                        "payments"))
                .expectNoEvents()
                .expectException(IncidentRejection.class)
                .expectExceptionMessage(containsString("already exists"));
    }

    @Test
    void aRevisionIsTheWholeNextVersion() {
        List<ArtifactSection> sections = List.of(SUMMARY, DIVERGENCES, PROMPTS);
        fixture.given(defined())
                .when(new ReviseTemplateCommand(ID, "Payments review", sections, List.of("Who was not heard?"),
                        "Divergences first"))
                .expectEvents(new TemplateRevisedEvent(ID, 2, "Payments review", sections,
                        List.of("Who was not heard?"), "Divergences first"))
                .expectResultMessagePayload(new CommandResult(ID, 2, true));
    }

    @Test
    void aRevisionThatChangesNothingStoresNothing() {
        fixture.given(defined())
                .when(new ReviseTemplateCommand(ID, "Payments review", SECTIONS, PROMPTS_V1, "again"))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(ID, 1, false));
    }

    @Test
    void aRevisionKeepsTheArchetypesRules() {
        fixture.given(new TemplateDefinedEvent(ID, 1, "Pointer", Archetype.SIGNPOST, List.of(SUMMARY, LINKS),
                        List.of(), "payments"))
                .when(new ReviseTemplateCommand(ID, "Pointer", List.of(SUMMARY, TIMELINE), List.of(), null))
                .expectNoEvents()
                .expectException(IncidentRejection.class)
                .expectExceptionMessage(containsString("has no TIMELINE section"));
    }

    @Test
    void anotherTeamMayNotReviseATeamsTemplate() {
        fixture.given(defined())
                .when(new ReviseTemplateCommand(ID, "Taken over", SECTIONS, PROMPTS_V1, null),
                        MetaData.with(CommandMetadata.ACTING_TEAM, "checkout"))
                .expectNoEvents()
                .expectException(IncidentRejection.class)
                .expectExceptionMessage(containsString("belongs to team 'payments'"));
    }

    @Test
    void theOwningTeamMayRevise() {
        fixture.given(defined())
                .when(new ReviseTemplateCommand(ID, "Renamed", SECTIONS, PROMPTS_V1, null),
                        MetaData.with(CommandMetadata.ACTING_TEAM, "payments"))
                .expectEvents(new TemplateRevisedEvent(ID, 2, "Renamed", SECTIONS, PROMPTS_V1, null));
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(defined(), new TemplateRevisedEvent(ID, 2, "Renamed", SECTIONS, PROMPTS_V1, null))
                .when(new ReviseTemplateCommand(ID, "Mine", SECTIONS, PROMPTS_V1, null),
                        MetaData.with(CommandMetadata.EXPECTED_VERSION, 1L))
                .expectNoEvents()
                .expectException(IncidentRejection.class)
                .expectExceptionMessage(containsString("is at version 2, not 1"));
    }

    @Test
    void builtInTemplatesCannotBeDefinedOrRevised() {
        assertThatThrownBy(() -> new DefineTemplateCommand("facilitator", "Mine", Archetype.FACILITATOR, SECTIONS,
                List.of(), "payments"))
                .isInstanceOfSatisfying(IncidentRejection.class,
                        rejection -> assertThat(rejection.code())
                                .isEqualTo(ErrorCode.TEMPLATE_BUILT_IN));
        assertThatThrownBy(() -> new ReviseTemplateCommand("signpost", "Mine", List.of(SUMMARY), List.of(), null))
                .isInstanceOfSatisfying(IncidentRejection.class,
                        rejection -> assertThat(rejection.code())
                                .isEqualTo(ErrorCode.TEMPLATE_BUILT_IN));
    }

    @Test
    void promptsNeedAPlaceAndSectionsAppearOnce() {
        assertThatThrownBy(() -> new DefineTemplateCommand(ID, "x", Archetype.RECORD_KEEPER,
                List.of(SUMMARY, PROMPTS), List.of("A question"), "payments"))
                .isInstanceOf(IncidentRejection.class)
                .hasMessageContaining("A RECORD_KEEPER template has no PROMPTS section");
        assertThatThrownBy(() -> new DefineTemplateCommand(ID, "x", Archetype.FACILITATOR, List.of(SUMMARY),
                List.of("A question"), "payments")).hasMessageContaining("prompts need the PROMPTS section");
        assertThatThrownBy(() -> new DefineTemplateCommand(ID, "x", Archetype.FACILITATOR, List.of(SUMMARY, SUMMARY),
                List.of(), "payments")).hasMessageContaining("lists SUMMARY twice");
    }
}
