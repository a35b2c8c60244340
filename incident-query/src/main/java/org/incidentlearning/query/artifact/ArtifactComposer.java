package org.incidentlearning.query.artifact;

import org.incidentlearning.kernel.artifact.ArtifactSection;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.artifact.TemplateDefinition;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.query.artifact.ArtifactDocument.Fact;
import org.incidentlearning.query.artifact.ArtifactDocument.Link;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.web.IncidentPaths;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.incidentlearning.kernel.artifact.Audience.CUSTOMER;
import static org.incidentlearning.kernel.artifact.Audience.ENGINEERING;
import static org.incidentlearning.kernel.artifact.Audience.EXECUTIVE;

/**
 * Lays an incident view out as a template says, for one audience. Deterministic: the same view, template version and
 * audience always give the same document, and nothing in it depends on when it is rendered or on what was published
 * from the incident, so publishing it twice publishes the same content.
 * <ul>
 *   <li>ENGINEERING reads everything recorded.</li>
 *   <li>EXECUTIVE reads the decisions, the risk accepted and the beliefs that parted; the teams' candid context and
 *   their individual beliefs are summarised, not quoted; facilitator hints stay with the facilitator.</li>
 *   <li>CUSTOMER reads what happened to them, when, and what is changing; team and system names are replaced, and
 *   nothing of the review itself (beliefs, contexts, links, declined decisions, internal references) appears.</li>
 * </ul>
 */
final class ArtifactComposer {

    private final IncidentView view;
    private final TemplateDefinition template;
    private final Audience audience;
    private final InternalNames names;
    private final ArtifactDocument.Builder doc;

    private ArtifactComposer(IncidentView view, TemplateDefinition template, Audience audience) {
        this.view = view;
        this.template = template;
        this.audience = audience;
        this.names = InternalNames.of(view);
        this.doc = new ArtifactDocument.Builder(text(view.title) + " (" + template.name() + ", "
                + audienceName(audience) + ")");
    }

    static ArtifactDocument compose(IncidentView view, TemplateDefinition template, Audience audience) {
        ArtifactComposer composer = new ArtifactComposer(view, template, audience);
        template.sections().forEach(composer::section);
        composer.doc.paragraph("Rendered with template '" + template.templateId() + "' version " + template.version()
                + " for " + audienceName(audience).toLowerCase(Locale.ROOT) + " readers.");
        return composer.doc.build();
    }

    private void section(ArtifactSection section) {
        switch (section) {
            case SUMMARY -> summary();
            case IMPACT -> impact();
            case TIMELINE -> timeline();
            case MENTAL_MODELS -> mentalModels();
            case DIVERGENCES -> divergences();
            case CONTEXTS -> contexts();
            case COORDINATIONS -> coordinations();
            case LINKAGES -> linkages();
            case REMEDIATIONS -> remediations();
            case RECURRENCES -> recurrences();
            case PROMPTS -> prompts();
            case FACILITATOR_HINTS -> hints();
            case LINKS -> links();
        }
    }

    private void summary() {
        doc.heading("Summary");
        List<Fact> facts = new ArrayList<>();
        if (audience != CUSTOMER) {
            facts.add(new Fact("Incident", view.id));
            facts.add(new Fact("Severity", view.severity == null ? null : view.severity.name()));
            facts.add(new Fact("Status", view.status == null ? null : view.status.name()));
        }
        facts.add(new Fact("Started", time(view.startedAt)));
        facts.add(new Fact("Detected", time(view.detectedAt)));
        facts.add(new Fact("Resolved", time(view.resolvedAt)));
        if (audience != CUSTOMER) {
            facts.add(new Fact("Teams", String.join(", ", view.teams)));
            facts.add(new Fact("Components", String.join(", ", view.components)));
            facts.add(new Fact("Classification", String.join(", ", view.classification)));
        }
        doc.facts(facts);
        doc.paragraph(text(view.summary));
        if (view.resolution != null) {
            doc.paragraph("Resolution: " + text(view.resolution));
        }
        if (view.conclusion != null && audience != CUSTOMER) {
            doc.paragraph("Conclusion of the review: " + view.conclusion);
        }
    }

    private void impact() {
        doc.heading("Impact");
        doc.items(view.impact.stream().map(this::text).toList());
        if (view.durationMinutes != null) {
            doc.paragraph("Duration: " + view.durationMinutes + " minutes.");
        }
        if (view.impact.isEmpty() && view.durationMinutes == null) {
            doc.paragraph("No impact was recorded.");
        }
    }

    private void timeline() {
        doc.heading(audience == CUSTOMER ? "What happened, when" : "Timeline");
        if (audience == CUSTOMER) {
            List<String> moments = new ArrayList<>();
            moments.add(time(view.startedAt) + ": the incident began.");
            if (view.detectedAt != null) {
                moments.add(time(view.detectedAt) + ": we detected it.");
            }
            if (view.resolvedAt != null) {
                moments.add(time(view.resolvedAt) + ": it was resolved.");
            }
            doc.items(moments);
            return;
        }
        List<IncidentView.TimelineEntry> entries = audience == ENGINEERING ? view.timeline : view.timeline.stream()
                .filter(e -> TimelineEntryKind.DECISION.name().equals(e.kind)).toList();
        if (audience == EXECUTIVE) {
            doc.paragraph("The decisions taken during the response (" + entries.size() + " of " + view.timeline.size()
                    + " timeline entries).");
        }
        doc.items(entries.stream().map(e -> time(e.occurredAt) + ", " + e.team + ", " + word(e.kind) + ": "
                + e.text + amended(e)).toList());
        if (view.timeline.isEmpty()) {
            doc.paragraph("No timeline entries were recorded.");
        }
    }

    private void mentalModels() {
        if (audience == CUSTOMER) {
            return;
        }
        doc.heading("What each team believed");
        if (audience == EXECUTIVE) {
            Map<String, Long> perTeam = new TreeMap<>(view.mentalModels.stream()
                    .collect(Collectors.groupingBy(m -> m.team, Collectors.counting())));
            doc.paragraph(view.mentalModels.isEmpty() ? "No team recorded what it believed."
                    : view.mentalModels.size() + " beliefs about the system were recorded, by " + perTeam.size()
                      + " teams: " + perTeam.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                              .collect(Collectors.joining(", ")) + ". Where they parted is below.");
            return;
        }
        if (view.mentalModels.isEmpty()) {
            doc.paragraph("No team recorded what it believed.");
        }
        Map<String, List<IncidentView.MentalModel>> byTeam = new TreeMap<>(view.mentalModels.stream()
                .collect(Collectors.groupingBy(m -> m.team)));
        byTeam.forEach((team, models) -> {
            doc.subheading(team);
            doc.items(models.stream().map(m -> m.subject + ": " + m.belief
                    + (m.heldAt == null ? "" : " (held at " + time(m.heldAt) + ")") + amended(m)).toList());
        });
    }

    private void divergences() {
        if (audience == CUSTOMER) {
            return;
        }
        doc.heading("Where beliefs diverged");
        if (view.divergences.isEmpty()) {
            doc.paragraph("No divergence was noted.");
        }
        Map<String, IncidentView.MentalModel> models = view.mentalModels.stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity(), (a, b) -> a));
        doc.items(view.divergences.stream().map(d -> {
            StringBuilder item = new StringBuilder(d.description);
            if (!d.teams.isEmpty()) {
                item.append(" (teams: ").append(String.join(", ", d.teams)).append(')');
            }
            item.append(FacilitatorHints.noEffect(d.effect) ? ". Effect: not recorded."
                    : ". Effect: " + sentence(d.effect));
            if (audience == ENGINEERING) {
                List<String> beliefs = d.mentalModelIds.stream().map(models::get).filter(m -> m != null)
                        .map(m -> m.team + " believed \"" + m.belief + "\"").toList();
                if (!beliefs.isEmpty()) {
                    item.append(" Beliefs: ").append(String.join("; ", beliefs)).append('.');
                }
            }
            return item + amended(d);
        }).toList());
    }

    private void contexts() {
        if (audience == CUSTOMER) {
            return;
        }
        doc.heading("Pressures and context");
        if (view.contexts.isEmpty()) {
            doc.paragraph("No context was recorded.");
            return;
        }
        if (audience == EXECUTIVE) {
            Map<String, Long> byKind = new TreeMap<>(view.contexts.stream()
                    .collect(Collectors.groupingBy(c -> word(c.kind), Collectors.counting())));
            doc.paragraph("Teams recorded " + view.contexts.size() + " pieces of context that shaped their "
                    + "decisions: " + byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", "))
                    + ". Their own words stay with the engineering record.");
            return;
        }
        doc.items(view.contexts.stream().map(c -> c.team + ", " + word(c.kind) + ": " + c.description + amended(c))
                .toList());
    }

    private void coordinations() {
        if (audience == CUSTOMER) {
            return;
        }
        doc.heading("How teams worked together");
        if (audience == EXECUTIVE) {
            doc.paragraph(view.coordinations.isEmpty() ? "No hand-off, escalation or joint work was recorded."
                    : view.coordinations.size() + " hand-offs, escalations and joint work were recorded.");
            return;
        }
        if (view.coordinations.isEmpty()) {
            doc.paragraph("No coordination was recorded.");
        }
        doc.items(view.coordinations.stream().map(c -> (c.occurredAt == null ? "" : time(c.occurredAt) + ", ")
                + c.team + ", " + word(c.kind)
                + (c.withTeams.isEmpty() ? "" : " with " + String.join(", ", c.withTeams))
                + ": " + c.description + amended(c)).toList());
    }

    private void linkages() {
        if (audience == CUSTOMER) {
            return;
        }
        doc.heading("Hidden links discovered");
        if (view.linkages.isEmpty()) {
            doc.paragraph("No hidden link was recorded.");
        }
        doc.items(view.linkages.stream().map(l -> {
            String item = word(l.kind.name()) + " link " + l.from + " → " + l.to + ": " + sentence(l.description);
            if (audience == ENGINEERING) {
                item += (l.condition == null ? "" : " Condition: " + sentence(l.condition))
                        + (l.believedAbsent ? " It was believed not to exist." : "") + amended(l);
            }
            return item;
        }).toList());
    }

    private void remediations() {
        if (audience == CUSTOMER) {
            doc.heading("What we are changing");
            List<String> changes = view.remediations.stream().filter(r -> r.state != RemediationState.DECLINED)
                    .map(r -> text(r.description) + (r.state == RemediationState.COMPLETED ? " (done)" : " (planned)"))
                    .toList();
            doc.items(changes);
            if (changes.isEmpty()) {
                doc.paragraph("The review of this incident is still deciding what to change.");
            }
            return;
        }
        doc.heading("Remediations and decisions");
        if (view.remediations.isEmpty()) {
            doc.paragraph("No remediation was proposed.");
        }
        doc.items(view.remediations.stream().map(r -> {
            StringBuilder item = new StringBuilder(r.description).append(" (owner: ").append(r.team).append(", ")
                    .append(word(r.state.name()));
            if (r.priority != null) {
                item.append(", priority ").append(r.priority.name());
            }
            if (r.dueBy != null) {
                item.append(", due ").append(r.dueBy);
            }
            item.append(')');
            if (r.state == RemediationState.DECLINED) {
                item.append(". Decided not to remediate: ").append(sentence(r.rationale)).append(" Risk accepted: ")
                        .append(sentence(r.acceptedRisk)).append(r.revisitBy == null ? " No revisit date."
                                : " Revisit by " + r.revisitBy + ".");
            }
            if (audience == ENGINEERING && r.priorityRationale != null) {
                item.append(" Priority rationale: ").append(sentence(r.priorityRationale));
            }
            if (r.completionNote != null) {
                item.append(" Done: ").append(sentence(r.completionNote));
            }
            if (!r.recurrences.isEmpty()) {
                item.append(" Recurred in ").append(r.recurrences.size()).append(r.recurrences.size() == 1
                        ? " later incident." : " later incidents.");
            }
            return item + amended(r);
        }).toList());
    }

    private void recurrences() {
        if (audience == CUSTOMER) {
            return;
        }
        doc.heading("Recurrences");
        List<String> items = new ArrayList<>();
        view.recurrenceOf.forEach(r -> items.add("This incident recurs incident " + r.ofIncidentId
                + ", where team " + r.decidingTeam + " declined remediation " + r.remediationId
                + (r.note == null ? "." : ": " + r.note)));
        view.remediations.forEach(remediation -> remediation.recurrences.forEach(r -> items.add(
                "The declined remediation \"" + remediation.description + "\" recurred in incident " + r.incidentId
                + " (linked " + time(r.linkedAt) + ")" + (r.note == null ? "." : ": " + r.note))));
        doc.items(items);
        if (items.isEmpty()) {
            doc.paragraph("No recurrence of a declined remediation is linked to this incident.");
        }
    }

    private void prompts() {
        if (audience == CUSTOMER || template.prompts().isEmpty()) {
            return;
        }
        doc.heading("Questions for the review");
        doc.items(template.prompts());
    }

    private void hints() {
        if (audience != ENGINEERING) {
            return;
        }
        doc.heading("For the facilitator");
        List<FacilitatorHint> hints = FacilitatorHints.of(view);
        doc.items(hints.stream().map(FacilitatorHint::message).toList());
        if (hints.isEmpty()) {
            doc.paragraph("Nothing recorded calls for a facilitator's attention.");
        }
    }

    private void links() {
        doc.heading(audience == CUSTOMER ? "More information" : "Systems of record");
        List<Link> links = new ArrayList<>();
        if (audience != CUSTOMER) {
            view.references.forEach(reference -> links.add(new Link(reference, reference)));
            links.add(new Link("Incident view", IncidentPaths.incident(view.id).toString()));
            links.add(new Link("Stored events (auditors)", IncidentPaths.incident(view.id) + "/events"));
            links.add(new Link("Remediation ledger", "/api/remediations"));
            links.add(new Link("Socio-technical map", "/api/map"));
        }
        doc.links(links);
        if (audience == CUSTOMER) {
            doc.paragraph("Questions about this incident reach us through your usual support contact.");
        }
    }

    /** What a customer reads has internal names replaced; other readers see the text as recorded. */
    private String text(String recorded) {
        return audience == CUSTOMER ? names.redact(recorded) : recorded;
    }

    /** Recorded text followed by more text ends as a sentence, so the two do not run together. */
    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || ".!?…".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed
                : trimmed + ".";
    }

    private static String amended(IncidentView.Entry entry) {
        return entry.amended ? " (amended)" : "";
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String word(String constant) {
        return constant == null ? "" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String audienceName(Audience audience) {
        return switch (audience) {
            case ENGINEERING -> "Engineering";
            case EXECUTIVE -> "Executive";
            case CUSTOMER -> "Customer";
        };
    }
}
