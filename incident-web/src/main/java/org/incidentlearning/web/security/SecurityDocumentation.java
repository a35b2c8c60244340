package org.incidentlearning.web.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.incidentlearning.web.ApiDocumentation;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document says about credentials, roles, the request budget, CORS and the protective headers of
 * every answer, taken from the rules that enforce them: {@link WebSecurity}, {@link SecurityProblems} and
 * {@link RequestRateLimit}.
 */
@Component
public class SecurityDocumentation {

    public static final String BEARER = "bearer";
    public static final String ADMIN_BEARER = "adminBearer";
    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final String ANSWER_HEADERS = "#/components/headers/";

    private final SecuritySettings settings;

    public SecurityDocumentation(SecuritySettings settings) {
        this.settings = settings;
    }

    public static Map<String, SecurityScheme> schemes() {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("`Authorization: Bearer <credential>` on every request. With "
                             + "`incident.security.mode=api-keys` (the default) the credential is an API key, one "
                             + "from configuration or one an admin created at /api/admin/api-keys; the service keeps "
                             + "only SHA-256 hashes of keys. With `incident.security.mode=jwt` it is a JWT from the "
                             + "configured identity provider: its signature must verify against the provider's keys "
                             + "(unsigned tokens are refused), its expiry and not-before times are enforced, and its "
                             + "issuer and audience are checked when they are configured. Roles decide what a "
                             + "credential may do: the views are read by TEAM, FACILITATOR, AUDITOR and DASHBOARD; "
                             + "commands are sent by TEAM (in its own team's name only) and FACILITATOR; raw events, "
                             + "export and verification are read by AUDITOR; imports need ADMIN. Operations under "
                             + "/api/admin/ name `adminBearer` instead."));
        schemes.put(ADMIN_BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The same `Authorization: Bearer` credential as `bearer` (an API key, or a JWT in "
                             + "jwt mode), held by a principal with the ADMIN role, for the operations under "
                             + "/api/admin/: managing API keys and replaying projections; reading there is also open "
                             + "to the AUDITOR role. It is a scheme of its own so that these operations stand apart "
                             + "from the rest; the mechanism is the same."));
        return schemes;
    }

    /** Every operation but the administrative ones: a bearer credential whose roles allow it. */
    public static SecurityRequirement anyRole() {
        return new SecurityRequirement().addList(BEARER);
    }

    /**
     * The security requirement of an administrative operation, and on every operation the refusals the security
     * filters answer and the headers every answer carries.
     */
    public void document(String path, PathItem.HttpMethod method, Operation operation, int headerBound) {
        if (PATHS.match(WebSecurity.ADMIN_AREA, path)) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(ADMIN_BEARER)));
        }
        var responses = operation.getResponses();
        responses.putIfAbsent("401", ApiDocumentation.problem("No credential, or one that was refused (unknown, "
                + "revoked, expired or badly signed)").addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, new Header()
                .description("The bearer challenge; `error=\"invalid_token\"` when a credential was sent and refused")
                .required(true)
                .schema(new StringSchema()._enum(List.of(SecurityProblems.CHALLENGE,
                        SecurityProblems.REFUSED_CHALLENGE)))));
        responses.putIfAbsent("403", ApiDocumentation.problem(method == PathItem.HttpMethod.GET
                ? "The credential's roles do not allow this read"
                : "The credential's roles do not allow this change (a TEAM credential records only in its own "
                  + "team's name)"));
        responses.putIfAbsent("429", ApiDocumentation.problem("More requests than the credential's budget (or, "
                + "without a valid credential, the client address's) allows per minute").addHeaderObject(
                HttpHeaders.RETRY_AFTER, new Header().description("Seconds until a request is taken again")
                        .required(true).schema(seconds())));
        responses.forEach((status, response) -> addAnswerHeaders(status, response, headerBound));
    }

    /**
     * The headers every answer carries, defined once in the document's components; answers refer to them, except
     * 400 answers, which describe them as they are there: missing when the request was refused before it was
     * counted.
     */
    public void defineAnswerHeaders(Components components, int headerBound) {
        answerHeaders(true, headerBound).forEach(components::addHeaders);
    }

    private void addAnswerHeaders(String status, ApiResponse response, int headerBound) {
        boolean counted = !status.equals("400");
        answerHeaders(counted, headerBound).forEach((name, header) -> response.addHeaderObject(name, counted
                ? new Header().$ref(ANSWER_HEADERS + name) : header));
    }

    private Map<String, Header> answerHeaders(boolean counted, int headerBound) {
        String unlessRefusedEarly = counted ? "" : " Missing when the request was refused before it was "
                + "counted: a request line or header the server or its firewall refuses.";
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(RequestRateLimit.LIMIT, new Header().required(counted)
                .description("Requests the budget allows per minute (`incident.security.rate-limit."
                             + "requests-per-minute`), per credential or, without one, per client address."
                             + unlessRefusedEarly)
                .schema(count(1, settings.rateLimit().requestsPerMinute())));
        headers.put(RequestRateLimit.REMAINING, new Header().required(counted)
                .description("Requests left in the budget now." + unlessRefusedEarly)
                .schema(count(0, settings.rateLimit().requestsPerMinute())));
        headers.put(RequestRateLimit.RESET, new Header().required(counted)
                .description("Seconds until the budget is full again (after a 429: until a request is taken "
                             + "again)." + unlessRefusedEarly)
                .schema(seconds()));
        headers.putAll(protections(counted, unlessRefusedEarly));
        headers.put(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, new Header().required(false)
                .description("Sent only to a browser request whose Origin is one of "
                             + "`incident.security.allowed-origins` (none by default, so no other site's pages may "
                             + "call the API); it names that origin")
                .schema(new StringSchema().format("uri").maxLength(headerBound)));
        return headers;
    }

    /**
     * The headers Spring Security writes on every answer that passed its filters ({@link WebSecurity} sets the
     * content security and referrer policies and refuses framing; the rest are its defaults).
     */
    private static Map<String, Header> protections(boolean counted, String unlessRefusedEarly) {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CACHE_CONTROL, protection(counted, "No cache may keep an answer",
                "no-cache, no-store, max-age=0, must-revalidate", unlessRefusedEarly));
        headers.put(HttpHeaders.PRAGMA, protection(counted, "No cache may keep an answer (HTTP/1.0 caches)",
                "no-cache", unlessRefusedEarly));
        headers.put(HttpHeaders.EXPIRES, protection(counted, "Already expired, for caches that read only this",
                "0", unlessRefusedEarly));
        headers.put("X-Content-Type-Options", protection(counted, "Browsers take the Content-Type as sent",
                "nosniff", unlessRefusedEarly));
        headers.put("X-Frame-Options", protection(counted, "No page may frame an answer", "DENY",
                unlessRefusedEarly));
        headers.put("X-XSS-Protection", protection(counted, "Browsers' own XSS filters stay off (the content "
                + "security policy protects instead)", "0", unlessRefusedEarly));
        headers.put("Referrer-Policy", protection(counted, "Links followed from an answer send no referrer",
                "no-referrer", unlessRefusedEarly));
        headers.put("Content-Security-Policy", new Header().required(counted)
                .description("What a browser may load for a page the service serves: only the service's own "
                             + "scripts, styles and images; no plugins, framing or other form targets."
                             + unlessRefusedEarly)
                .schema(new StringSchema()));
        return headers;
    }

    private static Header protection(boolean counted, String description, String value,
                                     String unlessRefusedEarly) {
        return new Header().required(counted).description(description + "." + unlessRefusedEarly)
                .schema(new StringSchema()._enum(List.of(value)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema count(long minimum, long maximum) {
        return new IntegerSchema().format("int64").minimum(BigDecimal.valueOf(minimum))
                .maximum(BigDecimal.valueOf(maximum));
    }

    @SuppressWarnings("rawtypes")
    private static Schema seconds() {
        return count(1, RequestRateLimit.REFILL_PERIOD.toSeconds() + 1);
    }
}
