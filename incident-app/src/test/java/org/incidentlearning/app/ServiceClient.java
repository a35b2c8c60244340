package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client for tests that talk to the running service as any client would. It sends the key of the test
 * facilitator (who may also audit and administer, see {@code config/application.yml} of the tests) unless told to
 * use another key or none.
 */
final class ServiceClient {

    static final String FACILITATOR_KEY = "test-facilitator-key-0123456789abcdef";
    static final String CHECKOUT_KEY = "test-team-checkout-key-0123456789abcdef";
    static final String SECURITY_KEY = "test-team-security-key-0123456789abcdef";
    static final String AUDITOR_KEY = "test-auditor-key-0123456789abcdef";
    static final String DASHBOARD_KEY = "test-dashboard-key-0123456789abcdef";
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    ServiceClient(String baseUrl) {
        this(baseUrl, FACILITATOR_KEY);
    }

    private ServiceClient(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** The same service, with another key; null sends no credential at all. */
    ServiceClient withKey(String otherKey) {
        return new ServiceClient(baseUrl, otherKey);
    }

    record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String id() {
            return json().path("id").asText();
        }

        long version() {
            return json().path("version").asLong();
        }
    }

    Answer post(String path, String body, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return send(request.build());
    }

    Answer postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Any method without a body, with the given headers. */
    Answer request(String method, String path, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return send(request.build());
    }

    /** The bodies of several reads, in order; each must answer 200. */
    Map<String, String> bodies(List<String> paths) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            Answer answer = get(path);
            if (answer.status() != 200) {
                throw new AssertionError(path + " answered " + answer.status() + ": " + answer.body());
            }
            answers.put(path, answer.body());
        }
        return answers;
    }

    private Answer send(HttpRequest unauthenticated) {
        HttpRequest request = unauthenticated;
        if (key != null && unauthenticated.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(unauthenticated, (name, value) -> true)
                    .header("Authorization", "Bearer " + key).build();
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
