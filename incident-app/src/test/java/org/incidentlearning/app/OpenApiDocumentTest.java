package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.incidentlearning.web.ApiDocumentation;
import org.incidentlearning.web.Uncapped;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as a client without credentials reads it: who may call what, the refusals and headers every
 * operation declares, and a limit on every text, list and number. It is written to {@code target/openapi.json},
 * where CI lints it with Spectral and the OWASP ruleset ({@code .ci/run}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/openapi-${random.uuid}")
class OpenApiDocumentTest {

    private static final Path LINTED = Path.of("target", "openapi.json");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private static JsonNode document;

    @LocalServerPort
    int port;

    @BeforeAll
    static void clean() throws IOException {
        Files.deleteIfExists(LINTED);
    }

    private JsonNode document() throws IOException {
        if (document == null) {
            var answer = new ServiceClient("http://localhost:" + port).withKey(null).get("/v3/api-docs");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            document = answer.json();
            Files.createDirectories(LINTED.getParent());
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(LINTED.toFile(), document);
        }
        return document;
    }

    @Test
    void bearerCredentialsAreRequiredEverywhereAndTheAdministrativeOperationsNameTheirOwnScheme() throws IOException {
        JsonNode api = document();
        JsonNode schemes = api.path("components").path("securitySchemes");
        assertThat(fieldNames(schemes)).containsExactlyInAnyOrder("bearer", "adminBearer");
        for (String scheme : List.of("bearer", "adminBearer")) {
            assertThat(schemes.path(scheme).path("type").asText()).isEqualTo("http");
            assertThat(schemes.path(scheme).path("scheme").asText()).isEqualTo("bearer");
        }
        assertThat(api.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        operations(api, (where, operation) -> {
            JsonNode security = operation.path("security");
            if (where.contains(" /api/admin/")) {
                assertThat(security.toString()).as(where).isEqualTo("[{\"adminBearer\":[]}]");
            } else {
                assertThat(security.isMissingNode()).as(where + " inherits the bearer requirement").isTrue();
            }
        });
    }

    @Test
    void everyOperationDeclaresTheRefusalsOfAuthenticationTheRequestBudgetAndTheProtectiveHeaders() throws IOException {
        JsonNode api = document();
        operations(api, (where, operation) -> {
            JsonNode responses = operation.path("responses");
            for (String status : List.of("400", "401", "403", "406", "429", "500")) {
                assertThat(responses.path(status).path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText()).as(where + " " + status).isEqualTo("#/components/schemas/Problem");
            }
            assertThat(responses.path("401").path("headers").has("WWW-Authenticate")).as(where).isTrue();
            assertThat(responses.path("429").path("headers").has("Retry-After")).as(where).isTrue();
            responses.fields().forEachRemaining(response -> {
                JsonNode headers = response.getValue().path("headers");
                for (String header : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
                        "Access-Control-Allow-Origin", "Cache-Control", "Content-Security-Policy",
                        "X-Content-Type-Options", "X-Frame-Options")) {
                    assertThat(headers.has(header)).as(where + " " + response.getKey() + " " + header).isTrue();
                }
            });
        });
        assertThat(api.path("components").path("schemas").has("Problem")).isTrue();
    }

    @Test
    void everyTextListAndNumberHasALimitAndTheUncappedOnesAreTheKnownOnesAndSaySo() throws IOException {
        JsonNode api = document();
        List<String> unlimited = new ArrayList<>();
        TreeSet<String> uncapped = new TreeSet<>();
        walk(api, "", (where, node) -> {
            // OpenAPI 3.1 allows a list of types, e.g. ["string", "null"].
            List<String> types = new ArrayList<>();
            if (node.path("type").isArray()) {
                node.path("type").forEach(type -> types.add(type.asText()));
            } else if (node.path("type").isTextual()) {
                types.add(node.path("type").asText());
            }
            for (String type : types) {
                boolean limited = switch (type) {
                    case "string" -> node.has("maxLength") || node.has("enum") || node.has("const");
                    case "array" -> node.has("maxItems");
                    case "integer" -> node.has("format") && node.has("minimum") && node.has("maximum");
                    default -> true;
                };
                if (!limited) {
                    unlimited.add(where + " (" + type + ")");
                }
            }
            if (node.path("maxLength").asLong() == Uncapped.LIMIT || node.path("maxItems").asLong() == Uncapped.LIMIT) {
                uncapped.add(where);
                assertThat(node.path("description").asText()).as(where).contains(ApiDocumentation.UNCAPPED);
            }
        });
        assertThat(unlimited).isEmpty();
        String schemas = "/components/schemas/";
        assertThat(uncapped).containsExactlyInAnyOrder(
                schemas + "Problem/properties/detail",
                schemas + "TemplateList/properties/templates",
                "/paths//api/stream/{view}/get/responses/200/content/text/event-stream/schema",
                schemas + "TemplateVersions/properties/versions",
                schemas + "PublishedArtifactList/properties/artifacts",
                schemas + "FacilitatorHintList/properties/hints",
                schemas + "ImportReport/properties/notes",
                schemas + "ImportNote/properties/sourceId",
                schemas + "ImportNote/properties/field",
                schemas + "ImportNote/properties/note",
                schemas + "IncidentSummary/properties/teams",
                schemas + "IncidentSummary/properties/components",
                schemas + "IncidentView/properties/teams",
                schemas + "IncidentView/properties/components",
                schemas + "IncidentView/properties/declaredTeams",
                schemas + "IncidentView/properties/timeline",
                schemas + "IncidentView/properties/mentalModels",
                schemas + "IncidentView/properties/divergences",
                schemas + "IncidentView/properties/contexts",
                schemas + "IncidentView/properties/coordinations",
                schemas + "IncidentView/properties/linkages",
                schemas + "IncidentView/properties/remediations",
                schemas + "IncidentView/properties/recurrenceOf",
                schemas + "IncidentView/properties/corrections",
                schemas + "IncidentView/properties/artifacts",
                schemas + "IncidentRemediation/properties/recurrences",
                schemas + "Remediation/properties/recurrences",
                schemas + "Lens/properties/classifications",
                schemas + "Lens/properties/languageByTeam",
                schemas + "Hotspots/properties/series",
                schemas + "SocioTechnicalMap/properties/nodes",
                schemas + "SocioTechnicalMap/properties/edges",
                schemas + "MapEdge/properties/discoveredIn",
                schemas + "MapEdge/properties/descriptions",
                "/paths//api/map/get/responses/200/content/text/vnd.graphviz/schema",
                "/paths//api/map/get/responses/200/content/text/vnd.mermaid/schema",
                "/paths//api/export/get/responses/200/content/application/x-ndjson/schema",
                schemas + "FeedEvent/properties/actor",
                schemas + "StoreVerification/properties/brokenIncidents",
                schemas + "ProjectionStatus/properties/segments",
                schemas + "Segment/properties/error",
                schemas + "Replay/properties/error");
    }

    @Test
    void theDocumentIsWrittenForTheLinter() throws IOException {
        JsonNode api = document();
        assertThat(new ObjectMapper().readTree(LINTED.toFile())).isEqualTo(api);
        assertThat(api.path("servers").path(0).path("url").asText()).isEqualTo("/");
        assertThat(api.path("servers").path(0).path("x-internal").isBoolean()).isTrue();
    }

    private static void operations(JsonNode api, BiConsumer<String, JsonNode> check) {
        assertThat(api.path("paths").size()).isPositive();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                check.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
    }

    /** Every object in the document, with its JSON pointer. */
    private static void walk(JsonNode node, String where, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(where, node);
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                walk(field.getValue(), where + "/" + field.getKey(), visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visit);
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
