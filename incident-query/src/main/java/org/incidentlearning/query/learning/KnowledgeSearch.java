package org.incidentlearning.query.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.query.paging.PagedQuery;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PageOf;
import org.incidentlearning.web.PathIds;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Full-text search over everything recorded: every word of the query must occur (case-insensitive). */
@Repository
public class KnowledgeSearch {

    public record Hit(@Schema(pattern = PathIds.PATTERN) String incidentId,
                      @Schema(maxLength = FieldLimits.TITLE) String incidentTitle,
                      @Schema(pattern = PathIds.PATTERN) String entryId,
                      @Schema(maxLength = LearningProjection.KIND_LENGTH) String entryKind,
                      @Schema(maxLength = LearningProjection.FIELD_LENGTH) String field,
                      @Nullable @Schema(maxLength = FieldLimits.NAME, description = "Left null for text no team "
                              + "recorded in its own name, such as a divergence") String team,
                      @Schema(maxLength = LearningLens.EXCERPT_LENGTH) String excerpt, Instant recordedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public KnowledgeSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PageOf<Hit> search(String query, String team, int page, int size) {
        List<String> words = Arrays.stream(LanguageUse.lower(query).trim().split("\\s+"))
                .filter(word -> !word.isEmpty()).toList();
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            conditions.add("t.text_lower LIKE :w" + i + " ESCAPE '!'");
            params.addValue("w" + i, "%" + words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                                     + "%");
        }
        if (team != null) {
            conditions.add("t.team = :team");
            params.addValue("team", team);
        }
        String where = " WHERE " + String.join(" AND ", conditions);
        return PagedQuery.page(jdbc, "recorded_text t LEFT JOIN learning_incident i ON i.incident_id = t.incident_id"
                                     + where,
                "t.incident_id, i.title, t.entry_id, t.entry_kind, t.field, t.team, t.text, t.text_lower, "
                + "t.recorded_at", "t.recorded_at DESC, t.entry_id, t.field", params, page, size,
                (rs, row) -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), LearningLens.excerpt(rs.getString(7), rs.getString(8),
                        words), rs.getTimestamp(9).toInstant()));
    }
}
