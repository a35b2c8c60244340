package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.incidentlearning.kernel.incident.SourceIds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer on the project's own small fixture in the data set's format ({@code cloud-postmortems-fixture} in the
 * test resources): eight records of AWS, Azure and Google Cloud in four files, written for this test, with the
 * mess the real files have. {@code verifcation} and {@code verificatio} for {@code verification}; {@code service name}
 * for {@code service_name}, with a null, a blank, a padded and a repeated name; a null duration; a null time; empty
 * steps and propagation entries, a propagation entry that repeats the one before, troubleshooting step 10 after 2,
 * root-cause layers without {@code label}; and {@code azure20190211-1} written up twice, in two files, with another
 * duration and another list of services the second time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/postmortem-fixture-${random.uuid}")
class CloudPostmortemFixtureTest extends CloudPostmortemChecks {

    private static final String TWICE_WRITTEN = "azure20190211-1";

    @Override
    Path folder() {
        URL folder = Objects.requireNonNull(getClass().getResource("/cloud-postmortems-fixture"),
                "cloud-postmortems-fixture in the test resources");
        try {
            return Path.of(folder.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    Contents contents() {
        return new Contents(4, 8, 6, 1, 1, TWICE_WRITTEN,
                new Traced("google-GCE-1", "2018-08-30T00:00:00Z", 3, 2));
    }

    @Test
    void whatNoCommandRecordsIsReportedOncePerFieldWithTheRecordsHoldingIt() {
        Map<String, Integer> notMapped = new TreeMap<>();
        firstReports.forEach(report -> report.path("notMapped").properties().forEach(field ->
                notMapped.merge(field.getKey(), field.getValue().path("records").asInt(), Integer::sum)));

        assertThat(notMapped).isEqualTo(new TreeMap<>(Map.ofEntries(Map.entry("detection", 5),
                Map.entry("detection time", 4), Map.entry("fix time", 6), Map.entry("identification time", 4),
                Map.entry("manifestation", 7), Map.entry("mitigation.label", 7), Map.entry("operation", 8),
                Map.entry("refined path", 8), Map.entry("reproduction", 2), Map.entry("verificatio", 1),
                Map.entry("verifcation", 1), Map.entry("verification", 6))));
    }

    @Test
    void eachOddityOfTheFilesIsNotedOnItsRecord() {
        List<List<String>> notes = new ArrayList<>();
        firstReports.forEach(report -> report.path("notes").forEach(note -> notes.add(List.of(
                note.path("sourceId").asText(), note.path("field").asText(), note.path("note").asText()))));

        assertThat(notes).contains(
                List.of("azure20190330-1", "time", "no start date: the record is not imported"),
                List.of("aws-2", "service names", "2 entries null, blank or not text: dropped"),
                List.of("aws-2", "service names", "1 entry repeated after trimming: merged"),
                List.of("aws-2", "duration", "no duration: severity SEV3 by default, and the incident stays open"),
                List.of("aws-2", "details", "no account in the write-up"),
                List.of("aws-2", "mitigation.troubleshooting.2", "step 2 is empty: skipped"),
                List.of("aws-2", "propagation pass.2", "entry 2 is empty: no link to or from it"),
                List.of("google-GCE-1", "propagation pass.2",
                        "entry 2 repeats 'quota service': no link from a component to itself"),
                List.of("google-GCE-2", "root cause",
                        "layers written directly on the root cause, without 'label': read as one label"),
                List.of(TWICE_WRITTEN, "service names", "1 entry repeated after trimming: merged"));
        assertThat(notes).filteredOn(note -> note.get(0).equals(TWICE_WRITTEN) && note.get(1).equals("duration"))
                .singleElement().satisfies(note -> assertThat(note.get(2)).endsWith(": kept the first resolution"));
    }

    @Test
    void aRecordWithoutADateIsNotAnIncident() {
        assertThat(client.get("/api/incidents/" + SourceIds.incidentIdFor("azure20190330-1")).status())
                .isEqualTo(404);
    }

    @Test
    void aRecordWithoutDurationStaysOpenAtTheMiddleSeverityWithTheServicesOfItsServiceName() {
        JsonNode view = client.get("/api/incidents/" + SourceIds.incidentIdFor("aws-2")).json();

        assertThat(view.path("status").asText()).isEqualTo("OPEN");
        assertThat(view.path("severity").asText()).isEqualTo("SEV3");
        // The view leaves out what is unknown.
        assertThat(view.has("durationMinutes")).isFalse();
        assertThat(view.has("resolvedAt")).isFalse();
        assertThat(view.path("title").asText()).isEqualTo("Summary of the DNS resolution issues in the Seoul region");
        assertThat(texts(view.path("components"))).containsExactly("DNS resolver", "instance metadata service");
        assertThat(view.path("classification").toString()).contains("software bugs");
    }

    @Test
    void theLaterWriteUpRevisesTheIncidentAndKeepsTheFirstResolution() {
        JsonNode view = client.get("/api/incidents/" + SourceIds.incidentIdFor(TWICE_WRITTEN)).json();

        assertThat(view.path("title").asText()).isEqualTo("RCA - West Europe datacenter cooling");
        assertThat(view.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.path("resolvedAt").asText()).isEqualTo("2019-02-11T07:00:00Z");
        assertThat(texts(view.path("components"))).containsExactlyInAnyOrder("Storage", "Virtual Machines",
                "App Service");
        assertThat(view.path("linkages")).hasSize(3);
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
}
