package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;

/**
 * What a test waits for before it reads what the views hold: the views are built from the events asynchronously,
 * so a read that must see everything stored waits, boundedly, until the read side has caught up. Each wait returns
 * the answer that met it.
 */
final class ViewsCatchUp {

    static final List<String> PROJECTIONS = List.of("incident-views", "learning-views");

    private ViewsCatchUp() {
    }

    /** The incident's view once it shows {@code version} events or more. */
    static ServiceClient.Answer awaitIncidentView(ServiceClient client, String incidentId, long version,
                                                  Duration atMost) {
        return await("the view of incident " + incidentId + " at version " + version).atMost(atMost)
                .until(() -> client.get("/api/incidents/" + incidentId),
                        view -> view.status() == 200 && view.json().path("version").asLong() >= version);
    }

    /** The projections' status once every projection has read every stored event. */
    static JsonNode awaitProjectionsAtHead(ServiceClient admin, Duration atMost) {
        return await("every projection at the head of the store").atMost(atMost)
                .until(() -> admin.get("/api/admin/projections").json(), ViewsCatchUp::atHead);
    }

    /** The projections' status once a replay of every projection has run to its end and read every stored event. */
    static JsonNode awaitReplayed(ServiceClient admin, Duration atMost) {
        return await("every projection replayed to the head of the store").atMost(atMost)
                .until(() -> admin.get("/api/admin/projections").json(), status -> atHead(status)
                        && projections(status).allMatch(projection ->
                                projection.path("replay").path("progress").asDouble() == 1.0));
    }

    private static boolean atHead(JsonNode status) {
        Set<String> names = projections(status).map(projection -> projection.path("name").asText())
                .collect(Collectors.toSet());
        return names.containsAll(PROJECTIONS) && projections(status).allMatch(projection ->
                projection.path("lag").isIntegralNumber() && projection.path("lag").asLong() == 0);
    }

    private static Stream<JsonNode> projections(JsonNode status) {
        return StreamSupport.stream(status.path("items").spliterator(), false);
    }
}
