package org.incidentlearning.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentlearning.kernel.error.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The one place problem details are made, whoever refuses: the controller advice, the security filters, the body
 * size filter, the servlet error page and Tomcat's own refusals all answer the same shape, RFC 9457 with a stable
 * {@code code}. Refusals the service decides carry their {@link ErrorCode}; refusals Spring or Tomcat make before
 * the service runs are named after their HTTP status.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:incident-learning:problem:";
    /** A failure nobody expected: no code of its own, a reference that is also logged. */
    public static final String INTERNAL_ERROR_TYPE = TYPE_PREFIX + "internal-error";
    public static final String INTERNAL_ERROR_TITLE = "Internal error";
    /** How long a client waits before sending a refused request again when the store or a view is busy. */
    private static final String RETRY_AFTER_SECONDS = "1";
    /** Where no Spring converter writes the answer: the properties become members, as Spring writes them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Problems() {
    }

    /** A refusal the service decided. */
    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(code), detail);
        problem.setTitle(code.title());
        problem.setType(URI.create(TYPE_PREFIX + code.slug()));
        problem.setProperty("code", code.name());
        return problem;
    }

    /** A refusal Spring or the server made before the service ran: {@code about:blank}, titled by its status. */
    public static ProblemDetail ofStatus(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        return withStatusCode(problem);
    }

    /** Gives a problem Spring made itself the stable code every answer has: its status's name. */
    public static ProblemDetail withStatusCode(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            HttpStatus known = HttpStatus.resolve(problem.getStatus());
            problem.setProperty("code", known == null ? "HTTP_" + problem.getStatus() : known.name());
        }
        return problem;
    }

    public static ProblemDetail internalError(String reference) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed unexpectedly; nothing was stored. Reference: " + reference);
        problem.setTitle(INTERNAL_ERROR_TITLE);
        problem.setType(URI.create(INTERNAL_ERROR_TYPE));
        return problem;
    }

    /** The status every refusal of this kind answers. */
    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    /**
     * The answer a controller returns. Its media type is set, not negotiated against the request's {@code Accept}:
     * negotiating would fail on an unreadable header, and the client would get an empty error instead.
     */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer.body(problem);
    }

    public static ResponseEntity<ProblemDetail> answer(ErrorCode code, String detail) {
        return answer(of(code, detail));
    }

    /** Writes a problem where no controller answers: in a filter, before Spring MVC runs. */
    public static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json(problem));
    }

    /** The problem as the JSON every writer sends. */
    public static byte[] json(ProblemDetail problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail is always writable", e);
        }
    }
}
