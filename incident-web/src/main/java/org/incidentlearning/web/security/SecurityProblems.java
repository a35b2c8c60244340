package org.incidentlearning.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * 401, 403 and the firewall's 400 as RFC 9457 problem details. Spring Security answers these in its filters, before
 * any controller advice could, so they are written here in the same shape as every other problem.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String CHALLENGE = "Bearer realm=\"incident-learning\"";
    static final String REFUSED_CHALLENGE = CHALLENGE + ", error=\"invalid_token\"";

    private final RequestRateLimit rateLimit;

    SecurityProblems(RequestRateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        String challenge = CHALLENGE;
        String detail = "This endpoint needs a credential: send 'Authorization: Bearer <key or token>'";
        if (failure instanceof OAuth2AuthenticationException refused) {
            // Refused credentials count against the client address's budget, so guessing keys is slowed down too.
            if (!rateLimit.admit(request, response, RequestRateLimit.addressOf(request))) {
                return;
            }
            challenge = REFUSED_CHALLENGE;
            detail = refused.getError().getDescription() == null ? "The credential was refused"
                    : "The credential was refused: " + refused.getError().getDescription();
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        Problems.write(Problems.of(ErrorCode.UNAUTHENTICATED, detail), request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String who = authentication instanceof IncidentAuthentication incident
                ? "'" + incident.getName() + "' (roles " + incident.getPrincipal().roles().stream().map(Enum::name)
                        .sorted().collect(Collectors.joining(", ")) + ")"
                : "This principal";
        Problems.write(Problems.of(ErrorCode.ACCESS_DENIED, who + " may not " + request.getMethod() + " "
                + request.getRequestURI()), request, response);
    }

    /** Spring Security's firewall refused the request line or a header (a forbidden method, encoded slash…). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        Problems.write(Problems.of(ErrorCode.INVALID_INPUT, rejected.getMessage()), request, response);
    }
}
