package org.incidentlearning.query.learning;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.error.Require;
import org.incidentlearning.web.PathIds;
import org.incidentlearning.web.Uncapped;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.incidentlearning.web.FieldLimits.NAME;

/**
 * Cross-incident trends: how incidents fall into classification buckets year by year, and how each team talks —
 * how often its recorded text uses "root cause" and blame phrasing, per 100 entries, with a few examples.
 */
@Repository
public class LearningLens {

    /** How many of a team's blame-phrased entries the lens shows, newest first. */
    static final int BLAME_EXAMPLES = 3;
    /** An excerpt: up to this much of the text before the phrase and from it on, and an ellipsis at each cut. */
    private static final int BEFORE = 80;
    private static final int FROM = 120;
    static final int EXCERPT_LENGTH = BEFORE + FROM + 2;

    public record LabelYear(@Schema(pattern = "^\\d{1,4}$", maxLength = 4) String year,
                            @Schema(minimum = "1") long incidents) {
    }

    public record Classification(@Schema(maxLength = NAME) String label, @Schema(minimum = "1") long incidents,
                                 @ArraySchema(maxItems = Require.YEARS) List<LabelYear> years) {
    }

    public record Example(@Schema(pattern = PathIds.PATTERN) String incidentId,
                          @Schema(pattern = PathIds.PATTERN) String entryId,
                          @Schema(maxLength = LearningProjection.KIND_LENGTH) String entryKind,
                          @Schema(maxLength = EXCERPT_LENGTH) String excerpt) {
    }

    public record TeamLanguage(@Schema(maxLength = NAME) String team, @Schema(minimum = "1") long entries,
                               @Schema(minimum = "0") long rootCause, @Schema(minimum = "0") long blame,
                               @Schema(minimum = "0") double rootCausePer100Entries,
                               @Schema(minimum = "0") double blamePer100Entries,
                               @ArraySchema(maxItems = BLAME_EXAMPLES) List<Example> blameExamples) {
    }

    /** The phrase lists' limits are set from the lists themselves (QueryDocumentation). */
    public record Lens(@Uncapped("every label incidents were classified with") List<Classification> classifications,
                       @Uncapped("every team that recorded text") List<TeamLanguage> languageByTeam,
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
                          + "WHERE team = :team AND blame > 0 ORDER BY recorded_at DESC, entry_id LIMIT :examples",
                new MapSqlParameterSource("team", team).addValue("examples", BLAME_EXAMPLES),
                (rs, row) -> new Example(rs.getString(1), rs.getString(2), rs.getString(3),
                        excerpt(rs.getString(4), rs.getString(5), LanguageUse.BLAME)));
    }

    static String excerpt(String text, String lower, List<String> phrases) {
        // Lower-casing can lengthen text (İ becomes i and a combining dot), so a place in it may lie beyond the text.
        int at = Math.min(text.length(), phrases.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min()
                .orElse(0));
        int start = Math.max(0, at - BEFORE);
        int end = Math.min(text.length(), at + FROM);
        return (start > 0 ? "…" : "") + text.substring(start, end) + (end < text.length() ? "…" : "");
    }

    private static double per100(long count, long entries) {
        return entries == 0 ? 0 : Math.round(count * 10000.0 / entries) / 100.0;
    }
}
