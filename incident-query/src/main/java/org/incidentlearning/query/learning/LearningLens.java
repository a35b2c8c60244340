package org.incidentlearning.query.learning;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-incident trends: how incidents fall into classification buckets year by year, and how each team talks —
 * how often its recorded text uses "root cause" and blame phrasing, per 100 entries, with a few examples.
 */
@Repository
public class LearningLens {

    public record LabelYear(String year, long incidents) {
    }

    public record Classification(String label, long incidents, List<LabelYear> years) {
    }

    public record Example(String incidentId, String entryId, String entryKind, String excerpt) {
    }

    public record TeamLanguage(String team, long entries, long rootCause, long blame, double rootCausePer100Entries,
                               double blamePer100Entries, List<Example> blameExamples) {
    }

    public record Lens(List<Classification> classifications, List<TeamLanguage> languageByTeam,
                       List<String> rootCausePhrases, List<String> blamePhrases) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public LearningLens(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Lens lens() {
        return new Lens(classifications(), languageByTeam(), LanguageUse.ROOT_CAUSE, LanguageUse.BLAME);
    }

    private List<Classification> classifications() {
        Map<String, List<LabelYear>> years = new LinkedHashMap<>();
        jdbc.query("SELECT label, bucket_year, COUNT(*) FROM incident_label GROUP BY label, bucket_year "
                   + "ORDER BY label, bucket_year", new MapSqlParameterSource(), rs -> {
                    years.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new LabelYear(rs.getString(2), rs.getLong(3)));
                });
        List<Classification> result = new ArrayList<>();
        years.forEach((label, points) -> result.add(new Classification(label,
                points.stream().mapToLong(LabelYear::incidents).sum(), points)));
        result.sort((a, b) -> Long.compare(b.incidents(), a.incidents()));
        return result;
    }

    private List<TeamLanguage> languageByTeam() {
        List<TeamLanguage> teams = new ArrayList<>();
        jdbc.query("SELECT team, COUNT(DISTINCT entry_id), SUM(root_cause), SUM(blame) FROM recorded_text "
                   + "WHERE team IS NOT NULL GROUP BY team ORDER BY team", new MapSqlParameterSource(), rs -> {
                    String team = rs.getString(1);
                    long entries = rs.getLong(2);
                    long rootCause = rs.getLong(3);
                    long blame = rs.getLong(4);
                    teams.add(new TeamLanguage(team, entries, rootCause, blame, per100(rootCause, entries),
                            per100(blame, entries), List.of()));
                });
        return teams.stream().map(team -> team.blame() == 0 ? team : new TeamLanguage(team.team(), team.entries(),
                team.rootCause(), team.blame(), team.rootCausePer100Entries(), team.blamePer100Entries(),
                blameExamples(team.team()))).toList();
    }

    private List<Example> blameExamples(String team) {
        return jdbc.query("SELECT incident_id, entry_id, entry_kind, text, text_lower FROM recorded_text "
                          + "WHERE team = :team AND blame > 0 ORDER BY recorded_at DESC, entry_id LIMIT 3",
                new MapSqlParameterSource("team", team), (rs, row) -> new Example(rs.getString(1), rs.getString(2),
                        rs.getString(3), excerpt(rs.getString(4), rs.getString(5), LanguageUse.BLAME)));
    }

    static String excerpt(String text, String lower, List<String> phrases) {
        int at = phrases.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min().orElse(0);
        int start = Math.max(0, at - 80);
        int end = Math.min(text.length(), at + 120);
        return (start > 0 ? "…" : "") + text.substring(start, end) + (end < text.length() ? "…" : "");
    }

    private static double per100(long count, long entries) {
        return entries == 0 ? 0 : Math.round(count * 10000.0 / entries) / 100.0;
    }
}
