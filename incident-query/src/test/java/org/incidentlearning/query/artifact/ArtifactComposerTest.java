package org.incidentlearning.query.artifact;

import org.incidentlearning.kernel.artifact.Archetype;
import org.incidentlearning.kernel.artifact.ArtifactSection;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.artifact.BuiltInTemplates;
import org.incidentlearning.kernel.artifact.TemplateDefinition;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.artifact.FacilitatorHint.Kind;
import org.incidentlearning.query.incident.IncidentView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each archetype for each audience: what a reader gets, and what stays out of a reader's copy. The incident is the
 * article's kind of story: two teams believed different things about a shared library, one was under pressure, and
 * the owning team declined the migration that would have prevented a recurrence.
 */
class ArtifactComposerTest {

    private static final TemplateDefinition RECORD_KEEPER = BuiltInTemplates.find("record-keeper").orElseThrow();
    private static final TemplateDefinition FACILITATOR = BuiltInTemplates.find("facilitator").orElseThrow();
    private static final TemplateDefinition SIGNPOST = BuiltInTemplates.find("signpost").orElseThrow();

    private static final String CANDID = "Quarter-end sales push; we were told not to roll back";
    private static final String BELIEF = "Nobody uses the legacy TLS options";
    private static final String RISK = "Short outages during renegotiation";

    static IncidentView incident() {
        IncidentView view = new IncidentView();
        view.id = "inc-42";
        view.title = "checkout-api failed after netlib upgrade";
        view.severity = Severity.SEV2;
        view.status = IncidentStatus.RESOLVED;
        view.summary = "Payments through checkout-api failed for 40 minutes; the checkout team rolled back.";
        view.startedAt = Instant.parse("2026-03-02T09:00:00Z");
        view.detectedAt = Instant.parse("2026-03-02T09:05:00Z");
        view.resolvedAt = Instant.parse("2026-03-02T09:40:00Z");
        view.resolution = "Rolled back netlib on checkout-api";
        view.teams = List.of("checkout", "security", "observability");
        view.declaredTeams = List.of("checkout", "security", "observability");
        view.components = List.of("checkout-api", "netlib");
        view.impact = List.of("EU card payments failed");
        view.durationMinutes = 40;
        view.references = List.of("https://status.example.com/incidents/42");

        IncidentView.TimelineEntry detected = new IncidentView.TimelineEntry();
        detected.id = "t-1";
        detected.team = "checkout";
        detected.kind = "OBSERVATION";
        detected.occurredAt = Instant.parse("2026-03-02T09:05:00Z");
        detected.text = "Error rate on checkout-api rose; the on-call should have checked the upgrade notes";
        IncidentView.TimelineEntry decision = new IncidentView.TimelineEntry();
        decision.id = "t-2";
        decision.team = "checkout";
        decision.kind = "DECISION";
        decision.occurredAt = Instant.parse("2026-03-02T09:30:00Z");
        decision.text = "Roll back netlib";
        view.timeline = List.of(detected, decision);

        IncidentView.MentalModel security = model("m-1", "security", "netlib", BELIEF);
        IncidentView.MentalModel checkout = model("m-2", "checkout", "netlib", "Our pinned version is unaffected");
        view.mentalModels = List.of(security, checkout);

        IncidentView.Divergence divergence = new IncidentView.Divergence();
        divergence.id = "d-1";
        divergence.mentalModelIds = List.of("m-1", "m-2");
        divergence.teams = List.of("security", "checkout");
        divergence.description = "Legacy options believed unused";
        view.divergences = List.of(divergence);

        IncidentView.Context context = new IncidentView.Context();
        context.id = "c-1";
        context.team = "checkout";
        context.kind = "PRESSURE";
        context.description = CANDID;
        view.contexts = List.of(context);

        IncidentView.Linkage link = new IncidentView.Linkage();
        link.id = "l-1";
        link.kind = LinkageKind.TECHNICAL;
        link.from = "checkout-api";
        link.to = "netlib";
        link.description = "Loads the legacy options at start-up";
        link.believedAbsent = true;
        view.linkages = List.of(link);

        IncidentView.Remediation migrate = new IncidentView.Remediation();
        migrate.id = "r-1";
        migrate.team = "checkout";
        migrate.description = "Migrate checkout-api off netlib's legacy options";
        migrate.state = RemediationState.DECLINED;
        migrate.rationale = "A quarter of work for a rare path";
        migrate.acceptedRisk = RISK;
        IncidentView.Recurrence recurred = new IncidentView.Recurrence();
        recurred.recurrenceId = "rec-1";
        recurred.incidentId = "inc-77";
        recurred.ofIncidentId = "inc-42";
        recurred.remediationId = "r-1";
        recurred.decidingTeam = "checkout";
        recurred.linkedAt = Instant.parse("2026-05-10T15:00:00Z");
        migrate.recurrences.add(recurred);
        IncidentView.Remediation alert = new IncidentView.Remediation();
        alert.id = "r-2";
        alert.team = "observability";
        alert.description = "Alert on TLS handshake failures";
        alert.state = RemediationState.COMPLETED;
        view.remediations = List.of(migrate, alert);
        view.version = 14;
        return view;
    }

    private static IncidentView.MentalModel model(String id, String team, String subject, String belief) {
        IncidentView.MentalModel model = new IncidentView.MentalModel();
        model.id = id;
        model.team = team;
        model.subject = subject;
        model.belief = belief;
        return model;
    }

    private static String markdown(TemplateDefinition template, Audience audience) {
        return MarkdownWriting.write(ArtifactComposer.compose(incident(), template, audience));
    }

    /** Every archetype for every audience keeps the same promises, whatever else its sections say. */
    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyArchetypeAndAudience")
    void everyArchetypeKeepsEachAudiencesPromises(String templateId, Audience audience) {
        String md = markdown(BuiltInTemplates.find(templateId).orElseThrow(), audience);
        assertThat(md).contains("## Summary", "failed for 40 minutes");
        switch (audience) {
            case ENGINEERING -> assertThat(md).contains("checkout", "**Incident:** inc-42");
            case EXECUTIVE -> assertThat(md).contains("checkout").doesNotContain(CANDID, BELIEF,
                    "For the facilitator");
            case CUSTOMER -> assertThat(md).doesNotContain("checkout", "security", "observability", "netlib", CANDID,
                    BELIEF, RISK, "For the facilitator", "Questions for the review", "/api/");
        }
    }

    static Stream<Arguments> everyArchetypeAndAudience() {
        return Stream.of("record-keeper", "facilitator", "signpost").flatMap(template ->
                Stream.of(Audience.values()).map(audience -> Arguments.of(template, audience)));
    }

    @Test
    void theRecordKeeperForEngineersHoldsEverythingRecorded() {
        String md = markdown(RECORD_KEEPER, Audience.ENGINEERING);
        assertThat(md).contains("## Timeline", "the on-call should have checked", "security", BELIEF,
                "## Where beliefs diverged", "Effect: not recorded", CANDID, "Loads the legacy options",
                "It was believed not to exist", "Decided not to remediate: A quarter of work", RISK,
                "No revisit date", "recurred in incident inc-77", "https://status.example.com/incidents/42");
        assertThat(md).doesNotContain("For the facilitator", "Questions for the review");
    }

    @Test
    void theFacilitatorArchetypeAddsPromptsAndHints() {
        String md = markdown(FACILITATOR, Audience.ENGINEERING);
        assertThat(md).contains("## For the facilitator", "## Questions for the review",
                "There is no root cause to find", "'should have' in timeline entry text",
                "Team 'observability' recorded no mental model",
                "\"Legacy options believed unused\" has no recorded effect",
                "declined \"Migrate checkout-api off netlib's legacy options\" without a date to revisit");
    }

    @Test
    void executivesGetDecisionsAndRiskButNotTheTeamsCandidWords() {
        String md = markdown(FACILITATOR, Audience.EXECUTIVE);
        assertThat(md).contains(RISK, "A quarter of work", "Legacy options believed unused",
                "1 pressure", "Roll back netlib", "Questions for the review");
        assertThat(md).doesNotContain(CANDID, BELIEF, "For the facilitator", "should have checked");
    }

    @Test
    void customersGetWhatHappenedAndWhatChangesWithoutInternalNames() {
        String md = markdown(RECORD_KEEPER, Audience.CUSTOMER);
        assertThat(md).contains("## What happened, when", "2026-03-02T09:00:00Z: the incident began.",
                "EU card payments failed",
                "\\[internal system\\] failed after \\[internal system\\] upgrade",
                "## What we are changing", "Alert on TLS handshake failures (done)");
        assertThat(md).doesNotContain("checkout", "security", "observability", "netlib", CANDID, BELIEF, RISK,
                "Migrate", "SEV2", "status.example.com", "/api/");
    }

    @Test
    void theSignpostIsALightPointer() {
        String engineering = markdown(SIGNPOST, Audience.ENGINEERING);
        assertThat(engineering).contains("## Summary", "## Impact", "## Systems of record",
                "[https://status.example.com/incidents/42](<https://status.example.com/incidents/42>)",
                "(</api/incidents/inc-42>)");
        assertThat(engineering).doesNotContain("## Timeline", BELIEF, CANDID, RISK);
    }

    @Test
    void renderingIsDeterministicAndIgnoresWhatWasPublished() {
        IncidentView view = incident();
        String before = MarkdownWriting.write(ArtifactComposer.compose(view, FACILITATOR, Audience.ENGINEERING));
        IncidentView.PublishedArtifact artifact = new IncidentView.PublishedArtifact();
        artifact.artifactId = "art-1";
        view.artifacts.add(artifact);
        view.version = 15;
        view.updatedAt = Instant.parse("2026-06-01T00:00:00Z");
        assertThat(MarkdownWriting.write(ArtifactComposer.compose(view, FACILITATOR, Audience.ENGINEERING)))
                .isEqualTo(before);
    }

    @Test
    void aTeamsOwnTemplateRendersItsSectionsInItsOrder() {
        TemplateDefinition own = new TemplateDefinition("short", 3, "Short review", Archetype.FACILITATOR,
                List.of(ArtifactSection.PROMPTS, ArtifactSection.DIVERGENCES), List.of("Who was surprised?"),
                "checkout", Instant.parse("2026-04-01T00:00:00Z"), false);
        String md = markdown(own, Audience.ENGINEERING);
        assertThat(md.indexOf("Who was surprised?")).isLessThan(md.indexOf("Where beliefs diverged"));
        assertThat(md).contains("template 'short' version 3").doesNotContain("## Summary", "## Timeline");
    }

    @Test
    void hintsSayWhereTheyOccur() {
        List<FacilitatorHint> hints = FacilitatorHints.of(incident());
        FacilitatorHint blame = hints.stream().filter(h -> h.kind() == Kind.BLAME_LANGUAGE).findFirst().orElseThrow();
        assertThat(blame.entryKind()).isEqualTo("TIMELINE_ENTRY");
        assertThat(blame.entryId()).isEqualTo("t-1");
        assertThat(blame.field()).isEqualTo("text");
        assertThat(blame.phrase()).isEqualTo("should have");
        assertThat(blame.team()).isEqualTo("checkout");
        assertThat(hints).extracting(FacilitatorHint::kind).containsExactly(Kind.BLAME_LANGUAGE,
                Kind.NO_MENTAL_MODEL, Kind.DIVERGENCE_WITHOUT_EFFECT, Kind.DECLINED_WITHOUT_REVISIT,
                Kind.RECURRENCE_OF_DECLINED);
    }

    @Test
    void silentTeamsAndRootCauseLanguageAreFlagged() {
        IncidentView view = incident();
        view.teams = List.of("checkout", "security", "observability", "payments");
        view.summary = "The root cause was a library upgrade";
        view.remediations.get(0).revisitBy = LocalDate.parse("2026-09-01");
        List<FacilitatorHint> hints = FacilitatorHints.of(view);
        assertThat(hints).filteredOn(h -> h.kind() == Kind.SILENT_TEAM).extracting(FacilitatorHint::team)
                .containsExactly("payments");
        assertThat(hints).filteredOn(h -> h.kind() == Kind.ROOT_CAUSE_LANGUAGE).extracting(FacilitatorHint::field)
                .containsExactly("summary");
        assertThat(hints).noneMatch(h -> h.kind() == Kind.DECLINED_WITHOUT_REVISIT);

        view.divergences.get(0).effect = "An hour lost to the wrong rollback";
        assertThat(FacilitatorHints.of(view)).noneMatch(h -> h.kind() == Kind.DIVERGENCE_WITHOUT_EFFECT);
        view.divergences.get(0).effect = "TBD.";
        assertThat(FacilitatorHints.of(view)).anyMatch(h -> h.kind() == Kind.DIVERGENCE_WITHOUT_EFFECT);
    }

    @Test
    void recordedTextIsNeverMarkup() {
        IncidentView view = incident();
        view.summary = "<script>alert(1)</script> *bold* [link](javascript:x)\n# not a heading";
        String html = HtmlWriting.write(ArtifactComposer.compose(view, SIGNPOST, Audience.ENGINEERING));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        String md = MarkdownWriting.write(ArtifactComposer.compose(view, SIGNPOST, Audience.ENGINEERING));
        assertThat(md).contains("\\<script\\>", "\\*bold\\*", "\\[link\\](javascript:x)", "\\# not a heading");
    }
}
