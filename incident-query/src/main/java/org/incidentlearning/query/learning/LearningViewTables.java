package org.incidentlearning.query.learning;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.incidentlearning.query.artifact.TemplateCatalog;
import org.incidentlearning.query.rebuild.RebuildableViews;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The map, the ledger, the recorded texts, the labels and the teams' templates, as a rebuild builds them. */
@Component
class LearningViewTables implements RebuildableViews {

    private final ObjectMapper json;

    LearningViewTables(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String processingGroup() {
        return LearningProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("learning_incident", "map_edge", "remediation_ledger", "ledger_recurrence", "recorded_text",
                "incident_label", "artifact_template");
    }

    @Override
    public List<Object> handlersWritingTo(NamedParameterJdbcTemplate jdbc) {
        return List.of(new LearningProjection(new LearningWrites(jdbc)), new TemplateCatalog(jdbc, json));
    }
}
