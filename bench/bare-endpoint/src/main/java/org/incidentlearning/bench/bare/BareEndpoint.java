package org.incidentlearning.bench.bare;

import io.swagger.v3.oas.annotations.Hidden;
import org.incidentlearning.web.ServiceHeaders;
import org.incidentlearning.web.security.AdditionalCommandPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's yardstick: a command-shaped request (JSON body in, 201 with an id, a version, {@code Location},
 * {@code ETag} and the correlation id out) through the same server stack as every command: Tomcat, the security chain
 * with its API-key check and rate limit, Spring MVC and Jackson; but no command handling and no store. It is in the
 * service only when this jar is loaded beside {@code incident-app.jar}, whose component scan finds it.
 */
@RestController
@Hidden
public class BareEndpoint {

    public static final String PATH = "/api/bench/bare";

    /** Authorized like a command, so the yardstick pays for the same credential check and rate limit. */
    @Bean
    static AdditionalCommandPaths bareEndpointPath() {
        return new AdditionalCommandPaths(List.of(PATH));
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> answer(@RequestBody Map<String, Object> body,
                                                      @RequestHeader(name = ServiceHeaders.CORRELATION_ID, required = false)
                                                      String correlationId) {
        String id = UUID.randomUUID().toString();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, URI.create(PATH + "/" + id).toString())
                .header(ServiceHeaders.CORRELATION_ID, correlationId == null ? UUID.randomUUID().toString() : correlationId)
                .eTag("1")
                .body(Map.of("id", id, "version", 1));
    }
}
