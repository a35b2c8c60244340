package org.incidentlearning.query.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.incidentlearning.kernel.artifact.Archetype;
import org.incidentlearning.kernel.artifact.ArtifactSection;
import org.incidentlearning.kernel.artifact.BuiltInTemplates;
import org.incidentlearning.kernel.artifact.TemplateDefinedEvent;
import org.incidentlearning.kernel.artifact.TemplateDefinition;
import org.incidentlearning.kernel.artifact.TemplateRevisedEvent;
import org.incidentlearning.query.learning.LearningProjection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every version of every team's template, written by the learning-views processor, with the built-in templates in
 * front. A version is one row, inserted once: a revision never changes what an earlier version renders.
 */
@Component
@ProcessingGroup(LearningProjection.PROCESSING_GROUP)
public class TemplateCatalog {

    private static final String COLUMNS = "template_id, version, name, archetype, team, sections, prompts, "
                                          + "modified_at";
    private static final TypeReference<List<String>> PROMPTS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public TemplateCatalog(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(TemplateDefinedEvent event, @Timestamp Instant at) {
        insert(event.templateId(), event.version(), event.name(), event.archetype(), event.team(), event.sections(),
                event.prompts(), null, at);
    }

    @EventHandler
    void on(TemplateRevisedEvent event, @Timestamp Instant at) {
        latest(event.templateId()).ifPresent(previous -> insert(event.templateId(), event.version(), event.name(),
                previous.archetype(), previous.team(), event.sections(), event.prompts(), event.reason(), at));
    }

    /** The built-in templates, then the teams' own by id, each at its latest version. */
    public List<TemplateDefinition> latestOfEach() {
        List<TemplateDefinition> all = new ArrayList<>(BuiltInTemplates.all());
        all.addAll(jdbc.query("SELECT " + COLUMNS + " FROM artifact_template t WHERE version = (SELECT MAX(version) "
                              + "FROM artifact_template l WHERE l.template_id = t.template_id) ORDER BY template_id",
                (rs, row) -> definition(rs)));
        return all;
    }

    /** @param version empty for the latest */
    public Optional<TemplateDefinition> find(String templateId, Optional<Integer> version) {
        Optional<TemplateDefinition> builtIn = BuiltInTemplates.find(templateId);
        if (builtIn.isPresent()) {
            return builtIn.filter(template -> version.isEmpty() || version.get() == template.version());
        }
        return version.isPresent() ? jdbc.query("SELECT " + COLUMNS + " FROM artifact_template WHERE template_id = :id "
                                                + "AND version = :version", new MapSqlParameterSource("id", templateId)
                                                .addValue("version", version.get()), (rs, row) -> definition(rs))
                .stream().findFirst() : latest(templateId);
    }

    /** Every version of a template, oldest first. */
    public List<TemplateDefinition> versions(String templateId) {
        return BuiltInTemplates.find(templateId).map(List::of).orElseGet(() -> jdbc.query("SELECT " + COLUMNS
                + " FROM artifact_template WHERE template_id = :id ORDER BY version",
                new MapSqlParameterSource("id", templateId), (rs, row) -> definition(rs)));
    }

    private Optional<TemplateDefinition> latest(String templateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM artifact_template WHERE template_id = :id ORDER BY version DESC",
                new MapSqlParameterSource("id", templateId), (rs, row) -> definition(rs)).stream().findFirst();
    }

    private void insert(String templateId, int version, String name, Archetype archetype, String team,
                        List<ArtifactSection> sections, List<String> prompts, String reason, Instant at) {
        jdbc.update("INSERT INTO artifact_template (" + COLUMNS + ", reason) VALUES (:id, :version, :name, "
                    + ":archetype, :team, :sections, :prompts, :modifiedAt, :reason)",
                new MapSqlParameterSource("id", templateId).addValue("version", version).addValue("name", name)
                        .addValue("archetype", archetype.name()).addValue("team", team)
                        .addValue("sections", String.join(",", sections.stream().map(Enum::name).toList()))
                        .addValue("prompts", write(prompts)).addValue("modifiedAt", java.sql.Timestamp.from(at))
                        .addValue("reason", reason));
    }

    private TemplateDefinition definition(ResultSet rs) throws SQLException {
        return new TemplateDefinition(rs.getString(1), rs.getInt(2), rs.getString(3),
                Archetype.valueOf(rs.getString(4)),
                Arrays.stream(rs.getString(6).split(",")).map(ArtifactSection::valueOf).toList(),
                read(rs.getString(7)), rs.getString(5), rs.getTimestamp(8).toInstant(), false);
    }

    private String write(List<String> prompts) {
        try {
            return json.writeValueAsString(prompts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write prompts", e);
        }
    }

    private List<String> read(String prompts) {
        try {
            return json.readValue(prompts, PROMPTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored prompts are not a JSON array", e);
        }
    }
}
