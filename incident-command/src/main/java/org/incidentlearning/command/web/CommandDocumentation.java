package org.incidentlearning.command.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.incidentlearning.command.correction.CorrectionController;
import org.incidentlearning.command.importing.PostmortemMapping;
import org.incidentlearning.web.ApiDocumentation;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.IncidentPaths;
import org.incidentlearning.web.ServiceHeaders;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import java.util.Arrays;

/**
 * Documents the headers every command reads and answers, the 201 answer of the commands that create something, and
 * the limits of the command side's schemas that annotations cannot state.
 */
@Configuration(proxyBeanMethods = false)
public class CommandDocumentation {

    /** What CommandOptionsResolver takes as a key or correlation id: visible ASCII only. */
    private static final String VISIBLE_ASCII = "^[!-~]+$";
    /** The longest path a create answers: an entry of an incident (templates' paths are shorter). */
    private static final int LOCATION_LENGTH = IncidentPaths.longestEntryPath();

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
            operation.addParametersItem(header(ServiceHeaders.IDEMPOTENCY_KEY, "A client string (≤ "
                    + CommandOptionsResolver.MAX_KEY_LENGTH + " visible ASCII characters); a retry with the same key "
                    + "and body returns the first answer and stores nothing; the same key with another body is 422",
                    visibleAscii()));
            operation.addParametersItem(header(HttpHeaders.IF_MATCH, "The incident version the client last read, e.g. \"3\" "
                    + "(also 3 or W/\"3\"; * means no check); if the incident moved on, 409 and nothing is stored",
                    new StringSchema()));
            operation.addParametersItem(header(ServiceHeaders.CORRELATION_ID, "Ties the events to the client's own case or "
                    + "request id (one is made up when absent); echoed in the answer", visibleAscii()));
            ApiResponse ok = operation.getResponses().get("200");
            if (handler.hasMethodAnnotation(CreatesEntry.class)) {
                operation.getResponses().addApiResponse("201", new ApiResponse()
                        .description("Created: {id, version}; Location names the new resource")
                        .content(ok == null ? null : ok.getContent())
                        .addHeaderObject(HttpHeaders.LOCATION, new Header().required(true)
                                .description("Where the new incident or entry is read")
                                .schema(new StringSchema().format("uri-reference").maxLength(LOCATION_LENGTH)))
                        .addHeaderObject(HttpHeaders.ETAG, versionTag(true))
                        .addHeaderObject(ServiceHeaders.CORRELATION_ID, correlation()));
                if (ok != null) {
                    ok.setDescription("An identical command was already recorded: nothing new is stored and the "
                                      + "existing id is answered");
                }
            }
            if (ok != null) {
                ok.addHeaderObject(HttpHeaders.ETAG, versionTag(!handler.hasMethodAnnotation(CreatesEntry.class)))
                        .addHeaderObject(ServiceHeaders.CORRELATION_ID, correlation());
            }
            return operation;
        };
    }

    /**
     * The limits on an amendment's changes (springdoc does not read type-use annotations), and the longest reason an
     * import gives for a field it does not map.
     */
    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer commandLimits() {
        return api -> {
            Schema changes = ApiDocumentation.property(api, "AmendEntryRequest", "changes");
            changes.setMaxProperties(CorrectionController.MAX_CHANGES);
            changes.setPropertyNames(new StringSchema().minLength(1).maxLength(FieldLimits.NAME));
            changes.setAdditionalProperties(new StringSchema().minLength(1).maxLength(FieldLimits.TEXT));
            ApiDocumentation.property(api, "NotMapped", "reason")
                    .setMaxLength(PostmortemMapping.longestReasonNotMapped());
        };
    }

    private static Parameter header(String name, String description, StringSchema schema) {
        return new HeaderParameter().name(name).required(false).description(description).schema(schema);
    }

    private static StringSchema visibleAscii() {
        return (StringSchema) new StringSchema().pattern(VISIBLE_ASCII).minLength(1)
                .maxLength(CommandOptionsResolver.MAX_KEY_LENGTH);
    }

    private static Header versionTag(boolean required) {
        return new Header().required(required).description("The incident's version after the command, e.g. \"4\"")
                .schema(new StringSchema().pattern(FieldLimits.VERSION_TAG_PATTERN)
                        .maxLength(FieldLimits.VERSION_TAG_LENGTH));
    }

    private static Header correlation() {
        return new Header().required(true).description("The request's X-Correlation-Id, or the one made up for it")
                .schema(visibleAscii());
    }
}
