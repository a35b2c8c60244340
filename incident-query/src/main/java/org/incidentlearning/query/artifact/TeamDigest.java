package org.incidentlearning.query.artifact;

import org.incidentlearning.query.artifact.ArtifactDocument.Fact;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.learning.RemediationLedger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a team learned over a period, for its knowledge base: the incidents it took part in, what it believed and
 * where beliefs parted, the links it found, its hot spots, and what it still owes or chose not to do. Open and
 * declined items are the team's whole ledger, not only the period's: a decision made last year is still the team's.
 * Dates that fall due are judged against the end of the period, so the digest of a past period never changes.
 */
final class TeamDigest {

    private TeamDigest() {
    }

    static ArtifactDocument compose(String team, LocalDate from, LocalDate to, List<IncidentView> incidents,
                                    boolean moreIncidents, List<RemediationLedger.Item> open,
                                    List<RemediationLedger.Item> declined) {
        ArtifactDocument.Builder doc = new ArtifactDocument.Builder("What " + team + " learned, " + from + " to "
                + to);
        doc.facts(List.of(new Fact("Team", team), new Fact("Period", from + " to " + to + " (end exclusive)"),
                new Fact("Incidents", incidents.size() + (moreIncidents ? " (the first ones; narrow the period for "
                        + "the rest)" : ""))));

        doc.heading("Incidents");
        doc.items(incidents.stream().map(v -> v.startedAt + ", " + v.severity + ": " + v.title + " (" + v.id + ")")
                .toList());
        if (incidents.isEmpty()) {
            doc.paragraph("The team took part in no incident that started in this period.");
        }

        doc.heading("What the team believed");
        List<String> beliefs = new ArrayList<>();
        incidents.forEach(v -> v.mentalModels.stream().filter(m -> team.equals(m.team))
                .forEach(m -> beliefs.add(m.subject + ": " + m.belief + " (" + v.id + ")")));
        doc.items(beliefs);
        if (beliefs.isEmpty()) {
            doc.paragraph("The team recorded no mental model in this period.");
        }

        doc.heading("Where its beliefs diverged from others'");
        List<String> divergences = new ArrayList<>();
        incidents.forEach(v -> v.divergences.stream().filter(d -> d.teams.contains(team))
                .forEach(d -> divergences.add(d.description + (d.effect == null ? "" : ". Effect: " + d.effect)
                        + " (" + v.id + ")")));
        doc.items(divergences);
        if (divergences.isEmpty()) {
            doc.paragraph("No divergence involving the team was noted in this period.");
        }

        doc.heading("Hidden links found");
        List<String> links = new ArrayList<>();
        incidents.forEach(v -> v.linkages.forEach(l -> links.add(l.kind.name().toLowerCase(Locale.ROOT)
                + " link " + l.from + " → " + l.to + ": " + l.description + " (" + v.id + ")")));
        doc.items(links);
        if (links.isEmpty()) {
            doc.paragraph("No hidden link was recorded in the team's incidents of this period.");
        }

        doc.heading("Hot spots");
        Map<String, Long> components = new TreeMap<>();
        incidents.forEach(v -> v.components.forEach(c -> components.merge(c, 1L, Long::sum)));
        doc.items(components.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " incident" : " incidents"))
                .toList());
        if (components.isEmpty()) {
            doc.paragraph("No component was named in the team's incidents of this period.");
        }

        doc.heading("Open items");
        doc.items(open.stream().sorted(Comparator.comparing(RemediationLedger.Item::remediationId))
                .map(item -> item.description() + " (" + item.state().name().toLowerCase(Locale.ROOT)
                        + (item.priority() == null ? "" : ", priority " + item.priority())
                        + (item.dueBy() == null ? "" : ", due " + item.dueBy()
                           + (item.dueBy().isBefore(to) ? ", overdue at the end of the period" : ""))
                        + "; " + item.incidentId() + ")")
                .toList());
        if (open.isEmpty()) {
            doc.paragraph("The team has no open remediation.");
        }

        doc.heading("Declined, and the risk accepted");
        doc.items(declined.stream().sorted(Comparator.comparing(RemediationLedger.Item::remediationId))
                .map(item -> item.description() + ". Why: " + ArtifactComposer.sentence(item.rationale())
                        + " Risk accepted: " + ArtifactComposer.sentence(item.acceptedRisk())
                        + (item.revisitBy() == null ? " No revisit date."
                                : " Revisit by " + item.revisitBy() + (item.revisitBy().isBefore(to)
                                ? ", due at the end of the period." : "."))
                        + (item.recurrences() == 0 ? "" : " Recurred " + item.recurrences()
                           + (item.recurrences() == 1 ? " time." : " times."))
                        + " (" + item.incidentId() + ")")
                .toList());
        if (declined.isEmpty()) {
            doc.paragraph("The team has declined no remediation.");
        }
        return doc.build();
    }

}
