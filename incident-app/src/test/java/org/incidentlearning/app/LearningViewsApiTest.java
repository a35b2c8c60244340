package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/** The cross-incident views over HTTP: a declined remediation, its recurrence, and the smoke they leave. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/learning-${random.uuid}")
class LearningViewsApiTest {

    @LocalServerPort
    int port;

    @Test
    void theDecidingTeamSeesItsDeclinedRemediationAndEveryRecurrenceSince() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        String first = declare(client, "Deploy failed after netlib change", "2026-03-02T09:00:00Z", "SEV2");
        String base = "/api/incidents/" + first;
        var security = client.post(base + "/mental-models", json("team", "security", "subject", "netlib",
                "belief", "Nobody uses the legacy options"));
        var checkout = client.post(base + "/mental-models", json("team", "checkout", "subject", "netlib",
                "belief", "Our pinned version is unaffected"));
        var divergence = client.post(base + "/divergences", json("mentalModelIds", List.of(security.id(), checkout.id()),
                "description", "Options believed unused", "effect", "An hour lost"));
        client.post(base + "/contexts", json("team", "checkout", "kind", "PRESSURE", "description", "Sales event"));
        client.post(base + "/linkages", json("kind", "TECHNICAL", "from", "checkout-api", "to", "netlib",
                "description", "Loads legacy options", "condition", "TLS renegotiation fails", "believedAbsent", true));
        client.post(base + "/linkages", json("kind", "SOCIAL", "from", "security", "to", "checkout",
                "description", "Security must know who uses which version"));
        var migrate = client.post(base + "/remediations", json("team", "checkout", "description", "Migrate off"));
        client.post(base + "/remediations/" + migrate.id() + "/decline", json("rationale", "A quarter of work",
                "acceptedRisk", "Short outages", "revisitBy", "2026-09-01"));
        String second = declare(client, "Outage during TLS renegotiation", "2026-05-10T14:00:00Z", "SEV1");
        client.post("/api/incidents/" + second + "/recurrences",
                json("ofIncidentId", first, "remediationId", migrate.id()));

        // One entry read on its own shows what the whole view shows of it: its recurrences, its models' teams.
        JsonNode decided = client.get(base + "/remediations/" + migrate.id()).json();
        assertThat(ids(decided.path("recurrences"), "incidentId")).containsExactly(second);
        assertThat(ids(client.get(base + "/divergences/" + divergence.id()).json().path("teams"), null))
                .containsExactly("security", "checkout");

        JsonNode context = client.get("/api/teams/checkout/context").json();
        assertThat(context.path("team").asText()).isEqualTo("checkout");
        assertThat(ids(context.path("incidents"), "id")).as("most recent first").containsExactly(second, first);
        assertThat(ids(context.path("mentalModels"), "id")).containsExactly(checkout.id());
        assertThat(ids(context.path("divergences").get(0).path("withTeams"), null)).containsExactly("security");
        assertThat(ids(context.path("contexts"), "kind")).containsExactly("PRESSURE");
        JsonNode declined = context.path("remediations").get(0);
        assertThat(declined.path("state").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("rationale").asText()).isEqualTo("A quarter of work");
        assertThat(declined.path("acceptedRisk").asText()).isEqualTo("Short outages");
        assertThat(declined.path("revisitBy").asText()).isEqualTo("2026-09-01");
        assertThat(ids(declined.path("recurrences"), "incidentId")).containsExactly(second);
        assertThat(context.path("remediationsByState").path("DECLINED").asInt()).isEqualTo(1);
        assertThat(ids(context.path("linkages"), "kind")).containsExactly("SOCIAL", "TECHNICAL");
        assertThat(context.path("counts").path("incidents").asInt()).isEqualTo(2);
        assertThat(context.path("counts").path("linkages").asInt()).isEqualTo(2);
        assertThat(context.path("next").isEmpty()).as("every list fits its first page").isTrue();

        // Each list pages on its own, most recent first, from the cursor the page before answered.
        JsonNode small = client.get("/api/teams/checkout/context?size=1").json();
        assertThat(ids(small.path("incidents"), "id")).containsExactly(second);
        assertThat(small.path("counts").path("incidents").asInt()).isEqualTo(2);
        JsonNode rest = client.get("/api/teams/checkout/context/incidents?size=1&after="
                + small.path("next").path("incidents").asText()).json();
        assertThat(ids(rest.path("items"), "id")).containsExactly(first);
        assertThat(rest.path("next").isNull()).isTrue();
        assertThat(ids(client.get("/api/teams/checkout/context/linkages?size=1&after="
                + small.path("next").path("linkages").asText()).json().path("items"), "kind"))
                .containsExactly("TECHNICAL");
        assertThat(small.path("next").has("mentalModels")).as("a list that ends has no cursor").isFalse();
        assertThat(client.get("/api/teams/checkout/context/incidents?after=bm90LWEtY3Vyc29y").status())
                .isEqualTo(400);
        // As of a moment, the context pages the same way: cursors of a past context continue it.
        String now = "2099-01-01T00:00:00Z";
        JsonNode past = client.get("/api/teams/checkout/context?size=1&asOf=" + now).json();
        assertThat(ids(past.path("incidents"), "id")).containsExactly(second);
        assertThat(past.path("counts")).isEqualTo(small.path("counts"));
        assertThat(ids(client.get("/api/teams/checkout/context/incidents?size=1&asOf=" + now + "&after="
                + past.path("next").path("incidents").asText()).json().path("items"), "id")).containsExactly(first);
        assertThat(client.get("/api/teams/checkout/context?asOf=" + now).json().path("remediations"))
                .isEqualTo(context.path("remediations"));

        assertThat(client.get("/api/teams/nobody/context").json().path("incidents")).isEmpty();

        JsonNode byTeam = client.get("/api/hotspots?by=team&bucket=month").json();
        JsonNode checkoutSeries = series(byTeam, "checkout");
        assertThat(checkoutSeries.path("incidents").asInt()).isEqualTo(2);
        assertThat(checkoutSeries.path("score").asInt()).as("SEV2 weighs 8, SEV1 16").isEqualTo(24);
        assertThat(checkoutSeries.path("recurrences").asInt()).isEqualTo(1);
        assertThat(ids(checkoutSeries.path("points"), "bucket")).containsExactly("2026-03", "2026-05");
        assertThat(ids(byTeam.path("window"), null)).containsExactly("2026-03", "2026-04", "2026-05");
        assertThat(client.get("/api/hotspots?by=team&bucket=year&from=2026-04-01&to=2026-12-31").json()
                .path("series").get(0).path("incidents").asInt()).isEqualTo(1);
        assertThat(client.get("/api/hotspots?by=planet").status()).isEqualTo(400);

        JsonNode map = client.get("/api/map").json();
        JsonNode technical = StreamSupport.stream(map.path("edges").spliterator(), false)
                .filter(edge -> edge.path("kind").asText().equals("TECHNICAL")).findFirst().orElseThrow();
        assertThat(technical.path("from").asText()).isEqualTo("checkout-api");
        assertThat(technical.path("condition").asText()).isEqualTo("TLS renegotiation fails");
        assertThat(technical.path("believedAbsent").asBoolean()).isTrue();
        assertThat(ids(technical.path("discoveredIn"), null)).containsExactly(first);
        assertThat(client.get("/api/map?format=dot").body()).startsWith("digraph");
        assertThat(client.get("/api/map?format=mermaid").body()).startsWith("flowchart LR");

        JsonNode ledger = client.get("/api/remediations?team=checkout&state=DECLINED").json();
        assertThat(ledger.path("total").asInt()).isEqualTo(1);
        assertThat(ledger.path("items").get(0).path("recurrences").asInt()).isEqualTo(1);
        assertThat(client.get("/api/search?q=legacy%20options").json().path("total").asInt()).isEqualTo(2);
        assertThat(client.get("/api/search?q=x").status()).isEqualTo(400);
        assertThat(ids(client.get("/api/learning/lens").json().path("languageByTeam"), "team"))
                .containsExactly("checkout", "security");

        // A team that joins the incident after a technical linkage was found lists it too.
        client.post(base + "/contexts", json("team", "payments", "kind", "PRESSURE", "description", "Month end"));
        assertThat(ids(client.get("/api/teams/payments/context").json().path("linkages"), "kind"))
                .containsExactly("TECHNICAL");
    }

    private static String declare(ServiceClient client, String title, String startedAt, String severity) {
        return client.post("/api/incidents", json("title", title, "severity", severity, "startedAt", startedAt,
                "teams", List.of("checkout"), "components", List.of("checkout-api"))).id();
    }

    private static JsonNode series(JsonNode hotspots, String key) {
        return StreamSupport.stream(hotspots.path("series").spliterator(), false)
                .filter(series -> series.path("key").asText().equals(key)).findFirst().orElseThrow();
    }

    private static List<String> ids(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.asText() : node.path(field).asText()).toList();
    }
}
