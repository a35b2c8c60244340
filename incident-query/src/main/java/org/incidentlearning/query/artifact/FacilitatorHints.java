package org.incidentlearning.query.artifact;

import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.artifact.FacilitatorHint.Kind;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.learning.LanguageUse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The hints one incident's recorded events give a facilitator, in the order the incident view lists its entries. */
public final class FacilitatorHints {

    /** How much of the text around a flagged phrase a hint quotes. */
    private static final int QUOTE = 60;
    private static final Set<String> PLACEHOLDERS = Set.of("", "unknown", "not known", "none", "n/a", "na", "tbd",
            "todo", "to do", "unclear", "-", "?", "none yet", "not yet known");

    private FacilitatorHints() {
    }

    public static List<FacilitatorHint> of(IncidentView view) {
        List<FacilitatorHint> hints = new ArrayList<>();
        language(hints, "INCIDENT", view.id, "title", null, view.title);
        language(hints, "INCIDENT", view.id, "summary", null, view.summary);
        language(hints, "INCIDENT", view.id, "resolution", null, view.resolution);
        language(hints, "INCIDENT", view.id, "conclusion", null, view.conclusion);
        view.timeline.forEach(e -> language(hints, "TIMELINE_ENTRY", e.id, "text", e.team, e.text));
        view.mentalModels.forEach(e -> {
            language(hints, "MENTAL_MODEL", e.id, "subject", e.team, e.subject);
            language(hints, "MENTAL_MODEL", e.id, "belief", e.team, e.belief);
        });
        view.divergences.forEach(e -> {
            language(hints, "DIVERGENCE", e.id, "description", null, e.description);
            language(hints, "DIVERGENCE", e.id, "effect", null, e.effect);
        });
        view.contexts.forEach(e -> language(hints, "CONTEXT", e.id, "description", e.team, e.description));
        view.coordinations.forEach(e -> language(hints, "COORDINATION", e.id, "description", e.team,
                e.description));
        view.linkages.forEach(e -> {
            language(hints, "LINKAGE", e.id, "description", null, e.description);
            language(hints, "LINKAGE", e.id, "condition", null, e.condition);
        });
        view.remediations.forEach(e -> {
            language(hints, "REMEDIATION", e.id, "description", e.team, e.description);
            language(hints, "REMEDIATION", e.id, "rationale", e.team, e.rationale);
            language(hints, "REMEDIATION", e.id, "acceptedRisk", e.team, e.acceptedRisk);
            language(hints, "REMEDIATION", e.id, "completionNote", e.team, e.completionNote);
        });
        teams(hints, view);
        view.divergences.stream().filter(d -> noEffect(d.effect)).forEach(d ->
                hints.add(new FacilitatorHint(Kind.DIVERGENCE_WITHOUT_EFFECT, "The divergence \"" + quote(d.description)
                        + "\" has no recorded effect: what did acting on the differing beliefs lead to?",
                        "DIVERGENCE", d.id, "effect", null, null)));
        view.remediations.stream().filter(r -> r.state == RemediationState.DECLINED && r.revisitBy == null)
                .forEach(r -> hints.add(new FacilitatorHint(Kind.DECLINED_WITHOUT_REVISIT, "Team '" + r.team
                        + "' declined \"" + quote(r.description) + "\" without a date to revisit the decision",
                        "REMEDIATION", r.id, "revisitBy", r.team, null)));
        view.remediations.forEach(r -> r.recurrences.forEach(recurrence -> hints.add(new FacilitatorHint(
                Kind.RECURRENCE_OF_DECLINED, "The declined remediation \"" + quote(r.description)
                + "\" recurred in incident " + recurrence.incidentId, "REMEDIATION", r.id, null, null, r.team))));
        view.recurrenceOf.forEach(recurrence -> hints.add(new FacilitatorHint(Kind.RECURRENCE_OF_DECLINED,
                "This incident recurs incident " + recurrence.ofIncidentId + ", where team '"
                + recurrence.decidingTeam + "' declined remediation " + recurrence.remediationId,
                "RECURRENCE", recurrence.recurrenceId, null, null, recurrence.decidingTeam)));
        return hints;
    }

    /**
     * An effect is required when a divergence is noted, so "no recorded effect" is mostly a placeholder typed to get
     * past that: "unknown", "n/a", "tbd".
     */
    static boolean noEffect(String effect) {
        return effect == null || PLACEHOLDERS.contains(effect.strip().toLowerCase(Locale.ROOT).replaceAll("[.!?]+$",
                ""));
    }

    private static void teams(List<FacilitatorHint> hints, IncidentView view) {
        Set<String> spoke = new LinkedHashSet<>();
        Stream.of(view.timeline.stream().map(e -> e.team), view.mentalModels.stream().map(e -> e.team),
                        view.contexts.stream().map(e -> e.team), view.coordinations.stream().map(e -> e.team),
                        view.remediations.stream().map(e -> e.team))
                .flatMap(teams -> teams)
                .forEach(spoke::add);
        Set<String> modelled = new LinkedHashSet<>();
        view.mentalModels.forEach(m -> modelled.add(m.team));
        for (String team : view.teams) {
            if (!spoke.contains(team)) {
                hints.add(new FacilitatorHint(Kind.SILENT_TEAM, "Team '" + team + "' took part but recorded nothing "
                        + "of its own: invite its account", null, null, null, null, team));
            } else if (!modelled.contains(team)) {
                hints.add(new FacilitatorHint(Kind.NO_MENTAL_MODEL, "Team '" + team + "' recorded no mental model: "
                        + "what did it believe about the system when the incident began?", null, null, null, null,
                        team));
            }
        }
    }

    private static void language(List<FacilitatorHint> hints, String entryKind, String entryId, String field,
                                 String team, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        flag(hints, Kind.ROOT_CAUSE_LANGUAGE, LanguageUse.ROOT_CAUSE, entryKind, entryId, field, team, text, lower,
                "'%s' in %s: complex failures have no single root cause; ask about contributing conditions");
        flag(hints, Kind.BLAME_LANGUAGE, LanguageUse.BLAME, entryKind, entryId, field, team, text, lower,
                "'%s' in %s: blame language; ask what made the action make sense at the time");
    }

    private static void flag(List<FacilitatorHint> hints, Kind kind, List<String> phrases, String entryKind,
                             String entryId, String field, String team, String text, String lower, String message) {
        for (String phrase : phrases) {
            for (int at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + phrase.length())) {
                String found = text.substring(at, at + phrase.length());
                String where = entryKind.toLowerCase(Locale.ROOT).replace('_', ' ') + " " + field + ": \""
                               + excerpt(text, at, phrase.length()) + "\"";
                hints.add(new FacilitatorHint(kind, String.format(Locale.ROOT, message, found, where), entryKind,
                        entryId, field, phrase, team));
            }
        }
    }

    private static String excerpt(String text, int at, int length) {
        int from = Math.max(0, at - QUOTE / 2);
        int to = Math.min(text.length(), at + length + QUOTE / 2);
        return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
    }

    private static String quote(String text) {
        return text == null ? "" : text.length() <= QUOTE ? text : text.substring(0, QUOTE).strip() + "…";
    }
}
