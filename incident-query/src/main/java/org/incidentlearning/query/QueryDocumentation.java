package org.incidentlearning.query;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.incidentlearning.query.audit.EventChainVerification;
import org.incidentlearning.query.hotspot.TimeBucket;
import org.incidentlearning.query.incident.IncidentQueryController;
import org.incidentlearning.query.learning.LanguageUse;
import org.incidentlearning.web.IncidentPaths;
import org.incidentlearning.web.Uncapped;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.incidentlearning.web.ApiDocumentation.property;

/**
 * The limits of the views' answers that follow from values the code holds rather than from constants an annotation
 * can name: the phrase lists, the time buckets, the reasons a chain is broken, the collections of an incident.
 */
@Configuration(proxyBeanMethods = false)
public class QueryDocumentation {

    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final String ENTRY_PATH = IncidentPaths.INCIDENT + "/{collection}/{entryId}";
    private static final String STREAM_PATH = "/api/stream/{view}";

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

            property(api, "IncidentVerification", "reason").setMaxLength(EventChainVerification.longestReason());
            property(api, "BrokenIncident", "reason").setMaxLength(EventChainVerification.longestReason());

            Parameter collection = Objects.requireNonNull(api.getPaths().get(ENTRY_PATH), ENTRY_PATH).getGet()
                    .getParameters().stream().filter(parameter -> parameter.getName().equals("collection"))
                    .findFirst().orElseThrow();
            collection.getSchema().setEnum(IncidentQueryController.collections().stream().sorted().toList());
            collection.getSchema().setMaxLength(null);

            // An annotation cannot say Integer.MAX_VALUE (it is the attribute's "unset"); a stream has no end.
            Schema stream = Objects.requireNonNull(api.getPaths().get(STREAM_PATH), STREAM_PATH).getGet()
                    .getResponses().get("200").getContent().get("text/event-stream").getSchema();
            stream.setMaxLength(Uncapped.LIMIT);
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void phrases(Schema list, List<String> phrases) {
        list.setMaxItems(phrases.size());
        list.getItems().setEnum(phrases);
    }
}
