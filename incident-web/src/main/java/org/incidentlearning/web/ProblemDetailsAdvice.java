package org.incidentlearning.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.RejectionDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every error leaves the service as RFC 9457 problem details. Refusals keep their {@link ErrorCode} (as
 * {@code code}) whether they were raised at the edge or inside a command handler, in this process or another.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** H2's lock timeout, PostgreSQL's lock_not_available (lock_timeout) and its deadlock victim. */
    private static final Set<String> LOCK_TIMEOUTS = Set.of("HYT00", "55P03", "40P01");
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: [^]]*?(line: \\d+, column: \\d+)]");
    private static final Pattern LIBRARY_HINTS = Pattern.compile(":? ?enable `[^`]*` to allow|, from `[^`]*`"
            + "| ?\\(`[^`]*`[^()]*\\)| ?\\(not recognized as one since Feature '\\w+' not enabled for parser\\)");

    @ExceptionHandler(IncidentRejection.class)
    ResponseEntity<ProblemDetail> rejected(IncidentRejection rejection) {
        return Problems.answer(rejection.code(), rejection.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException failure) {
        return failure.getDetails()
                .filter(RejectionDetails.class::isInstance)
                .map(RejectionDetails.class::cast)
                .map(details -> Problems.answer(details.code(), details.message()))
                .orElseGet(() -> unexpected(failure));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownIncident(AggregateNotFoundException missing) {
        return Problems.answer(ErrorCode.UNKNOWN_INCIDENT,
                "No incident with id " + missing.getAggregateIdentifier());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException conflict) {
        return Problems.answer(ErrorCode.CONCURRENT_MODIFICATION,
                "Another request changed this incident at the same moment; read it again and retry");
    }

    /** A header the firewall refuses is only found out when a handler reads it. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejectedByFirewall(RequestRejectedException rejected) {
        return Problems.answer(ErrorCode.INVALID_INPUT, rejected.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        if (waitedTooLongForALock(failure)) {
            return Problems.answer(ErrorCode.STORE_BUSY, "The event store stayed busy with other appends for longer "
                    + "than its lock timeout; nothing was stored. Send the request again");
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure {}", reference, failure);
        return Problems.answer(Problems.internalError(reference));
    }

    /**
     * Appends queue for one lock in the store; a wait past the lock timeout (H2's {@code LOCK_TIMEOUT}, PostgreSQL's
     * {@code lock_timeout}) rolls the whole command back, so the client may simply retry.
     */
    private static boolean waitedTooLongForALock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_TIMEOUTS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        return widened(Problems.answer(invalid(ex.getBindingResult().getFieldErrors(), List.of())));
    }

    /**
     * Where a handler's parameters carry constraints of their own (a path id's pattern), Spring validates the method
     * as a whole: a body's field errors then come here, and are named by their path in the body like those above.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException ex, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldError> bodyErrors = ex.getBeanResults().stream()
                .flatMap(result -> result.getFieldErrors().stream()).toList();
        List<String> parameterErrors = ex.getValueResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": "
                                + error.getDefaultMessage()))
                .toList();
        return widened(Problems.answer(invalid(bodyErrors, parameterErrors)));
    }

    /** Invalid input: each refused field of the body by its path ({@code errors}), then each refused parameter. */
    private static ProblemDetail invalid(List<FieldError> bodyErrors, List<String> parameterErrors) {
        List<Map<String, String>> errors = bodyErrors.stream()
                .sorted((a, b) -> a.getField().compareTo(b.getField()))
                .map(error -> Map.of("field", error.getField(), "message", message(error)))
                .toList();
        String detail = Stream.concat(errors.stream().map(e -> e.get("field") + ": " + e.get("message")),
                parameterErrors.stream()).collect(Collectors.joining("; "));
        ProblemDetail body = Problems.of(ErrorCode.INVALID_INPUT, detail.isEmpty() ? "The request is invalid"
                : detail);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException ex, @NonNull HttpHeaders headers,
                                                        @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return widened(Problems.answer(ErrorCode.INVALID_INPUT, "'" + name + "' "
                + expected(ex.getRequiredType(), ex.getValue())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                return widened(Problems.answer(ErrorCode.REQUEST_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        return widened(Problems.answer(ErrorCode.INVALID_INPUT, unreadable(ex)));
    }

    /** Spring's own refusals (unknown path, method, media type…) get a stable code like every other problem. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception ex, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode statusCode,
                                                             @NonNull WebRequest request) {
        if (body == null && ex instanceof ErrorResponse error) {
            body = error.getBody();
        }
        if (body instanceof ProblemDetail problem) {
            Problems.withStatusCode(problem);
            // Like Problems.answer: the media type is set, not negotiated against the request's Accept header.
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.addAll(headers);
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.handleExceptionInternal(ex, problem, problemHeaders, statusCode, request);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown) + "'; known fields: " + unknown.getKnownPropertyIds();
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "': " + expected(invalid.getTargetType(), invalid.getValue());
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatched.getPath().isEmpty()
                    ? "The request body must be a JSON object"
                    : "Field '" + path(mismatched) + "': " + expected(mismatched.getTargetType(), null);
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof IncidentRejection r) {
            return r.getMessage();
        }
        if (cause instanceof JsonProcessingException malformed) {
            return "Malformed JSON: " + withoutLibraryHints(malformed.getOriginalMessage());
        }
        return "The request body is missing or is not JSON";
    }

    /**
     * Jackson's message without its advice to library users (the feature that would allow the input, the setting a
     * limit comes from): those name Jackson's internals and mean nothing to a client.
     */
    private static String withoutLibraryHints(String message) {
        return LIBRARY_HINTS.matcher(SOURCE_LOCATION.matcher(message).replaceAll("$1")).replaceAll("");
    }

    private static String expected(Class<?> type, Object value) {
        String got = value == null ? "" : ", got '" + value + "'";
        if (type == null) {
            return "has the wrong type" + got;
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants()) + got;
        }
        if (type == OffsetDateTime.class || type == java.time.Instant.class) {
            return "must be an ISO-8601 timestamp with offset, e.g. 2026-11-23T10:15:00Z" + got;
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date, e.g. 2027-01-31" + got;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array" + got;
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be an object" + got;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number" + got;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false" + got;
        }
        if (type == String.class) {
            return "must be a string" + got;
        }
        // A Java type name means nothing to a client and tells more than it needs to know.
        return "has the wrong type" + got;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** Spring's handler methods answer {@code ResponseEntity<Object>}. */
    private static ResponseEntity<Object> widened(ResponseEntity<ProblemDetail> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }
}
