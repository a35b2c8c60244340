package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * Post-incident artifacts over HTTP, on the article's story: rendering each archetype for each audience as Markdown
 * and HTML, publishing (and publishing again), re-rendering what was published after the incident and the template
 * moved on, a team's own template, facilitator hints and a team's digest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/artifacts-${random.uuid}")
class ArtifactApiTest {

    private static final String CANDID = "Sales event this week; rolling back needed a VP";

    @LocalServerPort
    int port;

    private String story(ServiceClient client) {
        String id = client.post("/api/incidents", json("title", "Deploy failed after netlib change", "severity",
                "SEV2", "startedAt", "2026-03-02T09:00:00Z", "summary", "checkout-api failed TLS handshakes",
                "teams", List.of("checkout", "security"), "components", List.of("checkout-api"))).id();
        String base = "/api/incidents/" + id;
        var security = client.post(base + "/mental-models", json("team", "security", "subject", "netlib",
                "belief", "Nobody uses the legacy options"));
        var checkout = client.post(base + "/mental-models", json("team", "checkout", "subject", "netlib",
                "belief", "Our pinned version is unaffected"));
        client.post(base + "/divergences", json("mentalModelIds", List.of(security.id(), checkout.id()),
                "description", "Options believed unused", "effect", "Unknown"));
        client.post(base + "/contexts", json("team", "checkout", "kind", "PRESSURE", "description", CANDID));
        client.post(base + "/timeline-entries", json("team", "checkout", "occurredAt", "2026-03-02T09:10:00Z",
                "kind", "OBSERVATION", "text", "Human error in the deploy script"));
        var migrate = client.post(base + "/remediations", json("team", "checkout", "description", "Migrate off"));
        client.post(base + "/remediations/" + migrate.id() + "/decline", json("rationale", "A quarter of work",
                "acceptedRisk", "Short outages"));
        return id;
    }

    @Test
    void eachArchetypeRendersForEachAudienceAsMarkdownOrHtml() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        String id = story(client);
        String base = "/api/incidents/" + id + "/artifacts/";

        var engineering = client.request("GET", base + "record-keeper?audience=ENGINEERING");
        assertThat(engineering.status()).isEqualTo(200);
        assertThat(engineering.header("Content-Type")).startsWith("text/markdown");
        assertThat(engineering.body()).startsWith("# Deploy failed after netlib change (Record-keeper, Engineering)")
                .contains(CANDID, "Nobody uses the legacy options", "Risk accepted: Short outages");
        assertThat(engineering.header("Artifact-Content-Hash")).isEqualTo(sha256(engineering.body()));
        assertThat(engineering.header("Artifact-Template-Version")).isEqualTo("1");

        var html = client.request("GET", base + "facilitator?audience=ENGINEERING", "Accept", "text/html");
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<h2>For the facilitator</h2>",
                "&#39;Human error&#39; in timeline entry text", "declined &quot;Migrate off&quot; without a date");
        assertThat(html.header("Artifact-Content-Hash")).as("the hash is always the Markdown's")
                .isEqualTo(client.request("GET", base + "facilitator?audience=ENGINEERING")
                        .header("Artifact-Content-Hash"));

        String executive = client.request("GET", base + "facilitator?audience=EXECUTIVE").body();
        assertThat(executive).contains("Short outages", "1 pressure").doesNotContain(CANDID, "For the facilitator");
        String customer = client.request("GET", base + "signpost?audience=CUSTOMER").body();
        assertThat(customer).contains("\\[internal system\\] failed TLS handshakes")
                .doesNotContain("checkout", "security", CANDID, "Short outages");

        JsonNode asJson = client.request("GET", base + "record-keeper?audience=ENGINEERING", "Accept",
                "application/json").json();
        assertThat(asJson.path("markdown").asText()).isEqualTo(engineering.body());
        assertThat(asJson.path("contentHash").asText()).isEqualTo(engineering.header("Artifact-Content-Hash"));
        assertThat(client.request("GET", base + "record-keeper?audience=ENGINEERING", "Accept", "image/png")
                .status()).isEqualTo(406);
        assertThat(client.get(base + "record-keeper?audience=BOARD").status()).isEqualTo(400);
        assertThat(client.get(base + "record-keeper").status()).as("the audience is never guessed").isEqualTo(400);
        var unknownTemplate = client.get(base + "novel?audience=ENGINEERING");
        assertThat(unknownTemplate.status()).isEqualTo(404);
        assertThat(unknownTemplate.json().path("code").asText()).isEqualTo("UNKNOWN_TEMPLATE");
        assertThat(client.get("/api/incidents/nope/artifacts/signpost?audience=CUSTOMER").status()).isEqualTo(404);
    }

    @Test
    void publishingRecordsTheContentOnceAndAnAuditorReRendersItExactly() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        String id = story(client);
        String artifacts = "/api/incidents/" + id + "/artifacts";
        String shown = client.get(artifacts + "/record-keeper?audience=EXECUTIVE").header("Artifact-Content-Hash");

        var first = client.post(artifacts, json("template", "record-keeper", "audience", "EXECUTIVE"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo(artifacts + "/published/" + first.id());
        var again = client.post(artifacts, json("template", "record-keeper", "audience", "EXECUTIVE"));
        assertThat(again.status()).as("the same content again is a no-op").isEqualTo(200);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(first.version());

        JsonNode published = client.get(artifacts).json().path("artifacts");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("contentHash").asText()).isEqualTo(shown);
        assertThat(published.get(0).path("templateVersion").asInt()).isEqualTo(1);
        assertThat(published.get(0).path("audience").asText()).isEqualTo("EXECUTIVE");
        long renderedVersion = published.get(0).path("incidentVersion").asLong();
        assertThat(renderedVersion).isEqualTo(first.version() - 1);

        client.post("/api/incidents/" + id + "/mental-models", json("team", "security", "subject", "rollbacks",
                "belief", "Rollbacks are always safe"));
        var changed = client.post(artifacts, json("template", "record-keeper", "audience", "EXECUTIVE"));
        assertThat(changed.status()).as("new content is published anew").isEqualTo(201);

        var audit = client.get(artifacts + "/published/" + first.id());
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.header("Artifact-Content-Hash")).isEqualTo(audit.header("Artifact-Published-Hash"))
                .isEqualTo(shown).isEqualTo(sha256(audit.body()));
        assertThat(audit.header("Artifact-Incident-Version")).isEqualTo(Long.toString(renderedVersion));
        assertThat(audit.body()).doesNotContain("Rollbacks are always safe");
        assertThat(client.get(artifacts + "/published/missing").status()).isEqualTo(404);
    }

    @Test
    void aTeamDefinesAndRevisesItsOwnTemplateAndOldVersionsStillRender() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        String id = story(client);
        ServiceClient checkout = client.withKey(ServiceClient.CHECKOUT_KEY);
        var defined = checkout.post("/api/templates", json("id", "checkout-review", "name", "Checkout review",
                "archetype", "FACILITATOR", "sections", List.of("DIVERGENCES", "PROMPTS"), "prompts",
                List.of("Who was surprised?"), "team", "checkout"));
        assertThat(defined.status()).isEqualTo(201);
        assertThat(defined.header("Location")).isEqualTo("/api/templates/checkout-review");
        assertThat(checkout.post("/api/templates", json("id", "security-review", "name", "Not ours", "archetype",
                "SIGNPOST", "sections", List.of("SUMMARY"), "team", "security")).status()).isEqualTo(403);
        assertThat(client.post("/api/templates", json("id", "facilitator", "name", "Mine", "archetype",
                "SIGNPOST", "sections", List.of("SUMMARY"), "team", "checkout")).status()).isEqualTo(409);
        var badSection = client.post("/api/templates", json("id", "light", "name", "Light", "archetype", "SIGNPOST",
                "sections", List.of("TIMELINE"), "team", "checkout"));
        assertThat(badSection.status()).isEqualTo(400);
        assertThat(badSection.json().path("detail").asText()).contains("has no TIMELINE section");

        String base = "/api/incidents/" + id + "/artifacts/checkout-review?audience=ENGINEERING";
        String v1 = client.get(base).body();
        assertThat(v1).contains("Who was surprised?", "Options believed unused").doesNotContain("## Summary");

        var revised = checkout.post("/api/templates/checkout-review/revisions", json("name", "Checkout review",
                "sections", List.of("SUMMARY", "PROMPTS"), "prompts", List.of("What did we learn?"), "reason",
                "Shorter"), "If-Match", "\"1\"");
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.version()).isEqualTo(2);
        assertThat(client.withKey(ServiceClient.SECURITY_KEY).post("/api/templates/checkout-review/revisions",
                json("name", "Taken", "sections", List.of("SUMMARY"))).status()).isEqualTo(403);
        assertThat(client.post("/api/templates/record-keeper/revisions", json("name", "Mine", "sections",
                List.of("SUMMARY"))).status()).isEqualTo(409);

        assertThat(client.get(base).body()).contains("What did we learn?", "## Summary");
        assertThat(client.get(base + "&templateVersion=1").body()).isEqualTo(v1);
        JsonNode versions = client.get("/api/templates/checkout-review/versions").json().path("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).path("modifiedAt").asText()).isNotBlank();
        JsonNode all = client.get("/api/templates").json().path("templates");
        assertThat(StreamSupport.stream(all.spliterator(), false).map(t -> t.path("templateId").asText()))
                .containsExactly("record-keeper", "facilitator", "signpost", "checkout-review");
        assertThat(all.get(3).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void hintsAndTheTeamDigest() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        String id = story(client);
        JsonNode hints = client.get("/api/incidents/" + id + "/facilitator-hints").json().path("hints");
        List<String> kinds = StreamSupport.stream(hints.spliterator(), false).map(h -> h.path("kind").asText())
                .toList();
        assertThat(kinds).contains("BLAME_LANGUAGE", "DIVERGENCE_WITHOUT_EFFECT", "DECLINED_WITHOUT_REVISIT");
        JsonNode blame = StreamSupport.stream(hints.spliterator(), false)
                .filter(h -> h.path("kind").asText().equals("BLAME_LANGUAGE")).findFirst().orElseThrow();
        assertThat(blame.path("entryKind").asText()).isEqualTo("TIMELINE_ENTRY");
        assertThat(blame.path("phrase").asText()).isEqualTo("human error");

        var digest = client.get("/api/teams/checkout/digest?from=2026-01-01&to=2027-01-01");
        assertThat(digest.status()).isEqualTo(200);
        assertThat(digest.body()).startsWith("# What checkout learned, 2026-01-01 to 2027-01-01")
                .contains("Deploy failed after netlib change", "Our pinned version is unaffected",
                        "Options believed unused", "Migrate off. Why: A quarter of work");
        assertThat(client.get("/api/teams/checkout/digest?from=2025-01-01&to=2026-01-01").body())
                .contains("took part in no incident");
        assertThat(digest.body()).containsPattern("checkout-api: \\d+ incidents?\\n");
        assertThat(client.get("/api/teams/checkout/digest?from=2027-01-01&to=2026-01-01").status()).isEqualTo(400);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
