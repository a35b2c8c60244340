package org.incidentlearning.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.query.audit.EventChainVerification;
import org.incidentlearning.query.audit.StoreExport;
import org.incidentlearning.query.hotspot.TimeBucket;
import org.incidentlearning.query.incident.IncidentQueryController;
import org.incidentlearning.query.learning.LanguageUse;
import org.incidentlearning.query.map.MapController;
import org.incidentlearning.query.team.TeamList;
import org.incidentlearning.query.team.TeamLists;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.IncidentPaths;
import org.incidentlearning.web.Uncapped;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.incidentlearning.web.ApiDocumentation.property;

/**
 * The limits of the views' answers that follow from values the code holds rather than from constants an annotation
 * can name: the phrase lists, the time buckets, the reasons a chain is broken, the collections of an incident, what a
 * correction changes, and the answers that are not capped.
 */
@Configuration(proxyBeanMethods = false)
public class QueryDocumentation {

    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final String ENTRY_PATH = IncidentPaths.INCIDENT + "/{collection}/{entryId}";
    private static final String STREAM_PATH = "/api/stream/{view}";
    private static final String MAP_PATH = "/api/map";
    private static final String EXPORT_PATH = "/api/export";
    private static final String TEAM_LIST_PATH = "/api/teams/{team}/context/{list}";
    /** What a revision's correction names: title, summary, addedTeams, addedComponents (IncidentViewProjection). */
    private static final int REVISABLE_FIELDS = 4;

    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    OpenApiCustomizer viewLimits() {
        return api -> {
            phrases(property(api, "Lens", "rootCausePhrases"), LanguageUse.ROOT_CAUSE);
            phrases(property(api, "Lens", "blamePhrases"), LanguageUse.BLAME);

            // A window holds at most every bucket of one kind between the first and the last moment of 0000-9999.
            List<List<String>> windows = Arrays.stream(TimeBucket.values())
                    .map(bucket -> bucket.between(FIRST, LAST)).toList();
            int mostBuckets = windows.stream().mapToInt(List::size).max().orElseThrow();
            int longestLabel = windows.stream().flatMap(List::stream).mapToInt(String::length).max().orElseThrow();
            Schema window = property(api, "Hotspots", "window");
            window.setMaxItems(mostBuckets);
            window.getItems().setMaxLength(longestLabel);
            property(api, "Series", "points").setMaxItems(mostBuckets);
            property(api, "Point", "bucket").setMaxLength(longestLabel);

            // A revision changes at most title, summary, teams and components; an amendment what its kind allows.
            Schema changes = property(api, "Correction", "changes");
            changes.setMaxProperties(Math.max(REVISABLE_FIELDS, Arrays.stream(EntryKind.values())
                    .mapToInt(kind -> kind.amendableFields().size()).max().orElseThrow()));
            changes.setPropertyNames(new StringSchema().maxLength(FieldLimits.NAME));
            changes.setAdditionalProperties(new StringSchema().maxLength(FieldLimits.TEXT));

            // A team's context counts each of its lists and names where each list that goes on continues.
            List<String> lists = Arrays.stream(TeamList.values()).map(TeamList::field).toList();
            Schema next = property(api, "TeamContext", "next");
            next.setPropertyNames(new StringSchema()._enum(lists));
            next.setAdditionalProperties(new StringSchema().maxLength(TeamLists.CURSOR_LENGTH));
            Schema counts = property(api, "TeamContext", "counts");
            counts.setPropertyNames(new StringSchema()._enum(lists));
            counts.setAdditionalProperties(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)
                    .maximum(BigDecimal.valueOf(Long.MAX_VALUE)));
            Parameter list = Objects.requireNonNull(api.getPaths().get(TEAM_LIST_PATH), TEAM_LIST_PATH).getGet()
                    .getParameters().stream().filter(parameter -> parameter.getName().equals("list"))
                    .findFirst().orElseThrow();
            list.getSchema().setEnum(lists);
            list.getSchema().setMaxLength(null);

            property(api, "IncidentVerification", "reason").setMaxLength(EventChainVerification.longestReason());
            property(api, "BrokenIncident", "reason").setMaxLength(EventChainVerification.longestReason());

            Parameter collection = Objects.requireNonNull(api.getPaths().get(ENTRY_PATH), ENTRY_PATH).getGet()
                    .getParameters().stream().filter(parameter -> parameter.getName().equals("collection"))
                    .findFirst().orElseThrow();
            collection.getSchema().setEnum(IncidentQueryController.collections().stream().sorted().toList());
            collection.getSchema().setMaxLength(null);

            // An annotation cannot say Integer.MAX_VALUE (it is the attribute's "unset"); a stream has no end, and
            // the map's text and the export grow with the store.
            answer(api, STREAM_PATH, "text/event-stream").setMaxLength(Uncapped.LIMIT);
            answer(api, MAP_PATH, MapController.DOT).setMaxLength(Uncapped.LIMIT);
            answer(api, MAP_PATH, MapController.MERMAID).setMaxLength(Uncapped.LIMIT);
            answer(api, EXPORT_PATH, StoreExport.NDJSON_VALUE).setMaxLength(Uncapped.LIMIT);
        };
    }

    /** The schema of a read's 200 answer in one media type. */
    @SuppressWarnings("rawtypes")
    private static Schema answer(OpenAPI api, String path, String mediaType) {
        return Objects.requireNonNull(api.getPaths().get(path), path).getGet().getResponses().get("200").getContent()
                .get(mediaType).getSchema();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void phrases(Schema list, List<String> phrases) {
        list.setMaxItems(phrases.size());
        list.getItems().setEnum(phrases);
    }
}
