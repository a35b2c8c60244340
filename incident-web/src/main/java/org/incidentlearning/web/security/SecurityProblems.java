package org.incidentlearning.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentlearning.kernel.error.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 401, 403 and the firewall's 400 as RFC 9457 problem details. Spring Security answers these in its filters, before
 * any controller advice could, so they are written here in the same shape as every other problem.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final String TYPE_PREFIX = "urn:incident-learning:problem:";

    private final ObjectMapper json;

    public SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        boolean credentialSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String challenge = "Bearer realm=\"incident-learning\"";
        String detail = "This endpoint needs a credential: send 'Authorization: Bearer <key or token>'";
        if (credentialSent) {
            challenge += ", error=\"invalid_token\"";
            detail = failure instanceof OAuth2AuthenticationException oauth
                     && oauth.getError().getDescription() != null
                    ? "The credential was refused: " + oauth.getError().getDescription()
                    : "The credential was refused";
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(response, request, ErrorCode.UNAUTHENTICATED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String who = authentication instanceof IncidentAuthentication incident
                ? "'" + incident.getName() + "' (roles " + incident.getPrincipal().roles().stream().map(Enum::name)
                        .sorted().collect(Collectors.joining(", ")) + ")"
                : "This principal";
        write(response, request, ErrorCode.ACCESS_DENIED, who + " may not " + request.getMethod() + " "
                + request.getRequestURI());
    }

    /** Spring Security's firewall refused the request line or a header (a forbidden method, encoded slash…). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        write(response, request, ErrorCode.INVALID_INPUT, rejected.getMessage());
    }

    void write(HttpServletResponse response, HttpServletRequest request, ErrorCode code, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + code.slug());
        problem.put("title", code.title());
        problem.put("status", statusOf(code));
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code.name());
        response.setStatus(statusOf(code));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static int statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case UNAUTHENTICATED -> HttpServletResponse.SC_UNAUTHORIZED;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case TOO_MANY_REQUESTS -> 429;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            default -> throw new IllegalArgumentException(code + " is not a security refusal");
        };
    }
}
