package org.incidentlearning.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * Live views over Server-Sent Events: the current view first, a new message when a command changes it, and a
 * reconnect with Last-Event-ID that gets nothing until the view changes again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"incident.data-dir=target/test-data/stream-${random.uuid}", "incident.stream.heartbeat=PT1H"})
class StreamApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One SSE message: its id, name and data. */
    record Message(String id, String event, String data) {
    }

    /** Reads a stream's messages into a queue on a thread of its own; closing the response body ends it. */
    private BlockingQueue<Message> subscribe(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + ServiceClient.DASHBOARD_KEY)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            List<String> fields = new ArrayList<>();
            response.body().forEach(line -> {
                if (!line.isEmpty()) {
                    fields.add(line);
                    return;
                }
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String field : fields) {
                    if (field.startsWith("id:")) {
                        id = field.substring(3);
                    } else if (field.startsWith("event:")) {
                        event = field.substring(6);
                    } else if (field.startsWith("data:")) {
                        data.append(field.substring(5));
                    }
                }
                fields.clear();
                if (event != null) {
                    messages.add(new Message(id, event, data.toString()));
                }
            });
        });
        reader.setDaemon(true);
        reader.start();
        return messages;
    }

    @Test
    void aViewArrivesThenEveryChangeAndAReconnectMissesNothing() throws Exception {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        client.post("/api/incidents", json("title", "First", "severity", "SEV3", "startedAt",
                "2026-03-02T09:00:00Z", "teams", List.of("checkout"), "components", List.of("checkout-api")));
        assertThat(client.get("/api/hotspots").status()).isEqualTo(200);

        BlockingQueue<Message> hotspots = subscribe("/api/stream/hotspots?by=component&bucket=month", null);
        Message first = hotspots.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.event()).isEqualTo("hotspots");
        assertThat(first.data()).contains("\"key\":\"checkout-api\"").doesNotContain("payments-api");

        client.post("/api/incidents", json("title", "Second", "severity", "SEV2", "startedAt",
                "2026-03-05T09:00:00Z", "teams", List.of("payments"), "components", List.of("payments-api")));
        Message live = hotspots.poll(10, TimeUnit.SECONDS);
        assertThat(live).as("a live update without asking again").isNotNull();
        assertThat(live.data()).contains("\"key\":\"payments-api\"");
        assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(first.id()));

        BlockingQueue<Message> resumed = subscribe("/api/stream/hotspots?by=component&bucket=month", live.id());
        // A repeat of the view it already has would be sent on connecting: given time to show, none does.
        await("nothing changed since its last message").during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5)).until(resumed::isEmpty);
        client.post("/api/incidents", json("title", "Third", "severity", "SEV1", "startedAt",
                "2026-03-06T09:00:00Z", "teams", List.of("search"), "components", List.of("search-api")));
        Message afterResume = resumed.poll(10, TimeUnit.SECONDS);
        assertThat(afterResume).as("the next change after the reconnect").isNotNull();
        // The first message after the reconnect is the change: no repeat of the view it had came before it.
        assertThat(afterResume.data()).contains("\"key\":\"search-api\"");
        assertThat(Long.parseLong(afterResume.id())).isGreaterThan(Long.parseLong(live.id()));

        BlockingQueue<Message> stale = subscribe("/api/stream/hotspots?by=component&bucket=month", first.id());
        Message caughtUp = stale.poll(10, TimeUnit.SECONDS);
        assertThat(caughtUp).as("a client away since the first message gets the view as it is now").isNotNull();
        assertThat(caughtUp.data()).contains("payments-api", "search-api");
    }

    @Test
    void unknownStreamsAndIncidentsAreRefusedBeforeAnythingOpens() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        assertThat(client.get("/api/stream/weather").status()).isEqualTo(404);
        assertThat(client.get("/api/stream/incident?id=missing").status()).isEqualTo(404);
        assertThat(client.get("/api/stream/team-context").status()).isEqualTo(400);
    }
}
