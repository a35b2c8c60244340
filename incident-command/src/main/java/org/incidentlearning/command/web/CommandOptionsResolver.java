package org.incidentlearning.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.web.ServiceHeaders;
import org.incidentlearning.web.security.IncidentAuthentication;
import org.incidentlearning.web.security.IncidentPrincipal;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.NonNull;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code If-Match}, {@code Idempotency-Key} and who asks once, for every command endpoint alike. */
public class CommandOptionsResolver implements HandlerMethodArgumentResolver {

    static final int MAX_KEY_LENGTH = 255;
    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandOptions.class;
    }

    @Override
    public Object resolveArgument(@NonNull MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new CommandOptions(expectedVersion(webRequest.getHeader(HttpHeaders.IF_MATCH)),
                idempotencyKey(webRequest.getHeader(ServiceHeaders.IDEMPOTENCY_KEY)),
                request == null ? "POST" : request.getMethod(),
                request == null ? "" : request.getRequestURI(),
                principal(),
                Optional.ofNullable(visible(ServiceHeaders.CORRELATION_ID,
                        webRequest.getHeader(ServiceHeaders.CORRELATION_ID), MAX_KEY_LENGTH))
                        .orElseGet(() -> UUID.randomUUID().toString()));
    }

    /** Every command endpoint requires authentication; a request without a principal never gets here. */
    private static IncidentPrincipal principal() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof IncidentAuthentication authenticated) {
            return authenticated.getPrincipal();
        }
        throw new IllegalStateException("A command arrived without an authenticated principal");
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw IncidentRejection.invalid("If-Match must be an incident version such as \"3\", got '"
                    + ifMatch + "'");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String idempotencyKey(String key) {
        return visible(ServiceHeaders.IDEMPOTENCY_KEY, key, MAX_KEY_LENGTH);
    }

    private static String visible(String header, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > maxLength
            || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw IncidentRejection.invalid(header + " must be 1 to " + maxLength + " visible ASCII characters");
        }
        return value;
    }
}
