package org.incidentlearning.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentlearning.kernel.error.ErrorCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a refusal made inside a security filter as the same RFC 9457 problem details the controllers answer. */
class ProblemWriter {

    private static final String TYPE_PREFIX = "urn:incident-learning:problem:";

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, HttpServletRequest request, ErrorCode code, String detail)
            throws IOException {
        int status = statusOf(code);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + code.slug());
        problem.put("title", code.title());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code.name());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static int statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            case UNAUTHENTICATED -> HttpServletResponse.SC_UNAUTHORIZED;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case TOO_MANY_REQUESTS -> 429;
            default -> throw new IllegalArgumentException(code + " is not refused by a security filter");
        };
    }
}
