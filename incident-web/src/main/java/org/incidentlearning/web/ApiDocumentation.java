package org.incidentlearning.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** The OpenAPI document's frame, and the problem-details answers every operation can give. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI incidentLearningApi() {
        return new OpenAPI()
                .info(new Info().title("Incident learning API").version("1")
                        .description("Teams record what they learned from incidents as commands; every accepted "
                                     + "command is an immutable event; views are built from the events. Errors are "
                                     + "RFC 9457 problem details with a stable `code`."))
                .components(new Components().addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> api.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, op) -> {
            ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
            responses.putIfAbsent("400", problem("Malformed or invalid input (unknown fields included)"));
            responses.putIfAbsent("404", problem("Unknown incident, mental model, remediation or entry"));
            if (method == PathItem.HttpMethod.POST) {
                responses.putIfAbsent("409", problem("Conflict with the incident's state or its version (If-Match)"));
                responses.putIfAbsent("415", problem("The body is not application/json"));
                responses.putIfAbsent("422", problem("Idempotency-Key reused with another request"));
            }
            responses.putIfAbsent("500", problem("Unexpected failure; nothing was stored"));
            op.setResponses(responses);
        }));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .properties(Map.of(
                        "type", new StringSchema().format("uri"),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "instance", new StringSchema(),
                        "code", new StringSchema().description("Stable error code, e.g. UNKNOWN_MENTAL_MODEL")));
    }
}
