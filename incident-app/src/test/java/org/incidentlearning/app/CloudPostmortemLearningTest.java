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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning views over the 356 real post-mortems, checked against the files read independently here: every
 * (component, year) count of the hot-spot timeline and every propagation link of the map.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/postmortem-learning-${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudPostmortemLearningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private ServiceClient client;
    private final Map<String, Set<String>> componentsBySource = new HashMap<>();
    private final Map<String, String> yearBySource = new HashMap<>();
    private final Map<List<String>, Set<String>> propagationLinks = new HashMap<>();

    @BeforeAll
    void importEveryFile() throws IOException {
        client = new ServiceClient("http://localhost:" + port);
        List<Path> files = dataFiles();
        assertThat(files).hasSize(35);
        for (Path file : files) {
            String body = Files.readString(file);
            var answer = client.post("/api/imports/cloud-postmortems", body);
            assertThat(answer.status()).as(file + ": " + answer.body()).isEqualTo(200);
            read(JSON.readTree(body));
        }
    }

    @Test
    void everyComponentYearCountOfTheHotSpotTimelineAgreesWithTheData() {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        componentsBySource.forEach((source, components) -> components.forEach(component ->
                expected.computeIfAbsent(component, c -> new TreeMap<>())
                        .merge(yearBySource.get(source), 1L, Long::sum)));

        JsonNode hotspots = client.get("/api/hotspots?by=component&bucket=year").json();
        Map<String, Map<String, Long>> actual = new TreeMap<>();
        for (JsonNode series : hotspots.path("series")) {
            for (JsonNode point : series.path("points")) {
                actual.computeIfAbsent(series.path("key").asText(), c -> new TreeMap<>())
                        .put(point.path("bucket").asText(), point.path("incidents").asLong());
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(hotspots.path("window").get(0).asText()).isEqualTo("2011");
    }

    @Test
    void everyPropagationLinkOfTheDataIsAnEdgeOfTheMapWithTheIncidentsThatRevealedIt() {
        Map<List<String>, Set<String>> actual = new HashMap<>();
        for (JsonNode edge : client.get("/api/map?kind=TECHNICAL").json().path("edges")) {
            actual.computeIfAbsent(List.of(edge.path("from").asText(), edge.path("to").asText()),
                    k -> new TreeSet<>()).addAll(texts(edge.path("discoveredIn")));
        }
        Map<List<String>, Set<String>> expected = new HashMap<>();
        propagationLinks.forEach((link, sources) -> expected.put(link,
                new TreeSet<>(sources.stream().map(SourceIds::incidentIdFor).toList())));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theLensAndTheLedgerAreUsefulOnTheImportedHistory() {
        JsonNode lens = client.get("/api/learning/lens").json();
        assertThat(texts(lens.path("languageByTeam"), "team")).contains("aws", "azure", "google");
        assertThat(lens.path("classifications").size()).isGreaterThan(5);
        assertThat(client.get("/api/search?q=power%20outage").json().path("total").asInt()).isPositive();
        JsonNode teams = client.get("/api/hotspots?by=team&bucket=year").json();
        long azure = StreamSupport.stream(teams.path("series").spliterator(), false)
                .filter(series -> series.path("key").asText().equals("azure"))
                .mapToLong(series -> series.path("incidents").asLong()).sum();
        assertThat(azure).isEqualTo(componentsBySource.keySet().stream().filter(id -> id.startsWith("azure")).count());
    }

    private void read(JsonNode file) {
        file.fields().forEachRemaining(entry -> {
            String source = entry.getKey();
            JsonNode record = entry.getValue();
            String[] date = record.path("time").asText().split("/");
            yearBySource.put(source, date[2]);
            JsonNode names = record.has("service_name") ? record.get("service_name") : record.get("service name");
            Set<String> components = componentsBySource.computeIfAbsent(source, s -> new LinkedHashSet<>());
            if (names != null) {
                names.forEach(name -> {
                    if (!name.isNull() && !name.asText().isBlank()) {
                        components.add(name.asText().trim());
                    }
                });
            }
            JsonNode pass = record.path("propagation pass");
            if (pass.isObject()) {
                List<String> chain = new ArrayList<>();
                pass.fields().forEachRemaining(step -> chain.add(step.getValue().isNull() ? null
                        : step.getValue().asText().trim()));
                for (int i = 0; i + 1 < chain.size(); i++) {
                    String from = chain.get(i);
                    String to = chain.get(i + 1);
                    if (from != null && to != null && !from.equals(to)) {
                        propagationLinks.computeIfAbsent(List.of(from, to), k -> new TreeSet<>()).add(source);
                    }
                }
            }
        });
    }

    private static List<Path> dataFiles() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared/data/cloud-postmortems"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("shared/data/cloud-postmortems beside the repository").isNotNull();
        try (Stream<Path> files = Files.walk(dir.resolve("shared/data/cloud-postmortems"))) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }
}
