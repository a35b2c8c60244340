package org.incidentlearning.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.web.ProblemDetailsAdvice;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * Writes a refusal made inside a security filter, where no controller advice runs, as the very problem details the
 * advice answers.
 */
class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, HttpServletRequest request, ErrorCode code, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetailsAdvice.problem(code, detail).getBody();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
