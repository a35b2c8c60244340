package org.incidentlearning.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.web.security.SecurityDocumentation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The OpenAPI document's frame, the answers every operation can give, the limits of what goes in and out, and which
 * fields of an answer may be null. Fields state their own limits where they are declared; what holds for every field
 * of a kind is set here, from the rules that enforce it.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String MEDIA_TYPE = "[\\w.+-]+/[\\w.+*-]+";
    /** How the description of a value the service does not cap begins. */
    public static final String UNCAPPED = "Not capped: ";
    /** Instants are written as ISO-8601 in UTC, and every one is in the years 0000 to 9999 (Require). */
    private static final int TIMESTAMP_LENGTH = Instant.parse("9999-12-31T23:59:59.999999999Z").toString().length();
    private static final int DATE_LENGTH = LocalDate.of(9999, 12, 31).toString().length();

    @Bean
    OpenAPI incidentLearningApi() {
        Server thisService = new Server().url("/")
                .description("This service, at the address this document was read from: the same document "
                             + "describes it locally, in test, in staging and in production");
        // Teams and tools of the organisation that runs it call this API; it is not offered to the public.
        thisService.addExtension("x-internal", true);
        return new OpenAPI()
                .info(new Info().title("Incident learning API").version("1")
                        .description("Teams record what they learned from incidents as commands; every accepted "
                                     + "command is an immutable event; views are built from the events. Errors are "
                                     + "RFC 9457 problem details with a stable `code`. Limits: texts, names and "
                                     + "lists are limited where they are recorded, and answers hold no more than was "
                                     + "recorded; a parameter or header without a limit of its own is bounded by the "
                                     + "size limit on the request line and headers, and a body field by the request "
                                     + "body limit (incident.max-request-bytes). Lists and texts that grow with the "
                                     + "store are marked as not capped."))
                .addServersItem(thisService)
                .components(new Components().securitySchemes(SecurityDocumentation.schemes()))
                .addSecurityItem(SecurityDocumentation.anyRole());
    }

    /** Gives the properties marked {@link Uncapped} the most a Java list or string holds, and says why. */
    @Bean
    PropertyCustomizer uncappedValues() {
        return (property, type) -> type.getCtxAnnotations() == null ? property
                : Arrays.stream(type.getCtxAnnotations()).filter(Uncapped.class::isInstance).map(Uncapped.class::cast)
                        .findFirst().map(uncapped -> uncapped(property, uncapped.value())).orElse(property);
    }

    /**
     * A property marked {@link Nullable} may be null (or, in a document written without nulls, absent); every other
     * property of an answer is always there and never null (see {@link #requireWhatIsAlwaysSent}).
     */
    @Bean
    PropertyCustomizer nullableValues() {
        return (property, type) -> type.getCtxAnnotations() != null
                                   && Arrays.stream(type.getCtxAnnotations()).anyMatch(Nullable.class::isInstance)
                ? admitNull(property) : property;
    }

    /** OpenAPI 3.1: the type "null" beside the value's own; a reference becomes one of it and null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema admitNull(Schema schema) {
        if (schema.get$ref() != null) {
            return new Schema<>().oneOf(List.of(new Schema<>().$ref(schema.get$ref()), nullType()));
        }
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        } else if (schema.getType() != null) {
            types.add(schema.getType());
        }
        types.add("null");
        schema.setTypes(types);
        if (schema.getEnum() != null && !schema.getEnum().contains(null)) {
            schema.addEnumItemObject(null);
        }
        return schema;
    }

    @SuppressWarnings("rawtypes")
    private static Schema nullType() {
        Schema nullType = new Schema<>();
        nullType.setTypes(new LinkedHashSet<>(List.of("null")));
        return nullType;
    }

    @SuppressWarnings("rawtypes")
    private static boolean admitsNull(Schema schema) {
        return schema.getTypes() != null && schema.getTypes().contains("null")
               || schema.getOneOf() != null && ((List<Schema>) schema.getOneOf()).stream()
                .anyMatch(ApiDocumentation::admitsNull);
    }

    @SuppressWarnings("rawtypes")
    private static Schema uncapped(Schema schema, String why) {
        if (is(schema, "array")) {
            schema.setMaxItems(Uncapped.LIMIT);
        } else {
            schema.setMaxLength(Uncapped.LIMIT);
        }
        String note = UNCAPPED + why;
        schema.setDescription(schema.getDescription() == null ? note : schema.getDescription() + ". " + note);
        return schema;
    }

    @Bean
    OpenApiCustomizer apiContract(SecurityDocumentation security, RequestSizeLimit bodyLimit,
                                  ServerProperties server) {
        int headerBound = (int) server.getMaxHttpRequestHeaderSize().toBytes();
        int answerHeaderBound = (int) server.getTomcat().getMaxHttpResponseHeaderSize().toBytes();
        int bodyBound = (int) Math.min(Integer.MAX_VALUE, bodyLimit.maxRequestBytes());
        return api -> {
            requireWhatIsAlwaysSent(api);
            api.getComponents().addSchemas(PROBLEM, problemSchema(headerBound, bodyBound));
            security.defineAnswerHeaders(api.getComponents(), headerBound);
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
                        : operation.getResponses();
                operation.setResponses(responses);
                problemAnswers(method, operation, responses);
                security.document(path, method, operation, headerBound);
            }));
            limitParameters(api, headerBound);
            limitRequestBodies(api, bodyBound);
            limitAnswerHeaders(api, answerHeaderBound);
            limitByKind(api);
        };
    }

    private static void problemAnswers(PathItem.HttpMethod method, Operation operation, ApiResponses responses) {
        responses.putIfAbsent("400", problem("Malformed or invalid input (unknown fields included)"));
        responses.putIfAbsent("404", problem("Unknown incident, mental model, remediation or entry"));
        responses.putIfAbsent("406", problem("NOT_ACCEPTABLE: the Accept header names no media type this operation "
                                             + "answers in").addHeaderObject(HttpHeaders.ACCEPT,
                mediaTypes("The media types this operation answers in")));
        if (method == PathItem.HttpMethod.POST) {
            responses.putIfAbsent("409", problem("Conflict with the incident's state or its version (If-Match)"));
            responses.putIfAbsent("415", problem("The body is not of a media type this operation reads")
                    .addHeaderObject(HttpHeaders.ACCEPT, mediaTypes("The media types this operation reads")));
            responses.putIfAbsent("422", problem("Idempotency-Key reused with another request"));
            responses.putIfAbsent("503", problem("STORE_BUSY: the store stayed busy with other appends past its lock "
                                                 + "timeout; nothing was stored, send it again (Retry-After)"));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", problem("The body is larger than the service takes "
                                                 + "(incident.max-request-bytes; incident.max-import-bytes for a "
                                                 + "whole-store import); nothing was stored"));
        }
        responses.putIfAbsent("500", problem("Unexpected failure; nothing was stored"));
    }

    /** What Spring names in Accept when it refuses a media type, e.g. "application/json, text/markdown". */
    private static Header mediaTypes(String description) {
        return new Header().required(true).description(description)
                .schema(new StringSchema().pattern("^" + MEDIA_TYPE + "(, " + MEDIA_TYPE + ")*$"));
    }

    /** A problem-details answer with this description; the headers every answer carries are added later. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))));
    }

    /**
     * Problem details as every writer of them fills them in: the codes and titles are the service's own or Spring's
     * and Tomcat's status names; the instance is the request's path.
     */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema(int headerBound, int bodyBound) {
        List<String> types = new ArrayList<>(List.of("about:blank", Problems.INTERNAL_ERROR_TYPE));
        List<String> titles = new ArrayList<>(List.of(Problems.INTERNAL_ERROR_TITLE, "HTTP 599"));
        List<String> codes = new ArrayList<>(List.of("HTTP_599"));
        for (ErrorCode code : ErrorCode.values()) {
            types.add(Problems.TYPE_PREFIX + code.slug());
            titles.add(code.title());
            codes.add(code.name());
        }
        for (HttpStatus status : HttpStatus.values()) {
            titles.add(status.getReasonPhrase());
            codes.add(status.name());
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").maxLength(longest(types)));
        properties.put("title", new StringSchema().maxLength(longest(titles)));
        properties.put("status", new IntegerSchema().format("int32").minimum(BigDecimal.valueOf(400))
                .maximum(BigDecimal.valueOf(599)));
        properties.put("detail", uncapped(new StringSchema().description("What was wrong, for people"),
                "it can quote what the request sent"));
        properties.put("instance", new StringSchema().format("uri-reference").maxLength(headerBound)
                .description("The request's path"));
        properties.put("code", new StringSchema().maxLength(longest(codes))
                .description("Stable error code, e.g. UNKNOWN_MENTAL_MODEL; for refusals Spring or the server "
                             + "makes before the service runs, the HTTP status name (METHOD_NOT_ALLOWED)"));
        // Bean validation of a body names each field it refused; each refusal is of something the body holds.
        properties.put("errors", new ArraySchema().maxItems(bodyBound)
                .description("The fields of the body that were refused (only when its validation refused it)")
                .items(new ObjectSchema()
                        .addProperty("field", new StringSchema().maxLength(bodyBound)
                                .description("The field's path in the body, e.g. teams[0]"))
                        .addProperty("message", new StringSchema().maxLength(FieldLimits.TEXT)
                                .description("What is wrong with it"))
                        .required(List.of("field", "message"))));
        return new ObjectSchema().description("RFC 9457 problem details").properties(properties)
                .required(List.of("type", "title", "status", "detail", "code"));
    }

    /**
     * Every property of an answer's schema that cannot be null is always sent: the schemas only answers use list
     * them as required. Schemas that requests use too keep what their validation requires.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void requireWhatIsAlwaysSent(OpenAPI api) {
        Set<String> read = new HashSet<>();
        Set<String> answered = new HashSet<>();
        operations(api).forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values()
                        .forEach(media -> reachable(media.getSchema(), api, read));
            }
            operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                    .flatMap(response -> response.getContent().values().stream())
                    .forEach(media -> reachable(media.getSchema(), api, answered));
        });
        answered.removeAll(read);
        for (String name : answered) {
            Map<String, Schema> properties = api.getComponents().getSchemas().get(name).getProperties();
            if (properties != null && !properties.isEmpty()) {
                api.getComponents().getSchemas().get(name).setRequired(properties.entrySet().stream()
                        .filter(property -> !admitsNull(property.getValue())).map(Map.Entry::getKey).toList());
            }
        }
    }

    /** The names of the component schemas a schema refers to, directly or through others. */
    @SuppressWarnings("rawtypes")
    private static void reachable(Schema schema, OpenAPI api, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(SCHEMAS.length());
            Schema target = api.getComponents().getSchemas().get(name);
            if (target != null && names.add(name)) {
                reachable(target, api, names);
            }
            return;
        }
        children(schema).forEach(child -> reachable(child, api, names));
    }

    private static int longest(Collection<String> values) {
        return values.stream().mapToInt(String::length).max().orElseThrow();
    }

    /** The request line and headers together are refused over the server's header size limit. */
    private static void limitParameters(OpenAPI api, int headerBound) {
        operations(api).flatMap(operation -> operation.getParameters() == null ? Stream.empty()
                        : operation.getParameters().stream())
                .map(Parameter::getSchema)
                .filter(Objects::nonNull)
                .forEach(schema -> limitStrings(schema, headerBound, api, new HashSet<>()));
    }

    /** A field of a request body cannot be longer than the body the service reads. */
    private static void limitRequestBodies(OpenAPI api, int bodyBound) {
        operations(api).filter(operation -> operation.getRequestBody() != null
                                            && operation.getRequestBody().getContent() != null)
                .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
                .map(MediaType::getSchema)
                .filter(Objects::nonNull)
                .forEach(schema -> limitStrings(schema, bodyBound, api, new HashSet<>()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void limitStrings(Schema schema, int bound, OpenAPI api, Set<String> seen) {
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(SCHEMAS.length());
            Schema target = api.getComponents().getSchemas().get(name);
            if (target != null && seen.add(name)) {
                limitStrings(target, bound, api, seen);
            }
            return;
        }
        if (is(schema, "string") && schema.getMaxLength() == null && schema.getEnum() == null
            && schema.getConst() == null) {
            schema.setMaxLength(PathIds.PATTERN.equals(schema.getPattern()) ? PathIds.MAX_LENGTH : bound);
        }
        children(schema).forEach(child -> limitStrings(child, bound, api, seen));
    }

    /** The server refuses to send headers over its response header size limit. */
    private static void limitAnswerHeaders(OpenAPI api, int answerHeaderBound) {
        Stream.concat(operations(api).flatMap(operation -> operation.getResponses().values().stream())
                                .filter(response -> response.getHeaders() != null)
                                .flatMap(response -> response.getHeaders().values().stream()),
                        api.getComponents().getHeaders().values().stream())
                .map(Header::getSchema)
                .filter(schema -> schema != null && is(schema, "string") && schema.getMaxLength() == null
                                  && schema.getEnum() == null)
                .forEach(schema -> schema.setMaxLength(answerHeaderBound));
    }

    /**
     * Limits that follow from a value's kind, wherever it is: timestamps, dates, ids, sets of enum values and whole
     * numbers (the range of their format where nothing narrower is declared).
     */
    @SuppressWarnings("rawtypes")
    private static void limitByKind(OpenAPI api) {
        List<Schema> all = new ArrayList<>();
        api.getComponents().getSchemas().values().forEach(schema -> collect(schema, all));
        api.getComponents().getHeaders().values().forEach(header -> collect(header.getSchema(), all));
        operations(api).forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> collect(parameter.getSchema(), all));
            }
            operation.getResponses().values().forEach(response -> {
                if (response.getHeaders() != null) {
                    response.getHeaders().values().stream().map(Header::getSchema).forEach(s -> collect(s, all));
                }
                if (response.getContent() != null) {
                    response.getContent().values().forEach(media -> collect(media.getSchema(), all));
                }
            });
        });
        for (Schema schema : all) {
            if (is(schema, "string") && schema.getMaxLength() == null) {
                if ("date-time".equals(schema.getFormat())) {
                    schema.setMaxLength(TIMESTAMP_LENGTH);
                } else if ("date".equals(schema.getFormat())) {
                    schema.setMaxLength(DATE_LENGTH);
                } else if (PathIds.PATTERN.equals(schema.getPattern())) {
                    schema.setMaxLength(PathIds.MAX_LENGTH);
                }
            }
            if (is(schema, "array") && Boolean.TRUE.equals(schema.getUniqueItems()) && schema.getMaxItems() == null
                && schema.getItems() != null && schema.getItems().getEnum() != null) {
                schema.setMaxItems(schema.getItems().getEnum().size());
            }
            if (is(schema, "integer")) {
                boolean int32 = "int32".equals(schema.getFormat());
                if (schema.getFormat() == null) {
                    schema.setFormat("int64");
                }
                if (schema.getMinimum() == null) {
                    schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
                }
                if (schema.getMaximum() == null) {
                    schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
                }
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void collect(Schema schema, List<Schema> all) {
        if (schema != null && schema.get$ref() == null) {
            all.add(schema);
            children(schema).forEach(child -> collect(child, all));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Stream<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(((Map<String, Schema>) schema.getProperties()).values());
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            children.add(additional);
        }
        Stream.of(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()).filter(Objects::nonNull)
                .forEach(children::addAll);
        return children.stream();
    }

    /** A property of a schema in the document; a name that is not there fails the document, not silently. */
    @SuppressWarnings("rawtypes")
    public static Schema property(OpenAPI api, String schema, String property) {
        Schema owner = Objects.requireNonNull(api.getComponents().getSchemas().get(schema),
                () -> schema + " is not in the OpenAPI document");
        return Objects.requireNonNull((Schema) owner.getProperties().get(property),
                () -> schema + "." + property + " is not in the OpenAPI document");
    }

    @SuppressWarnings("rawtypes")
    static boolean is(Schema schema, String type) {
        return type.equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains(type);
    }

    private static Stream<Operation> operations(OpenAPI api) {
        return api.getPaths().values().stream().flatMap(item -> item.readOperations().stream());
    }
}
