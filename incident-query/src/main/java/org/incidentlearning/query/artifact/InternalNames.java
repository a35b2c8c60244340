package org.incidentlearning.query.artifact;

import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.query.incident.IncidentView;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of an organisation's teams and systems as an incident recorded them, and text with those names replaced
 * by a plain description: what a customer reads says "[internal team]", not the team's name.
 */
final class InternalNames {

    /** Brackets show the reader that a name was left out, and read well wherever the name stood. */
    static final String TEAM = "[internal team]";
    static final String SYSTEM = "[internal system]";

    /** Longest names first, so "payments-api" is replaced before "payments". */
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private final Pattern names;

    private InternalNames(Set<String> teams, Set<String> systems) {
        Stream.concat(teams.stream(), systems.stream())
                .filter(name -> name != null && !name.isBlank())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .forEach(name -> replacements.put(name.toLowerCase(Locale.ROOT),
                        teams.contains(name) ? TEAM : SYSTEM));
        names = replacements.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}_-])(?:"
                + String.join("|", replacements.keySet().stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}_-])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static InternalNames of(IncidentView view) {
        Set<String> teams = new TreeSet<>();
        teams.addAll(view.teams);
        teams.addAll(view.declaredTeams);
        view.coordinations.forEach(c -> teams.addAll(c.withTeams));
        view.divergences.forEach(d -> teams.addAll(d.teams));
        Set<String> systems = new TreeSet<>(view.components);
        view.linkages.stream().filter(l -> l.kind == LinkageKind.TECHNICAL).forEach(l -> {
            systems.add(l.from);
            systems.add(l.to);
        });
        systems.removeAll(teams);
        return new InternalNames(teams, systems);
    }

    String redact(String text) {
        if (text == null || names == null) {
            return text;
        }
        Matcher matcher = names.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    replacements.get(matcher.group().toLowerCase(Locale.ROOT))));
        }
        return matcher.appendTail(out).toString();
    }
}
