package org.incidentlearning.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The error page the servlet container forwards to when a request fails outside Spring MVC. It answers problem details
 * like every other refusal, in place of Spring Boot's error JSON; asked for directly, it is an unknown path (Boot's
 * answers such a request with a 500).
 */
@Hidden
@RestController
public class ErrorPath implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus forwarded = code instanceof Integer status ? HttpStatus.resolve(status) : null;
        HttpStatus status = forwarded == null ? HttpStatus.NOT_FOUND : forwarded;
        ProblemDetail problem = Problems.ofStatus(status, forwarded == null
                ? "No endpoint " + request.getRequestURI() : status.getReasonPhrase());
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
            problem.setInstance(URI.create(failed));
        }
        return Problems.answer(problem);
    }
}
