package org.incidentlearning.command.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/** Documents the headers every command reads and the 201 answer of the commands that create something. */
@Configuration(proxyBeanMethods = false)
public class CommandDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandOptions.class);
    }

    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> {
            boolean isCommand = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == CommandOptions.class);
            if (!isCommand) {
                return operation;
            }
            operation.addParametersItem(header("Idempotency-Key", "A client string (≤ "
                    + CommandOptionsResolver.MAX_KEY_LENGTH + " visible ASCII characters); a retry with the same key "
                    + "and body returns the first answer and stores nothing; the same key with another body is 422"));
            operation.addParametersItem(header("If-Match", "The incident version the client last read, e.g. \"3\"; "
                    + "if the incident moved on, 409 and nothing is stored"));
            operation.addParametersItem(header("X-Correlation-Id", "Ties the events to the client's own case or "
                    + "request id (one is made up when absent); echoed in the answer"));
            if (handler.hasMethodAnnotation(CreatesEntry.class)) {
                ApiResponse ok = operation.getResponses().get("200");
                operation.getResponses().addApiResponse("201", new ApiResponse()
                        .description("Created: {id, version}; Location names the new resource")
                        .content(ok == null ? null : ok.getContent())
                        .addHeaderObject("Location", new Header().schema(new StringSchema())));
                if (ok != null) {
                    ok.setDescription("An identical command was already recorded: nothing new is stored and the "
                                      + "existing id is answered");
                }
            }
            return operation;
        };
    }

    private static Parameter header(String name, String description) {
        return new HeaderParameter().name(name).required(false).description(description).schema(new StringSchema());
    }
}
