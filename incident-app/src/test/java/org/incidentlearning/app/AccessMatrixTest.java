package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.incidentlearning.web.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;
import static org.incidentlearning.web.security.Role.ADMIN;
import static org.incidentlearning.web.security.Role.AUDITOR;
import static org.incidentlearning.web.security.Role.DASHBOARD;
import static org.incidentlearning.web.security.Role.FACILITATOR;
import static org.incidentlearning.web.security.Role.TEAM;

/**
 * Every operation of the live OpenAPI document, called with no credential and with a key of each single role, must
 * be allowed or refused exactly as the table below says. The table is written here on purpose, apart from
 * {@code WebSecurity}: it is the oracle, so an endpoint added without a decision about who may call it fails the
 * build instead of silently falling under whichever rule its path happens to match.
 * <p>
 * Tests switch metrics export off by default, which removes {@code /actuator/prometheus}; it is switched back on here
 * so that rule is checked against the real endpoint.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/access-matrix-${random.uuid}")
class AccessMatrixTest {

    private static final Set<Role> VIEWERS = EnumSet.of(TEAM, FACILITATOR, AUDITOR, DASHBOARD);
    private static final Set<Role> AUDITORS = EnumSet.of(AUDITOR);
    private static final Set<Role> OPERATORS = EnumSet.of(ADMIN, AUDITOR);
    private static final Set<Role> ADMINS = EnumSet.of(ADMIN);
    private static final Set<Role> RECORDERS = EnumSet.of(TEAM, FACILITATOR);

    /** Who may call each documented operation; any role not listed must be refused with ACCESS_DENIED. */
    private static final Map<String, Set<Role>> DOCUMENTED = Map.ofEntries(
            // The views built from events.
            entry("GET /api/incidents", VIEWERS),
            entry("GET /api/incidents/{incidentId}", VIEWERS),
            entry("GET /api/incidents/{incidentId}/{collection}/{entryId}", VIEWERS),
            entry("GET /api/hotspots", VIEWERS),
            entry("GET /api/teams/{team}/context", VIEWERS),
            entry("GET /api/teams/{team}/context/{list}", VIEWERS),
            entry("GET /api/teams/{team}/digest", VIEWERS),
            entry("GET /api/incidents/{incidentId}/artifacts", VIEWERS),
            entry("GET /api/incidents/{incidentId}/artifacts/{templateId}", VIEWERS),
            entry("GET /api/incidents/{incidentId}/artifacts/published/{artifactId}", VIEWERS),
            entry("GET /api/incidents/{incidentId}/facilitator-hints", VIEWERS),
            entry("GET /api/templates", VIEWERS),
            entry("GET /api/stream/{view}", VIEWERS),
            entry("GET /api/templates/{templateId}/versions", VIEWERS),
            entry("GET /api/map", VIEWERS),
            entry("GET /api/remediations", VIEWERS),
            entry("GET /api/learning/lens", VIEWERS),
            entry("GET /api/search", VIEWERS),
            // The events as stored and what is derived from them byte for byte.
            entry("GET /api/events", AUDITORS),
            entry("GET /api/export", AUDITORS),
            entry("GET /api/verification", AUDITORS),
            entry("GET /api/incidents/{incidentId}/events", AUDITORS),
            entry("GET /api/incidents/{incidentId}/verification", AUDITORS),
            // Operations: auditors may look, only admins act.
            entry("GET /api/admin/projections", OPERATORS),
            entry("GET /api/admin/projections/{name}", OPERATORS),
            entry("GET /api/admin/api-keys", OPERATORS),
            entry("GET /api/admin/api-keys/{keyId}", OPERATORS),
            entry("POST /api/admin/projections/replay", ADMINS),
            entry("POST /api/admin/projections/{name}/replay", ADMINS),
            entry("POST /api/admin/api-keys", ADMINS),
            entry("POST /api/admin/api-keys/{keyId}/revoke", ADMINS),
            entry("POST /api/imports/cloud-postmortems", ADMINS),
            entry("POST /api/import", ADMINS),
            // Recording what was learned.
            entry("POST /api/incidents", RECORDERS),
            entry("POST /api/incidents/{incidentId}/revise", RECORDERS),
            entry("POST /api/incidents/{incidentId}/classify", RECORDERS),
            entry("POST /api/incidents/{incidentId}/resolve", RECORDERS),
            entry("POST /api/incidents/{incidentId}/close-analysis", RECORDERS),
            entry("POST /api/incidents/{incidentId}/reopen-analysis", RECORDERS),
            entry("POST /api/incidents/{incidentId}/timeline-entries", RECORDERS),
            entry("POST /api/incidents/{incidentId}/coordinations", RECORDERS),
            entry("POST /api/incidents/{incidentId}/mental-models", RECORDERS),
            entry("POST /api/incidents/{incidentId}/divergences", RECORDERS),
            entry("POST /api/incidents/{incidentId}/contexts", RECORDERS),
            entry("POST /api/incidents/{incidentId}/linkages", RECORDERS),
            entry("POST /api/incidents/{incidentId}/remediations", RECORDERS),
            entry("POST /api/incidents/{incidentId}/artifacts", RECORDERS),
            entry("POST /api/templates", RECORDERS),
            entry("POST /api/templates/{templateId}/revisions", RECORDERS),
            entry("POST /api/incidents/{incidentId}/remediations/{remediationId}/prioritize", RECORDERS),
            entry("POST /api/incidents/{incidentId}/remediations/{remediationId}/decline", RECORDERS),
            entry("POST /api/incidents/{incidentId}/remediations/{remediationId}/complete", RECORDERS),
            entry("POST /api/incidents/{incidentId}/remediations/{remediationId}/reopen", RECORDERS),
            entry("POST /api/incidents/{incidentId}/recurrences", RECORDERS),
            entry("POST /api/incidents/{incidentId}/entries/{entryId}/amend", RECORDERS),
            entry("POST /api/incidents/{incidentId}/entries/{entryId}/retract", RECORDERS));

    /**
     * Endpoints outside the document. Health is for load balancers and the document for clients, so both are public;
     * metrics tell how the service is loaded and used, so only admins read them.
     */
    private static final Map<String, Set<Role>> UNDOCUMENTED = Map.of(
            "GET /actuator/health", EnumSet.allOf(Role.class),
            "GET /actuator/metrics", ADMINS,
            "GET /actuator/prometheus", ADMINS,
            "GET /v3/api-docs", EnumSet.allOf(Role.class));
    /** Operations a caller without any credential may use too. */
    private static final Set<String> PUBLIC = Set.of("GET /actuator/health", "GET /v3/api-docs");

    /** Path variables get this id: well-formed, so the request reaches authorization and then finds nothing. */
    private static final String PROBE_ID = "matrix-probe";
    /** A collection the entry view knows, so an allowed read goes as deep as looking the incident up. */
    private static final String PROBE_COLLECTION = "timeline-entries";

    @LocalServerPort
    int port;

    ServiceClient anonymous;
    /** One key per role, each holding that role only, so an answer is due to that role alone. */
    final Map<Role, ServiceClient> callers = new LinkedHashMap<>();

    @BeforeEach
    void createSingleRoleKeys() {
        ServiceClient admin = new ServiceClient("http://localhost:" + port).withKey(ServiceClient.ADMIN_KEY);
        anonymous = admin.withKey(null);
        for (Role role : Role.values()) {
            String body = role == TEAM
                    ? json("name", "matrix-" + role + "-" + UUID.randomUUID(), "team", "matrix-team",
                    "roles", List.of(role))
                    : json("name", "matrix-" + role + "-" + UUID.randomUUID(), "roles", List.of(role));
            ServiceClient.Answer created = admin.post("/api/admin/api-keys", body);
            assertThat(created.status()).as("creating a %s key: %s", role, created.body()).isEqualTo(201);
            callers.put(role, admin.withKey(created.json().path("key").asText()));
        }
    }

    @Test
    void everyDocumentedOperationAnswersEveryRoleAsTheTableSays() {
        List<String> operations = documentedOperations();
        List<String> mismatches = new ArrayList<>();
        for (String operation : operations) {
            if (!DOCUMENTED.containsKey(operation)) {
                mismatches.add(operation + " is in the OpenAPI document but has no access rule in this table: "
                        + "decide who may call it, in WebSecurity and in AccessMatrixTest.DOCUMENTED");
            }
        }
        for (String operation : DOCUMENTED.keySet()) {
            if (!operations.contains(operation)) {
                mismatches.add(operation + " has an access rule in AccessMatrixTest.DOCUMENTED but is no longer in "
                        + "the OpenAPI document: remove the stale rule here (and in WebSecurity if nothing else "
                        + "needs it)");
            }
        }
        int cells = 0;
        for (String operation : operations) {
            Set<Role> allowed = DOCUMENTED.get(operation);
            if (allowed != null) {
                cells += walk(operation, allowed, false, false, mismatches);
            }
        }

        assertThat(mismatches).withFailMessage("The access matrix has %d mismatch(es):%n%s", mismatches.size(),
                String.join(System.lineSeparator(), mismatches)).isEmpty();
        // Guards against passing vacuously: every operation of the table was asked by every caller.
        assertThat(cells).isGreaterThanOrEqualTo(DOCUMENTED.size() * (Role.values().length + 1));
    }

    @Test
    void actuatorAndDocumentationEndpointsAnswerEveryRoleAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (var rule : UNDOCUMENTED.entrySet()) {
            // Fixed reads without input: a caller let through must get the answer itself, not a 404.
            cells += walk(rule.getKey(), rule.getValue(), PUBLIC.contains(rule.getKey()), true, mismatches);
        }

        assertThat(mismatches).withFailMessage("The access matrix has %d mismatch(es):%n%s", mismatches.size(),
                String.join(System.lineSeparator(), mismatches)).isEmpty();
        assertThat(cells).isEqualTo(UNDOCUMENTED.size() * (Role.values().length + 1));
    }

    /** "METHOD /template" for each operation of the live document. */
    private List<String> documentedOperations() {
        ServiceClient.Answer document = anonymous.get("/v3/api-docs");
        assertThat(document.status()).as("the OpenAPI document: %s", document.body()).isEqualTo(200);
        List<String> operations = new ArrayList<>();
        document.json().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> {
                    if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        return operations;
    }

    /** Asks one operation as anonymous and as each role; adds what differs from the rule, counts the cells asked. */
    private int walk(String operation, Set<Role> allowed, boolean isPublic, boolean mustSucceed,
                     List<String> mismatches) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = probePath(operation.substring(operation.indexOf(' ') + 1));
        int cells = 0;

        ServiceClient.Answer answer = call(anonymous, method, path);
        cells++;
        String problem = isPublic
                ? allowedProblem(answer, mustSucceed) : refusedProblem(answer, 401, "UNAUTHENTICATED");
        if (problem != null) {
            mismatches.add(operation + " without a credential: " + problem);
        }
        for (Role role : Role.values()) {
            answer = call(callers.get(role), method, path);
            cells++;
            problem = allowed.contains(role)
                    ? allowedProblem(answer, mustSucceed) : refusedProblem(answer, 403, "ACCESS_DENIED");
            if (problem != null) {
                mismatches.add(operation + " as " + role + ": " + problem);
            }
        }
        return cells;
    }

    private static String probePath(String template) {
        return template.replace("{collection}", PROBE_COLLECTION).replaceAll("\\{[^}/]+}", PROBE_ID);
    }

    private static ServiceClient.Answer call(ServiceClient client, String method, String path) {
        return switch (method) {
            // An empty object: enough to get past authorization; the body's validation may refuse it after that.
            case "POST" -> client.post(path, "{}");
            case "GET" -> client.get(path);
            default -> client.request(method, path);
        };
    }

    /**
     * Null when the caller got past authorization: any answer but a 401 or an ACCESS_DENIED (a 400 or 404 from the
     * probe's input is fine, and so is NOT_YOUR_TEAM, a check on the recorded team, not on the role), never a 5xx.
     */
    private static String allowedProblem(ServiceClient.Answer answer, boolean mustSucceed) {
        String code = problemCode(answer);
        if (answer.status() == 401 || answer.status() == 403 && "ACCESS_DENIED".equals(code)) {
            return "expected to be allowed, was refused with " + describe(answer);
        }
        if (answer.status() >= 500 || mustSucceed && answer.status() != 200) {
            return "expected to be allowed, failed with " + describe(answer);
        }
        return null;
    }

    /** Null when the answer is the given refusal as problem details with the given code. */
    private static String refusedProblem(ServiceClient.Answer answer, int status, String code) {
        if (answer.status() != status || !code.equals(problemCode(answer))) {
            return "expected " + status + " " + code + " problem details, got " + describe(answer);
        }
        return null;
    }

    /** The problem's {@code code}; null unless the answer is problem details. */
    private static String problemCode(ServiceClient.Answer answer) {
        String contentType = answer.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode code = answer.json().path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (UncheckedIOException notJson) {
            return null;
        }
    }

    private static String describe(ServiceClient.Answer answer) {
        String body = answer.body() == null ? "" : answer.body();
        return answer.status() + " " + answer.header("Content-Type") + " "
               + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}
