package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.incidentlearning.kernel.incident.SourceIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ViewsCatchUp.awaitProjectionsAtHead;

/**
 * The importer and the learning views on files of the public cloud post-mortem data set, over HTTP against the whole
 * service, checked against the files read independently here: what the imports report and store, the twice-written
 * incident, one record followed into its view, a second import that stores nothing, every (component, year) and
 * (team, year) count of the hot-spot timeline, and every propagation link of the map. A subclass names the folder
 * and says what its files hold; every file under it ending in {@code .json} is imported, in path order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CloudPostmortemChecks {

    static final String IMPORT = "/api/imports/cloud-postmortems";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The data set's dates, M/D/YYYY; a record whose date does not read so is not imported. */
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    /**
     * What a folder's files hold, counted by hand.
     *
     * @param incidents    the records' distinct ids, less those never imported
     * @param twiceWritten the id of the one incident two records write up, in two files
     */
    record Contents(int files, int records, int incidents, int amended, int rejected, String twiceWritten,
                    Traced traced) {
    }

    /** One record followed into its incident's view: its start, and how many steps and propagation links it has. */
    record Traced(String sourceId, String startedAt, int steps, int links) {
    }

    @LocalServerPort
    int port;

    ServiceClient client;
    /** Each file's body, in the order imported. */
    final Map<Path, String> files = new LinkedHashMap<>();
    /** The answer to each file's first import, in the same order. */
    final List<JsonNode> firstReports = new ArrayList<>();
    /** Every write-up of each source id, in the order of the files. */
    final Map<String, List<JsonNode>> writeUps = new LinkedHashMap<>();
    private long storedEvents;

    /** The folder of the data set, or of a part of it. */
    abstract Path folder();

    abstract Contents contents();

    @BeforeAll
    void importEveryFileOnce() throws IOException {
        client = new ServiceClient("http://localhost:" + port);
        try (Stream<Path> found = Files.walk(folder())) {
            for (Path file : found.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                files.put(file, Files.readString(file));
            }
        }
        files.values().forEach(body -> json(body).properties().forEach(record ->
                writeUps.computeIfAbsent(record.getKey(), id -> new ArrayList<>()).add(record.getValue())));
        long start = System.nanoTime();
        files.forEach((file, body) -> firstReports.add(importFile(file, body)));
        System.out.printf("Imported %d files (%d records) in %d ms%n", files.size(),
                sum(firstReports, "recordsRead"), (System.nanoTime() - start) / 1_000_000);
        storedEvents = sum(firstReports, "eventsStored");
        awaitProjectionsAtHead(client, Duration.ofSeconds(60));
    }

    @Test
    void everyRecordIsReadAndTheSecondWriteUpAmendsTheFirst() {
        Contents expected = contents();
        assertThat(files).hasSize(expected.files());
        assertThat(writeUps.values().stream().mapToInt(List::size).sum()).isEqualTo(expected.records());
        assertThat(importedSources()).hasSize(expected.incidents());

        assertThat(sum(firstReports, "recordsRead")).isEqualTo(expected.records());
        assertThat(sum(firstReports, "incidentsCreated")).isEqualTo(expected.incidents());
        assertThat(sum(firstReports, "incidentsAmended")).isEqualTo(expected.amended());
        assertThat(sum(firstReports, "recordsUnchanged")).isZero();
        assertThat(sum(firstReports, "recordsRejected")).isEqualTo(expected.rejected());
    }

    @Test
    void everyVerificationFieldAndItsMisspellingsAreReportedAsNotMapped() {
        List<Map<String, Integer>> expected = new ArrayList<>();
        List<Map<String, Integer>> reported = new ArrayList<>();
        int file = 0;
        for (String body : files.values()) {
            Map<String, Integer> holding = new TreeMap<>();
            json(body).properties().forEach(record -> record.getValue().properties().forEach(field -> {
                if (field.getKey().startsWith("verif") && text(field.getValue()) != null) {
                    holding.merge(field.getKey(), 1, Integer::sum);
                }
            }));
            expected.add(holding);
            Map<String, Integer> counted = new TreeMap<>();
            firstReports.get(file++).path("notMapped").properties().forEach(field -> {
                if (field.getKey().startsWith("verif")) {
                    counted.put(field.getKey(), field.getValue().path("records").asInt());
                    assertThat(field.getValue().path("reason").asText()).as(field.getKey())
                            .startsWith(field.getKey().equals("verification") ? "who checked the record's labels"
                                    : "misspelling of 'verification'");
                }
            });
            reported.add(counted);
        }
        assertThat(reported).isEqualTo(expected);
        assertThat(expected.stream().flatMap(fields -> fields.keySet().stream()))
                .as("the files misspell verification").anyMatch(field -> !field.equals("verification"));
    }

    @Test
    void theListHoldsOneIncidentPerImportedSourceAndEveryStoredEvent() {
        JsonNode list = client.get("/api/incidents?size=500").json();

        assertThat(list.path("total").asInt()).isEqualTo(contents().incidents());
        assertThat(texts(list.path("items"), "id")).containsExactlyInAnyOrderElementsOf(
                importedSources().stream().map(SourceIds::incidentIdFor).toList());
        assertThat(versions(list)).isEqualTo(storedEvents);
    }

    @Test
    void theTwiceWrittenIncidentHasTheComponentsOfBothWriteUpsAndARevision() {
        String source = contents().twiceWritten();
        assertThat(writeUps.get(source)).hasSize(2);
        int laterFile = indexOfFileHolding(source, 1);
        assertThat(firstReports.get(laterFile).path("incidentsAmended").asInt()).isEqualTo(1);
        String incidentId = SourceIds.incidentIdFor(source);

        JsonNode view = client.get("/api/incidents/" + incidentId).json();

        assertThat(texts(view.path("components"))).containsExactlyInAnyOrderElementsOf(components(source));
        assertThat(view.path("sourceId").asText()).isEqualTo(source);
        JsonNode events = client.get("/api/incidents/" + incidentId + "/events?size=500").json();
        assertThat(texts(events.path("items"), "type")).containsOnlyOnce("IncidentDeclaredEvent")
                .contains("IncidentRevisedEvent");
        assertThat(events.path("items").get(0).path("metadata").path("actor").asText())
                .isEqualTo("test-facilitator");
    }

    @Test
    void theTracedRecordStartsOnItsDayWithItsStepsInOrderAndItsPropagationChainAsLinkages() {
        Traced traced = contents().traced();
        JsonNode record = writeUps.get(traced.sourceId()).get(0);

        JsonNode view = client.get("/api/incidents/" + SourceIds.incidentIdFor(traced.sourceId())).json();

        assertThat(view.path("startedAt").asText()).isEqualTo(traced.startedAt()).isEqualTo(startedAt(record));
        assertThat(texts(view.path("timeline"), "text").stream().filter(text -> text.startsWith("Step ")))
                .hasSize(traced.steps()).containsExactlyElementsOf(steps(record));
        assertThat(StreamSupport.stream(view.path("linkages").spliterator(), false)
                .map(link -> List.of(link.path("from").asText(), link.path("to").asText())))
                .hasSize(traced.links()).containsExactlyElementsOf(links(record));
        assertThat(texts(view.path("teams")).get(0)).isEqualTo(provider(traced.sourceId()));
    }

    @Test
    void importingEveryFileAgainStoresNothing() {
        long versionsBefore = versions(client.get("/api/incidents?size=500").json());
        long start = System.nanoTime();
        List<JsonNode> again = new ArrayList<>();
        files.forEach((file, body) -> again.add(importFile(file, body)));
        System.out.printf("Imported the %d files again in %d ms%n", files.size(),
                (System.nanoTime() - start) / 1_000_000);

        assertThat(again).allSatisfy(report -> {
            assertThat(report.path("incidentsCreated").asInt()).isZero();
            assertThat(report.path("incidentsAmended").asInt()).isZero();
            assertThat(report.path("eventsStored").asInt()).isZero();
        });
        assertThat(sum(again, "recordsUnchanged")).isEqualTo(contents().records() - contents().rejected());
        assertThat(sum(again, "recordsRejected")).isEqualTo(contents().rejected());
        assertThat(versions(client.get("/api/incidents?size=500").json())).isEqualTo(versionsBefore);
    }

    @Test
    void everyComponentYearCountOfTheHotSpotTimelineAgreesWithTheFiles() {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        importedSources().forEach(source -> components(source).forEach(component ->
                expected.computeIfAbsent(component, c -> new TreeMap<>()).merge(year(source), 1L, Long::sum)));

        JsonNode hotspots = client.get("/api/hotspots?by=component&bucket=year").json();

        assertThat(counts(hotspots)).isEqualTo(expected);
        List<Integer> years = importedSources().stream().map(source -> Integer.parseInt(year(source))).toList();
        assertThat(texts(hotspots.path("window"))).containsExactlyElementsOf(IntStream.rangeClosed(
                years.stream().min(Integer::compare).orElseThrow(), years.stream().max(Integer::compare).orElseThrow())
                .mapToObj(Integer::toString).toList());
    }

    @Test
    void everyTeamYearCountOfTheHotSpotTimelineAgreesWithTheProvidersOfTheFiles() {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        importedSources().forEach(source -> expected.computeIfAbsent(provider(source), team -> new TreeMap<>())
                .merge(year(source), 1L, Long::sum));

        assertThat(counts(client.get("/api/hotspots?by=team&bucket=year").json())).isEqualTo(expected);
    }

    @Test
    void everyPropagationLinkOfTheFilesIsAnEdgeOfTheMapWithTheIncidentsThatRevealedIt() {
        Map<List<String>, Set<String>> expected = new LinkedHashMap<>();
        importedSources().forEach(source -> importedWriteUps(source).forEach(record -> links(record).forEach(link ->
                expected.computeIfAbsent(link, l -> new TreeSet<>()).add(SourceIds.incidentIdFor(source)))));

        Map<List<String>, Set<String>> actual = new LinkedHashMap<>();
        for (JsonNode edge : client.get("/api/map?kind=TECHNICAL").json().path("edges")) {
            actual.computeIfAbsent(List.of(edge.path("from").asText(), edge.path("to").asText()),
                    link -> new TreeSet<>()).addAll(texts(edge.path("discoveredIn")));
        }
        assertThat(actual).isEqualTo(expected);
    }

    // ---- the files, read by the data set's documented rules ----

    /** The source ids that became incidents: those with a write-up whose date reads. */
    List<String> importedSources() {
        return writeUps.keySet().stream().filter(source -> !importedWriteUps(source).isEmpty()).toList();
    }

    private List<JsonNode> importedWriteUps(String source) {
        return writeUps.get(source).stream().filter(record -> startedAt(record) != null).toList();
    }

    /** The year the incident started: its first imported write-up's, which declared it. */
    private String year(String source) {
        return startedAt(importedWriteUps(source).get(0)).substring(0, 4);
    }

    /** The service names of every imported write-up: trimmed, without nulls and blanks. */
    Set<String> components(String source) {
        Set<String> components = new LinkedHashSet<>();
        for (JsonNode record : importedWriteUps(source)) {
            JsonNode names = record.has("service_name") ? record.get("service_name") : record.path("service name");
            names.forEach(name -> {
                if (text(name) != null) {
                    components.add(text(name));
                }
            });
        }
        return components;
    }

    /** The team: the provider the id names. */
    static String provider(String source) {
        String id = source.toLowerCase(Locale.ROOT);
        if (id.startsWith("aws")) {
            return "aws";
        }
        if (id.startsWith("azure")) {
            return "azure";
        }
        return id.startsWith("google") || id.startsWith("gc") ? "google" : "unknown-provider";
    }

    /** Midnight UTC of the record's date, as ISO-8601; null when the date does not read as M/D/YYYY. */
    static String startedAt(JsonNode record) {
        Matcher date = DATE.matcher(record.path("time").asText(""));
        if (!date.matches()) {
            return null;
        }
        return "%s-%02d-%02dT00:00:00Z".formatted(date.group(3), Integer.parseInt(date.group(1)),
                Integer.parseInt(date.group(2)));
    }

    /** The troubleshooting steps in the order of their numbers, as timeline texts; empty steps are skipped. */
    private static List<String> steps(JsonNode record) {
        Map<Integer, String> steps = new TreeMap<>();
        record.path("mitigation").path("troubleshooting").properties().forEach(step -> {
            if (text(step.getValue()) != null) {
                steps.put(Integer.parseInt(step.getKey()), "Step " + step.getKey() + ": " + text(step.getValue()));
            }
        });
        return List.copyOf(steps.values());
    }

    /** Links between consecutive entries of the propagation pass; an empty entry breaks the chain. */
    private static List<List<String>> links(JsonNode record) {
        Map<Integer, String> chain = new TreeMap<>();
        record.path("propagation pass").properties().forEach(entry ->
                chain.put(Integer.parseInt(entry.getKey()), text(entry.getValue())));
        List<String> entries = new ArrayList<>(chain.values());
        List<List<String>> links = new ArrayList<>();
        for (int i = 0; i + 1 < entries.size(); i++) {
            String from = entries.get(i);
            String to = entries.get(i + 1);
            if (from != null && to != null && !from.equals(to)) {
                links.add(List.of(from, to));
            }
        }
        return links;
    }

    /** Trimmed text, or null when there is none. */
    static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().strip();
    }

    private int indexOfFileHolding(String source, int writeUp) {
        List<Integer> holding = new ArrayList<>();
        int index = 0;
        for (String body : files.values()) {
            if (json(body).has(source)) {
                holding.add(index);
            }
            index++;
        }
        return holding.get(writeUp);
    }

    // ---- the service's answers ----

    JsonNode importFile(Path file, String body) {
        var answer = client.post(IMPORT, body);
        assertThat(answer.status()).as(file + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** (key, bucket) → incidents of a hot-spot timeline. */
    private static Map<String, Map<String, Long>> counts(JsonNode hotspots) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (JsonNode series : hotspots.path("series")) {
            for (JsonNode point : series.path("points")) {
                counts.computeIfAbsent(series.path("key").asText(), key -> new TreeMap<>())
                        .put(point.path("bucket").asText(), point.path("incidents").asLong());
            }
        }
        return counts;
    }

    static long versions(JsonNode list) {
        return StreamSupport.stream(list.path("items").spliterator(), false)
                .mapToLong(item -> item.path("version").asLong()).sum();
    }

    static long sum(List<JsonNode> reports, String field) {
        return reports.stream().mapToLong(report -> report.path(field).asLong()).sum();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }
}
