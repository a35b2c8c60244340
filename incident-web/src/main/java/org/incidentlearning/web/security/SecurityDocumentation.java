package org.incidentlearning.web.security;

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
 * What the OpenAPI document says about credentials, roles, the request budget and CORS, taken from the rules that
 * enforce them: {@link WebSecurity}, {@link SecurityProblems} and {@link RequestRateLimit}.
 */
@Component
public class SecurityDocumentation {

    public static final String BEARER = "bearer";
    public static final String ADMIN_BEARER = "adminBearer";
    private static final AntPathMatcher PATHS = new AntPathMatcher();

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
        responses.forEach((status, response) -> answerHeaders(status, response, headerBound));
    }

    private void answerHeaders(String status, ApiResponse response, int headerBound) {
        boolean alwaysCounted = !status.equals("400");
        String unlessRefusedEarly = alwaysCounted ? "" : " Missing when the request was refused before it was "
                + "counted: a request line or header the server or its firewall refuses.";
        response.addHeaderObject(RequestRateLimit.LIMIT, new Header().required(alwaysCounted)
                .description("Requests the budget allows per minute (`incident.security.rate-limit."
                             + "requests-per-minute`), per credential or, without one, per client address."
                             + unlessRefusedEarly)
                .schema(count(1, settings.rateLimit().requestsPerMinute())));
        response.addHeaderObject(RequestRateLimit.REMAINING, new Header().required(alwaysCounted)
                .description("Requests left in the budget now." + unlessRefusedEarly)
                .schema(count(0, settings.rateLimit().requestsPerMinute())));
        response.addHeaderObject(RequestRateLimit.RESET, new Header().required(alwaysCounted)
                .description("Seconds until the budget is full again (after a 429: until a request is taken "
                             + "again)." + unlessRefusedEarly)
                .schema(seconds()));
        response.addHeaderObject(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, new Header().required(false)
                .description("Sent only to a browser request whose Origin is one of "
                             + "`incident.security.allowed-origins` (none by default, so no other site's pages may "
                             + "call the API); it names that origin")
                .schema(new StringSchema().format("uri").maxLength(headerBound)));
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
