package org.incidentlearning.query.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts an incident's view together from its header and its parts: each section in its order (the timeline by when
 * things happened, the rest as recorded), the recurrences of each declined remediation under it, and each
 * divergence with the teams of its mental models.
 */
final class IncidentComposition {

    private static final Comparator<IncidentPart> AS_RECORDED = Comparator.comparingLong(IncidentPart::sequence)
            .thenComparing(IncidentPart::partId);
    private static final Comparator<IncidentPart> BY_OCCURRENCE = Comparator
            .comparing(IncidentPart::sortAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(IncidentPart::recordedAt).thenComparing(AS_RECORDED);
    private static final Comparator<IncidentView.Recurrence> BY_LINKING = Comparator
            .comparing((IncidentView.Recurrence recurrence) -> recurrence.linkedAt)
            .thenComparing(recurrence -> recurrence.recurrenceId);

    private IncidentComposition() {
    }

    static IncidentView compose(IncidentHeader header, Collection<IncidentPart> parts) {
        IncidentView view = header.view();
        view.teams = header.teams();
        Map<PartSection, List<IncidentPart>> sections = parts.stream()
                .collect(Collectors.groupingBy(IncidentPart::section));
        view.timeline = values(sections, PartSection.TIMELINE_ENTRY, BY_OCCURRENCE, IncidentView.TimelineEntry.class);
        view.mentalModels = values(sections, PartSection.MENTAL_MODEL, AS_RECORDED, IncidentView.MentalModel.class);
        view.divergences = values(sections, PartSection.DIVERGENCE, AS_RECORDED, IncidentView.Divergence.class);
        view.contexts = values(sections, PartSection.CONTEXT, AS_RECORDED, IncidentView.Context.class);
        view.coordinations = values(sections, PartSection.COORDINATION, AS_RECORDED,
                IncidentView.Coordination.class);
        view.linkages = values(sections, PartSection.LINKAGE, AS_RECORDED, IncidentView.Linkage.class);
        view.remediations = values(sections, PartSection.REMEDIATION, AS_RECORDED, IncidentView.Remediation.class);
        view.corrections = values(sections, PartSection.CORRECTION, AS_RECORDED, IncidentView.Correction.class);
        view.artifacts = values(sections, PartSection.ARTIFACT, AS_RECORDED, IncidentView.PublishedArtifact.class);
        view.recurrenceOf = values(sections, PartSection.RECURRENCE_OF, AS_RECORDED, IncidentView.Recurrence.class);
        attach(view, values(sections, PartSection.RECURRED, AS_RECORDED, IncidentView.Recurrence.class));
        view.divergences.forEach(divergence -> divergence.teams = view.mentalModels.stream()
                .filter(model -> divergence.mentalModelIds.contains(model.id)).map(model -> model.team).distinct()
                .toList());
        return view;
    }

    /** Attaches recurrences linked to the view's declined remediations, in the order they were linked. */
    static void attach(IncidentView view, List<IncidentView.Recurrence> recurrences) {
        recurrences.stream().sorted(BY_LINKING).forEach(recurrence -> view.remediations.stream()
                .filter(remediation -> remediation.id.equals(recurrence.remediationId)).findFirst()
                .ifPresent(remediation -> remediation.recurrences.add(recurrence)));
    }

    private static <T> List<T> values(Map<PartSection, List<IncidentPart>> sections, PartSection section,
                                      Comparator<IncidentPart> order, Class<T> type) {
        return sections.getOrDefault(section, List.of()).stream().sorted(order).map(IncidentPart::value)
                .map(type::cast).collect(Collectors.toCollection(ArrayList::new));
    }
}
