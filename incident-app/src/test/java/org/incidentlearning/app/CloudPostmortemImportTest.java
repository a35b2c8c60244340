package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.incidentlearning.kernel.incident.SourceIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The importer on the 35 real files of cloud post-mortems (356 records, 355 incidents: {@code azure-20180904-1} is
 * written up twice), over HTTP against the whole service, checked against the files read independently here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/import-${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudPostmortemImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORT = "/api/imports/cloud-postmortems";
    private static final String TWICE_WRITTEN = "azure-20180904-1";

    @LocalServerPort
    int port;

    private ServiceClient client;
    private final Map<Path, String> files = new LinkedHashMap<>();
    private final List<JsonNode> firstReports = new ArrayList<>();
    private long storedEvents;

    @BeforeAll
    void importEveryFileOnce() throws IOException {
        client = new ServiceClient("http://localhost:" + port);
        for (Path file : dataFiles()) {
            files.put(file, Files.readString(file));
        }
        assertThat(files).hasSize(35);
        long start = System.nanoTime();
        files.forEach((file, body) -> firstReports.add(importFile(file, body)));
        System.out.printf("Imported %d files (%d records) in %d ms%n", files.size(),
                sum(firstReports, "recordsRead"), (System.nanoTime() - start) / 1_000_000);
        storedEvents = sum(firstReports, "eventsStored");
    }

    @Test
    void everyRecordIsImportedAndTheSecondWriteUpAmendsTheFirst() {
        assertThat(sum(firstReports, "recordsRead")).isEqualTo(356);
        assertThat(sum(firstReports, "incidentsCreated")).isEqualTo(355);
        assertThat(sum(firstReports, "incidentsAmended")).isEqualTo(1);
        assertThat(sum(firstReports, "recordsUnchanged")).isZero();
        assertThat(sum(firstReports, "recordsRejected")).isZero();
        assertThat(firstReports).allSatisfy(report -> assertThat(report.path("notMapped").path("verification")
                .path("reason").asText()).isNotBlank());
    }

    @Test
    void theListHoldsOneIncidentPerSourceAndEveryStoredEvent() {
        JsonNode list = settledList();
        assertThat(list.path("total").asInt()).isEqualTo(355);
        assertThat(versions(list)).isEqualTo(storedEvents);
    }

    @Test
    void theTwiceWrittenIncidentHasTheComponentsOfBothWriteUpsAndARevision() {
        String incidentId = SourceIds.incidentIdFor(TWICE_WRITTEN);
        List<JsonNode> writeUps = files.values().stream().map(CloudPostmortemImportTest::json)
                .filter(file -> file.has(TWICE_WRITTEN)).map(file -> file.get(TWICE_WRITTEN)).toList();
        assertThat(writeUps).hasSize(2);
        Set<String> expected = new LinkedHashSet<>();
        writeUps.forEach(record -> expected.addAll(serviceNames(record)));

        JsonNode view = client.get("/api/incidents/" + incidentId).json();

        assertThat(texts(view.path("components"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(view.path("sourceId").asText()).isEqualTo(TWICE_WRITTEN);
        JsonNode events = client.get("/api/incidents/" + incidentId + "/events?size=500").json();
        assertThat(texts(events.path("items"), "type")).containsOnlyOnce("IncidentDeclaredEvent")
                .contains("IncidentRevisedEvent");
        assertThat(events.path("items").get(0).path("metadata").path("actor").asText())
                .isEqualTo("test-facilitator");
    }

    @Test
    void awsOneStartsOnItsDayWithItsStepsInOrderAndItsPropagationChainAsLinkages() {
        JsonNode record = files.values().stream().map(CloudPostmortemImportTest::json)
                .filter(file -> file.has("aws-1")).findFirst().orElseThrow().get("aws-1");
        List<String> steps = new ArrayList<>();
        record.path("mitigation").path("troubleshooting").properties().forEach(step ->
                steps.add("Step " + step.getKey() + ": " + step.getValue().asText().trim()));
        List<String> chain = new ArrayList<>();
        record.path("propagation pass").forEach(component -> chain.add(component.asText().trim()));
        List<String> expectedLinks = new ArrayList<>();
        for (int i = 0; i + 1 < chain.size(); i++) {
            expectedLinks.add(chain.get(i) + " -> " + chain.get(i + 1));
        }

        JsonNode view = client.get("/api/incidents/" + SourceIds.incidentIdFor("aws-1")).json();

        assertThat(view.path("startedAt").asText()).isEqualTo("2011-06-04T00:00:00Z");
        assertThat(texts(view.path("timeline"), "text").stream().filter(text -> text.startsWith("Step ")))
                .hasSize(7).containsExactlyElementsOf(steps);
        assertThat(StreamSupport.stream(view.path("linkages").spliterator(), false)
                .map(link -> link.path("from").asText() + " -> " + link.path("to").asText()))
                .hasSize(4).containsExactlyElementsOf(expectedLinks);
        assertThat(view.path("teams").get(0).asText()).isEqualTo("aws");
    }

    @Test
    void importingEveryFileAgainStoresNothing() {
        long versionsBefore = versions(settledList());
        long start = System.nanoTime();
        List<JsonNode> again = new ArrayList<>();
        files.forEach((file, body) -> again.add(importFile(file, body)));
        System.out.printf("Imported the %d files again in %d ms%n", files.size(),
                (System.nanoTime() - start) / 1_000_000);

        assertThat(again).allSatisfy(report -> {
            assertThat(report.path("incidentsCreated").asInt()).isZero();
            assertThat(report.path("eventsStored").asInt()).isZero();
        });
        assertThat(sum(again, "recordsUnchanged")).isEqualTo(356);
        assertThat(versions(client.get("/api/incidents?size=500").json())).isEqualTo(versionsBefore);
    }

    @Test
    void aBodyThatIsNotAFileOfRecordsIsAProblem() {
        for (String body : List.of("[]", "{\"aws-1\": 3}", "\"aws-1\"")) {
            var answer = client.post(IMPORT, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asText()).isEqualTo("INVALID_INPUT");
        }
        assertThat(client.post(IMPORT + "?team=%20sre", "{}").status()).isEqualTo(400);
    }

    @Test
    void theImportIsDocumentedInTheOpenApiDocument() {
        JsonNode operation = client.get("/v3/api-docs").json().path("paths").path(IMPORT).path("post");
        assertThat(operation.path("summary").asText()).contains("cloud post-mortem");
        assertThat(texts(operation.path("parameters"), "name")).containsExactly("team");
    }

    // ---- helpers ----

    private JsonNode importFile(Path file, String body) {
        var answer = client.post(IMPORT, body);
        assertThat(answer.status()).as(file + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The list once the views reflect every event the first import stored. */
    private JsonNode settledList() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode list = client.get("/api/incidents?size=500").json();
        while (versions(list) < storedEvents && System.nanoTime() < deadline) {
            list = client.get("/api/incidents?size=500").json();
        }
        return list;
    }

    private static long versions(JsonNode list) {
        return StreamSupport.stream(list.path("items").spliterator(), false)
                .mapToLong(item -> item.path("version").asLong()).sum();
    }

    private static long sum(List<JsonNode> reports, String field) {
        return reports.stream().mapToLong(report -> report.path(field).asLong()).sum();
    }

    private static Set<String> serviceNames(JsonNode record) {
        JsonNode names = record.has("service_name") ? record.get("service_name") : record.get("service name");
        Set<String> trimmed = new LinkedHashSet<>();
        names.forEach(name -> {
            if (!name.isNull() && !name.asText().isBlank()) {
                trimmed.add(name.asText().trim());
            }
        });
        return trimmed;
    }

    private static List<Path> dataFiles() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared/data/cloud-postmortems"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("No shared/data/cloud-postmortems in " + Path.of("").toAbsolutePath() + " or above it; the data "
                 + "set is expected beside the repository (shared/ next to it)");
        }
        try (Stream<Path> found = Files.walk(dir.resolve("shared/data/cloud-postmortems"))) {
            return found.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }
}
