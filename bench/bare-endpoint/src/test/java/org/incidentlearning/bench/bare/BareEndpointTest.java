package org.incidentlearning.bench.bare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare endpoint, loaded into the service as the benchmark loads it: a command-shaped answer through the same
 * security chain as commands, and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/bare-${random.uuid}")
class BareEndpointTest {

    private static final String FACILITATOR_KEY = "test-facilitator-key-0123456789abcdef";
    private static final String CHECKOUT_KEY = "test-team-checkout-key-0123456789abcdef";
    private static final String AUDITOR_KEY = "test-auditor-key-0123456789abcdef";
    private static final String DASHBOARD_KEY = "test-dashboard-key-0123456789abcdef";
    private static final String BODY = """
            {"occurredAt": "2026-01-01T00:01:00Z", "team": "checkout", "kind": "OBSERVATION",
             "text": "Error rate above 20%"}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersLikeACommandAndStoresNothing() throws Exception {
        HttpResponse<String> answer = post(FACILITATOR_KEY);
        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("id").asText()).hasSize(36);
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(answer.headers().firstValue("Location")).hasValue(BareEndpoint.PATH + "/" + body.path("id")
                .asText());
        assertThat(answer.headers().firstValue("ETag")).hasValue("\"1\"");
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/events"))
                .header("Authorization", "Bearer " + AUDITOR_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(events.body()).path("items")).isEmpty();
    }

    @Test
    void isAuthorizedLikeACommand() throws Exception {
        assertThat(post(CHECKOUT_KEY).statusCode()).isEqualTo(201);
        assertRefused(post(null), 401, "UNAUTHENTICATED");
        assertRefused(post(DASHBOARD_KEY), 403, "ACCESS_DENIED");
        assertRefused(post(AUDITOR_KEY), 403, "ACCESS_DENIED");
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo(code);
    }

    private HttpResponse<String> post(String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + BareEndpoint.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
