package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.incidentlearning.query.rebuild.RebuildableViews;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * The views are disposable: rebuilt from the events into fresh tables and swapped in, they hold exactly the rows that
 * live processing wrote, and answer exactly as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/rebuild-${random.uuid}")
class ProjectionRebuildTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<RebuildableViews> rebuildable;

    @Test
    void aReplayedProjectionGivesTheSameViews() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = client.post("/api/incidents", json("title", "Rebuild " + i, "severity", "SEV3",
                    "startedAt", "2026-0" + (i + 1) + "-01T00:00:00Z", "teams", List.of("ops", "team-" + i),
                    "components", List.of("cache", "api-" + (i % 2)))).id();
            client.post("/api/incidents/" + id + "/linkages", json("kind", "TECHNICAL", "from", "api-" + (i % 2),
                    "to", "cache", "description", "Reads through it after a deploy", "condition", "cold start"));
            client.post("/api/incidents/" + id + "/classify", json("labels", List.of("deploy", "cache")));
            incidents.add(id);
            var model = client.post("/api/incidents/" + id + "/mental-models",
                    json("team", "ops", "subject", "cache", "belief", "Warm after deploy " + i));
            var other = client.post("/api/incidents/" + id + "/mental-models",
                    json("team", "team-" + i, "subject", "cache", "belief", "Cold after deploy"));
            client.post("/api/incidents/" + id + "/divergences", json("mentalModelIds",
                    List.of(model.id(), other.id()), "description", "Cache state", "effect", "Slow start"));
            var remediation = client.post("/api/incidents/" + id + "/remediations",
                    json("team", "ops", "description", "Pre-warm"));
            client.post("/api/incidents/" + id + "/remediations/" + remediation.id() + "/decline",
                    json("rationale", "Rare", "acceptedRisk", "Slow first minute"));
            if (i > 0) {
                client.post("/api/incidents/" + id + "/recurrences", json("ofIncidentId", incidents.get(0),
                        "remediationId", firstRemediation(client, incidents.get(0))));
            }
            // Corrections: a revision, an amendment and a retraction change rows written earlier.
            client.post("/api/incidents/" + id + "/revise", json("summary", "Revised account " + i,
                    "addTeams", List.of("payments"), "addComponents", List.of("queue"), "reason", "Later account"));
            client.post("/api/incidents/" + id + "/entries/" + model.id() + "/amend", json("changes",
                    Map.of("belief", "Warm only after the first request " + i), "reason", "Said it better"));
            client.post("/api/incidents/" + id + "/entries/" + other.id() + "/retract", json("reason",
                    "Recorded on the wrong incident"));
        }
        Map<String, String> live = views(client, incidents);
        List<String> reads = List.of("/api/incidents?team=ops", "/api/teams/ops/context",
                "/api/hotspots?by=team&bucket=month", "/api/hotspots?by=component&bucket=year", "/api/map",
                "/api/remediations?size=500", "/api/learning/lens", "/api/search?q=deploy");
        Map<String, String> liveReads = client.bodies(reads);

        ServiceClient admin = client.withKey(ServiceClient.ADMIN_KEY);
        await("the live projections caught up").atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/admin/projections").json().path("items"), ProjectionRebuildTest::caughtUp);
        Map<String, List<String>> liveRows = rows();
        assertThat(liveRows.get("incident_part")).as("the story wrote rows").isNotEmpty();
        // A row no event wrote: gone after the rebuild only if fresh tables took the old ones' place.
        jdbc.update("INSERT INTO learning_incident (incident_id, title, started_at) VALUES ('stray', 'Stray', CURRENT_TIMESTAMP)");

        assertThat(admin.post("/api/admin/projections/replay", "").status()).isEqualTo(202);
        await("every projection rebuilt and swapped in").atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/api/admin/projections").json().path("items"), ProjectionRebuildTest::swapped);

        assertThat(rows()).isEqualTo(liveRows);
        // The swapped-in tables carry the live names of their indexes, as later migrations expect.
        assertThat(jdbc.queryForList("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = "
                                     + "'TEAM_ENTRY' AND INDEX_TYPE_NAME = 'INDEX'", String.class))
                .containsExactlyInAnyOrder("TEAM_ENTRY_BY_RECORDING", "TEAM_ENTRY_BY_PART");
        assertThat(jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE "
                                     + "'%\\_REBUILD' OR TABLE_NAME LIKE '%\\_RETIRED'", String.class)).isEmpty();
        assertThat(views(client, incidents)).isEqualTo(live);
        assertThat(client.bodies(reads)).isEqualTo(liveReads);
    }

    private static String firstRemediation(ServiceClient client, String incident) {
        return client.get("/api/incidents/" + incident).json().path("remediations").get(0).path("id").asText();
    }

    private static Map<String, String> views(ServiceClient client, List<String> incidents) {
        Map<String, String> views = new LinkedHashMap<>();
        incidents.forEach(id -> views.put(id, client.get("/api/incidents/" + id).body()));
        return views;
    }

    /** Every row of every view table, each table's rows in one order whatever order they were written in. */
    private Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        rebuildable.stream().flatMap(views -> views.tables().stream()).forEach(table -> rows.put(table,
                jdbc.queryForList("SELECT * FROM " + table).stream().map(Object::toString).sorted().toList()));
        return rows;
    }

    private static boolean caughtUp(JsonNode projections) {
        for (JsonNode projection : projections) {
            if (projection.path("lag").asLong(-1) != 0) {
                return false;
            }
        }
        return projections.size() == 2;
    }

    private static boolean swapped(JsonNode projections) {
        if (projections.size() != 2) {
            return false;
        }
        for (JsonNode projection : projections) {
            JsonNode replay = projection.path("replay");
            assertThat(replay.path("error").isNull()).as(replay.toString()).isTrue();
            if (replay.path("progress").asDouble() < 1.0 || !projection.path("running").asBoolean()) {
                return false;
            }
        }
        return true;
    }
}
