package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal must look like: RFC 9457 problem details with the expected status and stable code. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** @param code the expected {@code code}, or null where only the shape is fixed */
    static void assertProblem(ServiceClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.has("type")).isTrue();
        if (code != null) {
            assertThat(problem.path("code").asText()).isEqualTo(code);
        }
    }
}
