package org.incidentlearning.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * Hostile input at every endpoint of the running service: malformed and wrongly typed JSON, huge and deeply nested
 * bodies, control characters, injection-shaped text, hostile path ids, query parameters and headers. Whatever a client
 * sends, the answer is below 500, a refusal is problem details that name nothing of the code behind it, and a refused
 * request stores nothing: every try compares the store's event count with the events accepted so far, and every
 * property ends by comparing it with the incident list's versions too.
 */
class HostileInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes non-ASCII as escapes, so text that is not well-formed UTF-16 reaches the service exactly as generated. */
    private static final ObjectMapper ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** What a refusal must not show: exception names, stack frames, packages, Java types or library switches. */
    private static final Pattern LEAK = Pattern.compile("Exception|Throwable|\\b\\w+Error\\b|\\bat [a-z]+\\.[a-z]"
            + "|\\b(?:java|javax|jakarta|sun|org\\.springframework|org\\.axonframework|org\\.apache|org\\.h2"
            + "|com\\.fasterxml|org\\.incidentlearning)\\.[a-z]|`[A-Za-z_$][\\w$]*\\.[\\w$.()]+`"
            + "|\\bmust be an? [A-Z][a-z]\\w*");
    private static final long MAX_BODY_BYTES = 1_048_576;
    private static final String USED_KEY = "hostile-input-used-key";
    private static final String BAD_BYTES_MARK = "@@BAD-BYTES@@";

    private static Path dataDir;
    private static ConfigurableApplicationContext service;
    private static int port;
    private static String incident;
    private static String remediation;
    private static String firstModel;
    private static String secondModel;
    private static List<Command> commands;
    /** The events the store must hold: those of the set-up, and one for every entry a property saw created. */
    private static long acceptedEvents;
    /** Entries created by the running property, by location; read back at its end, when the views caught up. */
    private static final Map<String, Entry> created = new LinkedHashMap<>();

    @BeforeContainer
    static void startService() throws IOException {
        dataDir = Files.createTempDirectory("hostile-input");
        service = new SpringApplicationBuilder(IncidentLearningApplication.class)
                .run("--server.port=0", "--incident.data-dir=" + dataDir);
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        incident = created(client.post("/api/incidents", json("title", "Hostile input target", "severity", "SEV3",
                "startedAt", "2026-01-05T10:00:00Z", "teams", List.of("ops", "dev"),
                "components", List.of("api", "db"))));
        String base = "/api/incidents/" + incident;
        remediation = created(client.post(base + "/remediations", json("team", "ops",
                "description", "Add a circuit breaker")));
        firstModel = created(client.post(base + "/mental-models", json("team", "ops", "subject", "api",
                "belief", "Retries are safe")));
        secondModel = created(client.post(base + "/mental-models", json("team", "dev", "subject", "api",
                "belief", "Clients never retry")));
        created(client.post(base + "/contexts", json("team", "ops", "kind", "PRESSURE",
                "description", "Quarter end"), "Idempotency-Key", USED_KEY));
        commands = commands();
        acceptedEvents = storedEvents();
        assertThat(acceptedEvents).isEqualTo(5);
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    @AfterProperty
    void theStoreAndTheViewsHoldExactlyTheAcceptedEvents() {
        created.forEach((location, entry) -> {
            Answer read = get(location);
            entry.fields().forEach((name, sent) -> assertThat(read.json().path(name))
                    .as("%s read back from %s: %s", entry, location, abbreviate(read.body(), 400))
                    .isEqualTo(JSON.valueToTree(sent)));
        });
        created.clear();
        assertThat(storedEvents()).as("events in the store").isEqualTo(acceptedEvents);
        long listed = 0;
        for (JsonNode summary : get("/api/incidents?size=500").json().path("items")) {
            listed += summary.path("version").asLong();
        }
        assertThat(listed).as("sum of the listed incidents' versions").isEqualTo(acceptedEvents);
        assertThat(get("/api/verification").json().path("valid").asBoolean()).as("hash chains intact").isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Properties

    @Property(tries = 300)
    void everyCommandRefusesHostileBodiesAndStoresNothing(@ForAll("refusedBodies") Attempt attempt) {
        Statistics.collect(assertRefusedAndNothingStored(attempt).status());
    }

    @Property(tries = 300)
    void hostilePathIdsAreRefusedByCommandsAndNeverFailAReadOrAStore(@ForAll("hostilePaths") Attempt attempt) {
        if (attempt.method().equals("GET")) {
            Answer answer = send(attempt);
            assertAnswered(answer, attempt);
            assertNothingStoredBy(attempt);
            Statistics.collect("GET", answer.status());
        } else {
            Statistics.collect(attempt.method(), assertRefusedAndNothingStored(attempt).status());
        }
    }

    @Property(tries = 300)
    void readsAnswerHostileQueryParametersWithoutFailing(@ForAll("hostileQueries") Attempt attempt) {
        Answer answer = send(attempt);
        assertAnswered(answer, attempt);
        Statistics.collect(answer.status());
    }

    @Property(tries = 300)
    void commandsWithHostileHeadersAreRefusedAndStoreNothing(@ForAll("hostileHeaders") Attempt attempt) {
        Statistics.collect(assertRefusedAndNothingStored(attempt).status());
    }

    @Property(tries = 300)
    void hostileTextIsStoredAndReadBackExactlyAsSentOrRefused(@ForAll("hostileEntries") Entry entry) {
        Answer answer = send(entry.attempt());
        assertAnswered(answer, entry.attempt());
        if (answer.status() == 201) {
            acceptedEvents++;
            created.put(answer.header("location"), entry);
        }
        assertNothingStoredBy(entry);
        Statistics.collect(answer.status() == 201 ? "stored" : "refused or repeated");
        // Not vacuous: much of the hostile text must make it into the store and the views.
        Statistics.coverage(coverage -> coverage.check("stored").percentage(p -> p >= 20));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What is thrown at the service

    @Provide
    Arbitrary<Attempt> refusedBodies() {
        return Combinators.combine(Arbitraries.of(commands), Arbitraries.of(Poison.values()),
                        hostileStrings(12_000).list().ofMinSize(1).ofMaxSize(4), Arbitraries.longs(),
                        Arbitraries.of(false, true))
                .as((command, poison, texts, seed, chunked) -> command.refused(poison, texts, new Random(seed),
                        chunked));
    }

    @Provide
    Arbitrary<Attempt> hostilePaths() {
        Arbitrary<Attempt> encoded = Combinators.combine(Arbitraries.of(pathTemplates()),
                        hostileStrings(12_000).map(HostileInputProperties::encoded), Arbitraries.of(false, true))
                .as(PathTemplate::with);
        Arbitrary<Attempt> raw = Combinators.combine(Arbitraries.of(pathTemplates()), Arbitraries.of(RAW_PATH_IDS))
                .as((template, id) -> template.with(id, true));
        return Arbitraries.frequencyOf(List.of(weighted(2, encoded), weighted(1, raw)));
    }

    @Provide
    Arbitrary<Attempt> hostileQueries() {
        Arbitrary<String> values = Arbitraries.oneOf(hostileStrings(12_000), Arbitraries.of(JUNK_VALUES));
        return Combinators.combine(Arbitraries.of(reads()), values.list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.longs())
                .as((read, texts, seed) -> read.query(texts, new Random(seed)));
    }

    @Provide
    Arbitrary<Attempt> hostileHeaders() {
        List<Command> targets = commands.stream().filter(c -> c.shape() == Shape.OBJECT).toList();
        return Combinators.combine(Arbitraries.of(targets), hostileStrings(12_000).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.longs())
                .as((command, texts, seed) -> command.withHostileHeaders(texts, new Random(seed)));
    }

    @Provide
    Arbitrary<Entry> hostileEntries() {
        String base = "/api/incidents/" + incident;
        Arbitrary<String> name = hostileStrings(100);
        Arbitrary<String> text = hostileStrings(10_000);
        return Arbitraries.oneOf(
                Combinators.combine(name, Arbitraries.of("PRESSURE", "INCENTIVE", "CONSTRAINT"), text)
                        .as((team, kind, description) -> Entry.of(base + "/contexts",
                                "team", team, "kind", kind, "description", description)),
                Combinators.combine(name, text)
                        .as((team, words) -> Entry.of(base + "/timeline-entries", "occurredAt",
                                "2026-01-05T10:30:00Z", "team", team, "kind", "OBSERVATION", "text", words)),
                Combinators.combine(name, name, text)
                        .as((team, subject, belief) -> Entry.of(base + "/mental-models",
                                "team", team, "subject", subject, "belief", belief)),
                Combinators.combine(name, text)
                        .as((team, description) -> Entry.of(base + "/remediations",
                                "team", team, "description", description)),
                Combinators.combine(name, name, text, text)
                        .as((from, to, description, condition) -> Entry.of(base + "/linkages", "kind", "SOCIAL",
                                "from", from, "to", to, "description", description, "condition", condition)),
                Combinators.combine(name, name, text)
                        .as((team, other, description) -> Entry.of(base + "/coordinations", "team", team,
                                "kind", "HAND_OFF", "withTeams", List.of(other), "description", description)));
    }

    private static final List<String> NASTY = List.of(
            "' OR '1'='1", "'; DROP TABLE domain_event_entry; --", "\" OR \"\"=\"", "1; SELECT * FROM incident_view --",
            "%' UNION SELECT NULL, NULL --", "\\'; SHUTDOWN; --", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "#{7*7}",
            "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "..", ".", "/",
            "%2e%2e%2f", "%00", "%s%s%s%n", "\u0000", "a\u0000b", "\u202Eevil\u202C", "\u200B\u200D\uFEFF",
            "\uD83D\uDD25\uD83D\uDCA5", "\u03A9\u2248\u00E7\u221A\u222B", "\r\n\r\nHTTP/1.1 200 OK", "\t", " ", "",
            "null", "undefined", "NaN", "true", "-0", "1e400", "\\", "\"", "\\u0000", "\uD835\uDD73\uD835\uDD94",
            "\uD800", "\uDFFF", "a\uD83D", "Z\u0334\u0321\u032A\u034E a\u0337l\u0334", "\u00A0", "\u3000",
            "\u062B\u0628\u062A", "\u30A4\u30F3\u30B7\u30C7\u30F3\u30C8", "\u0085", "\u2028\u2029", "<!--", "]]>",
            "{\"$gt\": \"\"}", "\\x00", "\u00FF\u00FE", "SEV1", "PRESSURE");

    /** Hostile text up to {@code maxLength} characters; none of it looks like a leak when a refusal repeats it. */
    private static Arbitrary<String> hostileStrings(int maxLength) {
        Arbitrary<String> repeated = Arbitraries.of(NASTY).filter(s -> !s.isEmpty()).flatMap(unit ->
                Arbitraries.integers().between(100, Math.max(100, maxLength)).map(n -> repeatTo(unit, n)));
        return Arbitraries.frequencyOf(List.of(
                        weighted(5, Arbitraries.of(NASTY)),
                        weighted(3, Arbitraries.strings().all().ofMaxLength(60)),
                        weighted(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1)
                                .ofMaxLength(20)),
                        weighted(1, repeated)))
                .filter(s -> s.length() <= maxLength && !LEAK.matcher(s).find());
    }

    private static <T> Tuple.Tuple2<Integer, Arbitrary<T>> weighted(int weight, Arbitrary<T> values) {
        return Tuple.of(weight, values);
    }

    private static final List<String> JUNK_VALUES = List.of("-1", "0", "1", "500", "501", "1001", "2147483647",
            "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1e400", "1.5", "0x10",
            "NaN", "", " ", "null", "true", "2026-01-05", "2026-01-05T10:00:00Z", "0000-01-01", "9999-12-31",
            "+10000-01-01", "-999999999-01-01", "+999999999-12-31", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00+18:00", "1970-01-01T00:00:00Z", "2026-02-30", "week", "month", "year", "WEEK",
            "component", "team", "dot", "mermaid", "json", "TECHNICAL", "SOCIAL", "OPEN", "RESOLVED", "DECLINED",
            "ops", "incident-views", "IncidentDeclaredEvent", "%", "_", "*", "\\");

    /** Path ids sent byte for byte: escapes Tomcat refuses, dot segments, raw control and non-ASCII bytes. */
    private static final List<String> RAW_PATH_IDS = List.of("..", "../..", "../../../../etc/passwd", "..%2F..%2F",
            "%2e%2e", "%2e%2e%2f", "%00", "a%00b", "%ZZ", "%", "%u0041", "%C0%AE%C0%AE", "%ED%A0%80", "%FF%FE",
            "%5C..%5C", "\\..\\", ";jsessionid=abc", "a;b", "%3B", "%2F", "#x", "a b", "\t", "\u00C3\u00A9",
            "\u0000", "\u0001", "\u007F", "\u00FF", "{}", "|", "<script>", "'", "\"", "`", "^", "[", "]", "%%", "~",
            "*", "a".repeat(9_000), "%41".repeat(3_000));

    // ---------------------------------------------------------------------------------------------------------------
    // The endpoints

    private enum Kind {
        NAME(100), TITLE(200), TEXT(10_000), ID(100), ENUM(0), TIMESTAMP(0), DATE(0), BOOLEAN(0), INTEGER(0),
        NAMES(100), TEXTS(10_000), IDS(100), CHANGES(10_000);

        /** The most characters a value (or each element) may have; 0 where length is not what limits it. */
        final int limit;

        Kind(int limit) {
            this.limit = limit;
        }
    }

    private record Field(String name, Kind kind, boolean required, Object valid) {
    }

    private static Field required(String name, Kind kind, Object valid) {
        return new Field(name, kind, true, valid);
    }

    private static Field optional(String name, Kind kind, Object valid) {
        return new Field(name, kind, false, valid);
    }

    /** How an endpoint reads its body: a request object, a post-mortem file (any object of records), an export. */
    private enum Shape { OBJECT, POSTMORTEM_FILE, EXPORT }

    /** Reasons a body cannot be accepted; each try carries at least one. */
    private enum Poison {
        MALFORMED, WRONG_TYPE, UNKNOWN_FIELD, DUPLICATE_KEY, MISSING_FIELD, OVER_LIMIT, DEEP_NESTING, TOO_LARGE,
        BAD_ENCODING, NOT_AN_OBJECT
    }

    private static List<Command> commands() {
        String base = "/api/incidents/" + incident;
        String remediationBase = base + "/remediations/" + remediation;
        String entry = base + "/entries/" + firstModel;
        return List.of(
                new Command("/api/incidents", Shape.OBJECT, List.of(
                        required("title", Kind.TITLE, "Declared by a property"),
                        required("severity", Kind.ENUM, "SEV4"),
                        required("startedAt", Kind.TIMESTAMP, "2026-02-01T08:00:00Z"),
                        optional("summary", Kind.TEXT, "What happened"),
                        optional("detectedAt", Kind.TIMESTAMP, "2026-02-01T08:05:00Z"),
                        required("teams", Kind.NAMES, List.of("ops")),
                        optional("components", Kind.NAMES, List.of("api")),
                        optional("sourceId", Kind.NAME, "ticket-1"),
                        optional("impact", Kind.NAMES, List.of("checkout")),
                        optional("durationMinutes", Kind.INTEGER, 30),
                        optional("references", Kind.TEXTS, List.of("https://example.org/postmortem")))),
                new Command(base + "/revise", Shape.OBJECT, List.of(optional("title", Kind.TITLE, "Revised"),
                        optional("summary", Kind.TEXT, "A later account"),
                        optional("addTeams", Kind.NAMES, List.of("sre")),
                        optional("addComponents", Kind.NAMES, List.of("cache")),
                        required("reason", Kind.TEXT, "The vendor's report"))),
                new Command(base + "/classify", Shape.OBJECT,
                        List.of(required("labels", Kind.NAMES, List.of("capacity")))),
                new Command(base + "/resolve", Shape.OBJECT, List.of(
                        optional("resolvedAt", Kind.TIMESTAMP, "2026-01-05T12:00:00Z"),
                        optional("resolution", Kind.TEXT, "Rolled back"))),
                new Command(base + "/close-analysis", Shape.OBJECT,
                        List.of(optional("conclusion", Kind.TEXT, "Understood"))),
                new Command(base + "/reopen-analysis", Shape.OBJECT,
                        List.of(required("reason", Kind.TEXT, "New facts"))),
                new Command(base + "/timeline-entries", Shape.OBJECT, List.of(
                        required("occurredAt", Kind.TIMESTAMP, "2026-01-05T10:05:00Z"),
                        required("team", Kind.NAME, "ops"), required("kind", Kind.ENUM, "OBSERVATION"),
                        required("text", Kind.TEXT, "Error rate rose"))),
                new Command(base + "/coordinations", Shape.OBJECT, List.of(required("team", Kind.NAME, "ops"),
                        required("kind", Kind.ENUM, "ESCALATION"), optional("withTeams", Kind.NAMES, List.of("dev")),
                        required("description", Kind.TEXT, "Paged dev"),
                        optional("occurredAt", Kind.TIMESTAMP, "2026-01-05T10:10:00Z"))),
                new Command(base + "/mental-models", Shape.OBJECT, List.of(required("team", Kind.NAME, "sre"),
                        required("subject", Kind.NAME, "db"), required("belief", Kind.TEXT, "Failover is automatic"),
                        optional("heldAt", Kind.TIMESTAMP, "2026-01-04T00:00:00Z"))),
                new Command(base + "/divergences", Shape.OBJECT, List.of(
                        required("mentalModelIds", Kind.IDS, List.of(firstModel, secondModel)),
                        required("description", Kind.TEXT, "Retries"),
                        required("effect", Kind.TEXT, "Nobody looked at the clients"))),
                new Command(base + "/contexts", Shape.OBJECT, List.of(required("team", Kind.NAME, "dev"),
                        required("kind", Kind.ENUM, "CONSTRAINT"),
                        required("description", Kind.TEXT, "One on-call engineer"))),
                new Command(base + "/linkages", Shape.OBJECT, List.of(required("kind", Kind.ENUM, "TECHNICAL"),
                        required("from", Kind.NAME, "api"), required("to", Kind.NAME, "db"),
                        required("description", Kind.TEXT, "Shared connection pool"),
                        optional("condition", Kind.TEXT, "under load"),
                        optional("believedAbsent", Kind.BOOLEAN, true))),
                new Command(base + "/remediations", Shape.OBJECT, List.of(required("team", Kind.NAME, "dev"),
                        required("description", Kind.TEXT, "Cap retries"))),
                new Command(remediationBase + "/prioritize", Shape.OBJECT, List.of(
                        required("priority", Kind.ENUM, "HIGH"), optional("rationale", Kind.TEXT, "Soon"),
                        optional("dueBy", Kind.DATE, "2026-06-30"))),
                new Command(remediationBase + "/decline", Shape.OBJECT, List.of(
                        required("rationale", Kind.TEXT, "Too costly"),
                        required("acceptedRisk", Kind.TEXT, "A rare outage"),
                        optional("revisitBy", Kind.DATE, "2026-09-01"))),
                new Command(remediationBase + "/complete", Shape.OBJECT,
                        List.of(optional("note", Kind.TEXT, "Shipped"))),
                new Command(remediationBase + "/reopen", Shape.OBJECT,
                        List.of(required("reason", Kind.TEXT, "It regressed"))),
                new Command(base + "/recurrences", Shape.OBJECT, List.of(
                        required("ofIncidentId", Kind.ID, incident), required("remediationId", Kind.ID, remediation),
                        optional("note", Kind.TEXT, "Again"))),
                new Command(entry + "/amend", Shape.OBJECT, List.of(
                        required("changes", Kind.CHANGES, Map.of("belief", "Retries are bounded")),
                        required("reason", Kind.TEXT, "Corrected"))),
                new Command(entry + "/retract", Shape.OBJECT,
                        List.of(required("reason", Kind.TEXT, "Recorded on the wrong incident"))),
                new Command("/api/imports/cloud-postmortems", Shape.POSTMORTEM_FILE, List.of()),
                new Command("/api/import", Shape.EXPORT, List.of()));
    }

    private record Command(String path, Shape shape, List<Field> fields) {

        /** A body this endpoint must refuse: hostile text in its fields, and {@code poison} as the reason. */
        Attempt refused(Poison poison, List<String> texts, Random random, boolean chunked) {
            List<Member> members = shape == Shape.OBJECT ? fieldsOf(texts, random) : recordsOf(texts, random);
            Poison applied = applicable(poison);
            String json = switch (applied) {
                case MALFORMED -> malformed(members, random);
                case WRONG_TYPE -> {
                    Field field = pick(random, fields);
                    put(members, field.name(), pick(random, wrongValues(field)), random);
                    yield object(members);
                }
                case UNKNOWN_FIELD -> {
                    List<String> known = fields.stream().map(Field::name).toList();
                    List<String> names = new ArrayList<>(List.of("__proto__", "constructor", "id", "version",
                            "incidentId", "$where", "", " ", "Title", "TEAM", "team ", "class", "@type",
                            "description\u0000", pick(random, texts)));
                    names.removeAll(known);
                    insert(members, new Member(pick(random, names), quote(pick(random, texts))), random);
                    yield object(members);
                }
                case DUPLICATE_KEY -> {
                    Member twice = pick(random, members);
                    insert(members, new Member(twice.name(), random.nextBoolean() ? twice.json()
                            : quote(pick(random, texts))), random);
                    yield object(members);
                }
                case MISSING_FIELD -> {
                    List<String> requiredNames = fields.stream().filter(Field::required).map(Field::name).toList();
                    String missing = pick(random, requiredNames);
                    members.removeIf(member -> member.name().equals(missing));
                    yield object(members);
                }
                case OVER_LIMIT -> {
                    Field field = pick(random, fields.stream().filter(f -> f.kind().limit > 0).toList());
                    put(members, field.name(), overLimit(field, pick(random, texts), random), random);
                    yield object(members);
                }
                case DEEP_NESTING -> {
                    int depth = random.nextBoolean() ? 5_000 : 1_001 + random.nextInt(4_000);
                    if (random.nextBoolean()) {
                        yield "[".repeat(depth) + object(members) + "]".repeat(depth);
                    }
                    Member nested = pick(random, members);
                    members.set(members.indexOf(nested), new Member(nested.name(), deeplyNested(depth, random)));
                    yield object(members);
                }
                case TOO_LARGE -> {
                    int size = (int) MAX_BODY_BYTES + 1 + random.nextInt(850_000);
                    if (random.nextBoolean()) {
                        yield object(members) + " ".repeat(size);
                    }
                    String name = fields.isEmpty() ? "padding" : pick(random, fields).name();
                    put(members, name, quote(repeatTo("A<b>'", size)), random);
                    yield object(members);
                }
                case BAD_ENCODING -> {
                    Member spoiled = pick(random, members);
                    members.set(members.indexOf(spoiled), new Member(spoiled.name(),
                            "\"before" + BAD_BYTES_MARK + "after\""));
                    yield object(members);
                }
                case NOT_AN_OBJECT -> notAnObject(members, random);
            };
            byte[] body = json.getBytes(UTF_8);
            if (applied == Poison.BAD_ENCODING) {
                body = spliceBadBytes(body, random);
            }
            String target = path;
            if (shape == Shape.POSTMORTEM_FILE && random.nextBoolean()) {
                target += "?team=" + encoded(pick(random, texts));
            }
            String contentType = shape == Shape.EXPORT ? "application/x-ndjson" : "application/json";
            return new Attempt("POST", target, List.of(new Header("Content-Type", contentType)), body, chunked, null,
                    applied + " " + describe("POST", target, body) + (chunked ? " (chunked)" : ""));
        }

        /** A poison this endpoint is sure to refuse; a post-mortem file is any object of objects. */
        private Poison applicable(Poison poison) {
            if (shape != Shape.OBJECT) {
                return switch (poison) {
                    case WRONG_TYPE, UNKNOWN_FIELD, MISSING_FIELD, OVER_LIMIT -> Poison.NOT_AN_OBJECT;
                    default -> poison;
                };
            }
            if (poison == Poison.MISSING_FIELD && fields.stream().noneMatch(Field::required)) {
                return Poison.UNKNOWN_FIELD;
            }
            return poison;
        }

        /** Every required field and some optional ones, each valid or holding hostile text of the right shape. */
        private List<Member> fieldsOf(List<String> texts, Random random) {
            List<Member> members = new ArrayList<>();
            for (Field field : fields) {
                if (field.required() || random.nextBoolean()) {
                    String text = pick(random, texts);
                    boolean hostile = random.nextInt(3) > 0;
                    String json = switch (field.kind()) {
                        case NAME, TITLE, TEXT -> hostile ? quote(text) : render(field.valid());
                        case NAMES, TEXTS -> hostile ? "[" + quote(text) + "]" : render(field.valid());
                        case CHANGES -> hostile ? "{\"belief\":" + quote(text) + "}" : render(field.valid());
                        default -> render(field.valid());
                    };
                    members.add(new Member(field.name(), json));
                }
            }
            if (members.isEmpty()) {
                members.add(new Member(fields.get(0).name(), render(fields.get(0).valid())));
            }
            return members;
        }

        /** Post-mortem records (or export lines' fields) keyed by hostile ids, holding hostile text. */
        private static List<Member> recordsOf(List<String> texts, Random random) {
            List<Member> records = new ArrayList<>();
            for (String text : texts) {
                records.add(new Member("record-" + records.size() + "-" + text.hashCode(), "{\"title\":" + quote(text)
                        + ",\"time\":\"3/2/2021\",\"service_name\":[" + quote(pick(random, texts)) + "]}"));
            }
            return records;
        }

        private static List<String> wrongValues(Field field) {
            String valid = String.valueOf(field.valid());
            return switch (field.kind()) {
                case NAME, TITLE, TEXT, ID -> List.of("{}", "{\"text\":\"x\"}", "[]", "[\"x\"]", "[[]]");
                // Jackson trims blanks (and control characters) around an enum name, so those are not refused.
                case ENUM -> List.of(quote(valid.toLowerCase(Locale.ROOT)), quote("NOT_" + valid),
                        quote(valid + "\u00A0"), quote(valid.charAt(0) + "\u0000" + valid.substring(1)), "1", "0",
                        "-1", "true", "{}", "[]");
                case TIMESTAMP -> List.of(quote("2026-13-01T00:00:00Z"), quote("2026-02-30T10:00:00Z"),
                        quote("2026-01-05"), quote("2026-01-05T10:00:00"), quote("yesterday"),
                        quote("2026-01-05T25:00:00Z"), quote("+999999999-12-31T23:59:59Z"),
                        quote("+10000-01-01T00:00:00Z"), quote("9999-12-31T23:00:00-05:00"),
                        quote("-999999999-01-01T00:00:00Z"), "{}", "[]", "true");
                case DATE -> List.of(quote("2026-02-30"), quote("2026-13-01"), quote("2026-9-1"),
                        quote("01/09/2026"), quote("+999999999-12-31"), quote("+10000-01-01"),
                        quote("-999999999-01-01"), "{}", "true");
                case BOOLEAN -> List.of(quote("yes"), quote("maybe"), "{}", "[]", "[true]");
                case INTEGER -> List.of("1.5", "1e400", "99999999999999999999", "-1", "-2147483649", quote("abc"),
                        quote("1e3x"), "{}", "[]", "[1]");
                case NAMES, TEXTS -> List.of(quote("x"), "{}", "5", "true", "[{}]", "[[]]", "[null]", "[\"\"]");
                case IDS -> List.of(quote(firstModel), "{}", "[{}]", "[[]]", "[null,null]", "5", "[]");
                case CHANGES -> List.of("[]", quote("belief"), "5", "{}", "{\"belief\":{}}", "{\"belief\":[]}",
                        "{\"belief\":null}", "{\"\":\"x\"}", "{\"belief\":\"\"}");
            };
        }

        private static String overLimit(Field field, String text, Random random) {
            int limit = field.kind().limit;
            String tooLong = repeatTo(text.isEmpty() ? "x" : text, limit + 1 + random.nextInt(3 * limit));
            return switch (field.kind()) {
                case NAMES, TEXTS -> random.nextBoolean() ? "[" + quote(tooLong) + "]"
                        : render(IntStream.range(0, 51 + random.nextInt(100)).mapToObj(i -> "x" + i).toList());
                case IDS -> random.nextBoolean() ? render(List.of(firstModel))
                        : render(List.of(firstModel, pick(random, List.of("a b", "../x", "\u00E9", "",
                                "x".repeat(101)))));
                case CHANGES -> {
                    Map<String, String> changes = new LinkedHashMap<>();
                    for (int i = 0; i < 11; i++) {
                        changes.put("field" + i, "x");
                    }
                    yield random.nextBoolean() ? render(changes) : "{\"belief\":" + quote(tooLong) + "}";
                }
                case ID -> quote(pick(random, List.of("a b", "../x", "%00", "\u00E9", "", "x".repeat(101), "a/b")));
                default -> quote(tooLong);
            };
        }

        private String notAnObject(List<Member> members, Random random) {
            if (shape == Shape.POSTMORTEM_FILE && random.nextBoolean()) {
                insert(members, new Member("not-a-record", pick(random, List.of("5", "\"x\"", "[]", "[{}]", "null",
                        "true"))), random);
                return object(members);
            }
            List<String> notObjects = new ArrayList<>(List.of("[]", "[{}]", "\"text\"", "42", "true", "false",
                    "[" + object(members) + "]", quote(object(members))));
            if (shape == Shape.POSTMORTEM_FILE) {
                notObjects.add("null");
            }
            return pick(random, notObjects);
        }

        /** Commands aimed at the same endpoint with valid bodies and refused headers. */
        Attempt withHostileHeaders(List<String> texts, Random random) {
            List<Header> headers = new ArrayList<>();
            List<String> rawLines = new ArrayList<>();
            int poisons = 1 + random.nextInt(2);
            for (int i = 0; i < poisons; i++) {
                addHeaderPoison(headers, rawLines, random);
            }
            List<String> taken = headers.stream().map(h -> h.name().toLowerCase(Locale.ROOT)).toList();
            for (int i = random.nextInt(5); i > 0; i--) {
                Header extra = harmlessHeader(texts, random);
                if (!taken.contains(extra.name().toLowerCase(Locale.ROOT))) {
                    headers.add(extra);
                }
            }
            if (headers.stream().noneMatch(h -> h.name().equals("Content-Type"))) {
                headers.add(new Header("Content-Type", "application/json"));
            }
            Collections.shuffle(headers, random);
            byte[] body = object(fieldsOfValid()).getBytes(UTF_8);
            boolean viaSocket = !rawLines.isEmpty() || random.nextInt(3) == 0
                                || headers.stream().anyMatch(h -> h.value().isBlank() || !printableAscii(h.value()));
            String description = "POST " + path + " " + abbreviate(headers + " " + rawLines, 600);
            if (!viaSocket) {
                return new Attempt("POST", path, headers, body, false, null, description);
            }
            List<String> lines = new ArrayList<>(rawLines);
            headers.forEach(h -> lines.add(h.name() + ": " + bytesOf(h.value())));
            return new Attempt("POST", path, List.of(), body, false, rawRequest("POST", path, lines, body),
                    "raw " + description);
        }

        private void addHeaderPoison(List<Header> headers, List<String> rawLines, Random random) {
            String controls = "a" + (char) random.nextInt(0x20) + "b" + (random.nextBoolean() ? "\u007F" : "");
            switch (random.nextInt(path.equals("/api/incidents") ? 8 : 9)) {
                case 0 -> headers.add(new Header("If-Match", pick(random, List.of("abc", "\"-1\"", "\"1.5\"",
                        "W/\"x\"", "\"99999999999999999999\"", "1, 2", "\"\"\"", "0x10", "\u00E9",
                        "\"" + "9".repeat(5_000) + "\"", controls))));
                case 1 -> headers.add(new Header("Idempotency-Key", pick(random, List.of("", " ", "a b",
                        "k".repeat(256 + random.nextInt(2_000)), "schl\u00FCssel", controls, USED_KEY))));
                case 2 -> headers.add(new Header("X-Correlation-Id", pick(random, List.of("", " ", "a b",
                        "c".repeat(256 + random.nextInt(2_000)), "caf\u00E9", controls, "\u2603"))));
                // Missing, malformed, forged or merely insufficient credentials: refused before any command runs.
                case 3 -> headers.add(new Header("Authorization", pick(random, List.of("", " ", "Bearer",
                        "Bearer ", "Basic dGVzdDp0ZXN0", "Bearer a b", "Bearer ' OR 1=1 --", "Bearer ../../etc/passwd",
                        "Bearer " + "x".repeat(101 + random.nextInt(5_000)), "bearer " + controls,
                        "Bearer j\u00FCrgen", "Bearer " + ServiceClient.FACILITATOR_KEY + "x",
                        "Bearer " + ServiceClient.FACILITATOR_KEY.substring(1), "Bearer " + ServiceClient.AUDITOR_KEY,
                        "Bearer " + ServiceClient.DASHBOARD_KEY, "Bearer " + ServiceClient.ADMIN_KEY))));
                case 4 -> headers.add(new Header("Content-Type", pick(random, List.of("text/plain",
                        "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/json-patch+json", "application/jsonx", "application/vnd.api+json",
                        "application/json; charset=junk", "application/json; charset=\"",
                        "application/json; charset=", "application/json;;;=", "*/*", "application/*",
                        "json", ";", "application/json\u0000", "application/json; charset=\u00FF"))));
                case 5 -> headers.add(new Header("Accept", pick(random, List.of("application/xml", "text/html",
                        "image/*", "garbage", "application/", ";;", "text/plain; q=abc"))));
                case 6 -> rawLines.add(pick(random, List.of("X Actor: ops", "X-Actor : ops", ": empty-name",
                        "Idempotency-Key: a\r\n b", "Content-Length: abc", "Content-Length: -1",
                        "X-Huge: " + "h".repeat(9_000), "X-\u0000: x", "X-Actor: ops\rInjected: yes")));
                case 7 -> {
                    for (int i = 0; i < 101 + random.nextInt(50); i++) {
                        rawLines.add("X-Many-" + i + ": " + i);
                    }
                }
                default -> headers.add(new Header("If-Match", pick(random, List.of("\"0\"", "W/\"0\"", "1",
                        "\"999999999999999999\"", "\"1000000000\""))));
            }
        }

        private static Header harmlessHeader(List<String> texts, Random random) {
            String visible = pick(random, texts).chars().filter(c -> c >= 0x21 && c <= 0x7e)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            String safe = visible.isEmpty() ? "x" : visible.substring(0, Math.min(visible.length(), 100));
            return pick(random, List.of(new Header("If-Match", "*"), new Header("X-Correlation-Id", safe),
                    new Header("X-Actor", safe), new Header("Accept", "application/json"),
                    new Header("X-Forwarded-For", "127.0.0.1, ' OR 1=1"), new Header("Cookie", "JSESSIONID=" + safe),
                    new Header("User-Agent", safe), new Header("Origin", "null"),
                    new Header("Accept-Language", "xx-YY;q=2"), new Header("Accept-Charset", "utf-1024")));
        }

        private List<Member> fieldsOfValid() {
            List<Member> members = new ArrayList<>();
            fields.forEach(field -> members.add(new Member(field.name(), render(field.valid()))));
            return members;
        }
    }

    private static List<PathTemplate> pathTemplates() {
        List<PathTemplate> templates = new ArrayList<>();
        for (Command command : commands) {
            if (command.shape() != Shape.OBJECT) {
                continue;
            }
            String body = object(command.fieldsOfValid());
            for (String id : List.of(incident, remediation, firstModel)) {
                if (command.path().contains("/" + id + "/") || command.path().endsWith("/" + id)) {
                    templates.add(new PathTemplate("POST", command.path().replace(id, "{}"), body));
                }
            }
        }
        templates.add(new PathTemplate("POST", "/api/admin/projections/{}/replay", null));
        String base = "/api/incidents/" + incident;
        for (String read : List.of("/api/incidents/{}", "/api/incidents/{}/events", "/api/incidents/{}/verification",
                base + "/{}/" + firstModel, base + "/mental-models/{}", "/api/incidents/{}/mental-models/" + firstModel,
                "/api/teams/{}/context", "/api/admin/projections/{}")) {
            templates.add(new PathTemplate("GET", read, null));
        }
        return templates;
    }

    /** An endpoint with one path segment left for a hostile id; the other ids are real. */
    private record PathTemplate(String method, String template, String body) {

        Attempt with(String id, boolean viaSocket) {
            String path = template.replace("{}", id);
            byte[] bytes = body == null ? null : body.getBytes(UTF_8);
            List<Header> headers = bytes == null ? List.of() : List.of(new Header("Content-Type", "application/json"));
            String description = describe(method, path, bytes);
            if (!viaSocket) {
                return new Attempt(method, path, headers, bytes, false, null, description);
            }
            List<String> lines = headers.stream().map(h -> h.name() + ": " + h.value()).toList();
            return new Attempt(method, path, List.of(), bytes, false, rawRequest(method, path, lines, bytes),
                    "raw " + description);
        }
    }

    private static List<Read> reads() {
        String base = "/api/incidents/" + incident;
        return List.of(new Read("/api/incidents", List.of("team", "component", "status", "page", "size")),
                new Read(base, List.of("asOf")), new Read(base + "/events", List.of("page", "size")),
                new Read(base + "/verification", List.of()), new Read(base + "/mental-models/" + firstModel, List.of()),
                new Read("/api/verification", List.of()),
                new Read("/api/events", List.of("after", "size", "type", "team", "from", "to")),
                new Read("/api/export", List.of()), new Read("/api/teams/ops/context", List.of("asOf")),
                new Read("/api/hotspots", List.of("by", "bucket", "from", "to")),
                new Read("/api/map", List.of("format", "kind")),
                new Read("/api/remediations", List.of("team", "state", "page", "size")),
                new Read("/api/learning/lens", List.of()),
                new Read("/api/search", List.of("q", "team", "page", "size")),
                new Read("/api/admin/projections", List.of()),
                new Read("/api/admin/projections/incident-views", List.of()),
                new Read("/v3/api-docs", List.of()), new Read("/actuator/health", List.of()));
    }

    /** A read and the query parameters it knows. */
    private record Read(String path, List<String> parameters) {

        Attempt query(List<String> texts, Random random) {
            List<String> pairs = new ArrayList<>();
            for (String name : parameters) {
                if (random.nextBoolean()) {
                    pairs.add(encoded(name) + "=" + encoded(pick(random, texts)));
                    if (random.nextInt(5) == 0) {
                        pairs.add(encoded(name) + "=" + encoded(pick(random, texts)));
                    }
                }
            }
            switch (random.nextInt(8)) {
                case 0 -> pairs.add(encoded(pick(random, texts)) + "=" + encoded(pick(random, texts)));
                case 1 -> pairs.add("a&".repeat(1_000 + random.nextInt(1_500)));
                default -> {
                }
            }
            boolean viaSocket = random.nextInt(4) == 0;
            if (viaSocket) {
                pairs.add(pick(random, List.of("%ZZ", "%", "a=%00", "=", "&&&", "a=b=c", "%ED%A0%80=x", "q=%C0%AE",
                        "\u0001=x", "x=\u00FF", "#frag", "a=\"<script>\"", "x={}", "y=[]", "z=|")));
            }
            String path = this.path + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
            String description = describe("GET", path, null);
            if (!viaSocket) {
                return new Attempt("GET", path, List.of(), null, false, null, description);
            }
            return new Attempt("GET", path, List.of(), null, false, rawRequest("GET", path, List.of(), null),
                    "raw " + description);
        }
    }

    /** A request that may be accepted: its text fields are what must be read back exactly. */
    private record Entry(Map<String, Object> fields, Attempt attempt) {

        static Entry of(String path, Object... keyValues) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                fields.put((String) keyValues[i], keyValues[i + 1]);
            }
            byte[] body = object(fields.entrySet().stream()
                    .map(e -> new Member(e.getKey(), render(e.getValue()))).toList()).getBytes(UTF_8);
            return new Entry(fields, new Attempt("POST", path,
                    List.of(new Header("Content-Type", "application/json")), body, false, null,
                    describe("POST", path, body)));
        }

        @Override
        public String toString() {
            return attempt.toString();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JSON text as it is written on the wire, one member at a time so that any of it can be spoiled

    private record Member(String name, String json) {
    }

    private static String object(List<Member> members) {
        return members.stream().map(m -> quote(m.name()) + ":" + m.json()).collect(Collectors.joining(",", "{", "}"));
    }

    private static String malformed(List<Member> members, Random random) {
        String json = object(members);
        List<Member> spoiled = new ArrayList<>(members);
        Member first = spoiled.get(0);
        return switch (random.nextInt(9)) {
            case 0 -> json.substring(0, 1 + random.nextInt(json.length() - 1));
            case 1 -> json + pick(random, List.of("}", "]", ",", "x", "{}", " null", "\"", "//", "\u0000"));
            case 2 -> pick(random, List.of("x", "]", ")]}'\n", "\u0000", "'", "{")) + json;
            case 3 -> json.replace('"', '\'');
            case 4, 5, 6 -> {
                String value = switch (random.nextInt(3)) {
                    case 0 -> pick(random, List.of("NaN", "Infinity", "-Infinity", "undefined", "01", "+1", ".5",
                            "1.", "0x10", "tru", "nul", "'x'"));
                    case 1 -> "\"a" + (char) random.nextInt(0x20) + "b\"";
                    default -> pick(random, List.of("\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"\\\"", "\"abc"));
                };
                spoiled.set(0, new Member(first.name(), value));
                yield object(spoiled);
            }
            case 7 -> spoiled.stream().map(m -> quote(m.name()) + " " + m.json())
                    .collect(Collectors.joining(",", "{", "}"));
            default -> "{/*comment*/" + json.substring(1);
        };
    }

    private static String deeplyNested(int depth, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            default -> "[{\"a\":".repeat(depth / 2) + "null" + "}]".repeat(depth / 2);
        };
    }

    private static byte[] spliceBadBytes(byte[] body, Random random) {
        byte[] mark = BAD_BYTES_MARK.getBytes(UTF_8);
        byte[] bad = pick(random, List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xFE}, new byte[]{(byte) 0x80},
                new byte[]{(byte) 0xBF}, new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xE2, 0x28, (byte) 0xA1},
                new byte[]{(byte) 0xE2, (byte) 0x82, 0x28},
                new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
        int at = indexOf(body, mark);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bad);
        out.write(body, at + mark.length, body.length - at - mark.length);
        return out.toByteArray();
    }

    private static void put(List<Member> members, String name, String json, Random random) {
        members.removeIf(member -> member.name().equals(name));
        insert(members, new Member(name, json), random);
    }

    private static void insert(List<Member> members, Member member, Random random) {
        members.add(random.nextInt(members.size() + 1), member);
    }

    private static String quote(String text) {
        try {
            return (wellFormed(text) ? JSON : ASCII_JSON).writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String render(Object value) {
        try {
            return value instanceof String text ? quote(text) : ASCII_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String repeatTo(String unit, int length) {
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        return text.substring(0, length);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Talking to the service, through HttpClient or, for bytes HttpClient will not send, a plain socket

    private record Header(String name, String value) {
        @Override
        public String toString() {
            return name + ": " + value;
        }
    }

    /** One request. {@code raw}, when set, is sent byte for byte instead. */
    private record Attempt(String method, String path, List<Header> headers, byte[] body, boolean chunked, byte[] raw,
                           String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + abbreviate(body, 500), e);
            }
        }
    }

    private static Answer assertRefusedAndNothingStored(Attempt attempt) {
        Answer answer = send(attempt);
        assertThat(answer.status()).as("%s answered %d: %s", attempt, answer.status(), abbreviate(answer.body(), 500))
                .isBetween(400, 499);
        assertProblem(answer, attempt);
        assertNothingStoredBy(attempt);
        return answer;
    }

    /**
     * The store holds no events but the accepted ones. After a mismatch the count follows the store, so that every
     * try (and every step of shrinking) is judged on what it stored itself.
     */
    private static void assertNothingStoredBy(Object request) {
        long expected = acceptedEvents;
        acceptedEvents = storedEvents();
        assertThat(acceptedEvents).as("events in the store after %s", request).isEqualTo(expected);
    }

    /** Below 500; and a refusal is problem details with status and detail that leak nothing of the code. */
    private static void assertAnswered(Answer answer, Attempt attempt) {
        assertThat(answer.status()).as("%s answered %d: %s", attempt, answer.status(), abbreviate(answer.body(), 500))
                .isBetween(100, 499);
        if (answer.status() >= 400) {
            assertProblem(answer, attempt);
        }
    }

    private static void assertProblem(Answer answer, Attempt attempt) {
        String context = attempt + " answered " + answer.status() + " " + answer.header("content-type") + ": "
                         + abbreviate(answer.body(), 500);
        assertThat(answer.header("content-type")).as(context).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(answer.status());
        assertThat(problem.path("detail").asText()).as(context).isNotBlank();
        assertThat(LEAK.matcher(answer.body()).results().map(m -> m.group()).toList())
                .as("internals in " + context).isEmpty();
    }

    private static long storedEvents() {
        return get("/api/verification").json().path("events").asLong();
    }

    private static Answer get(String path) {
        Answer answer = send(new Attempt("GET", path, List.of(), null, false, null, "GET " + path));
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return answer;
    }

    private static Answer send(Attempt attempt) {
        if (attempt.raw() != null) {
            return exchange(attempt.raw());
        }
        byte[] body = attempt.body();
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : attempt.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attempt.path()))
                .timeout(Duration.ofSeconds(60)).method(attempt.method(), publisher);
        attempt.headers().forEach(header -> request.header(header.name(), header.value()));
        if (attempt.headers().stream().noneMatch(header -> header.name().equalsIgnoreCase("Authorization"))) {
            request.header("Authorization", "Bearer " + ServiceClient.FACILITATOR_KEY);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            return new Answer(response.statusCode(), headers, new String(response.body(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(attempt.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request as it is and reads the answer until the service closes the connection. */
    private static Answer exchange(byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException answeredEarly) {
                // Tomcat may answer and close before it has read all of a refused request; the answer is still there.
            }
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer, got: %s", abbreviate(text, 300)).isPositive();
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.putIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    head[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunked(body);
        }
        return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, new String(body, UTF_8));
    }

    private static byte[] dechunked(byte[] chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunks.length) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunks, at, chunks.length), "\r\n".getBytes(ISO_8859_1)) + at;
            int size = Integer.parseInt(new String(chunks, at, lineEnd - at, ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunks, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** A request line and headers as bytes: each char of {@code target} and {@code lines} is one byte. */
    private static byte[] rawRequest(String method, String target, List<String> lines, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(bytesOf(target))
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (lines.stream().noneMatch(line -> line.regionMatches(true, 0, "Authorization:", 0, 14))) {
            head.append("Authorization: Bearer ").append(ServiceClient.FACILITATOR_KEY).append("\r\n");
        }
        lines.forEach(line -> head.append(line).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** Text as a string of bytes: what is beyond Latin-1 becomes its UTF-8 bytes. */
    private static String bytesOf(String text) {
        return text.chars().allMatch(c -> c <= 0xFF) ? text : new String(text.getBytes(UTF_8), ISO_8859_1);
    }

    /** Whether HttpClient sends this header value as it is: it refuses control characters, sends others as '?'. */
    private static boolean printableAscii(String text) {
        return text.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
    }

    /** Percent-encodes every byte of the UTF-8 text but the unreserved characters of RFC 3986. */
    private static String encoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static String describe(String method, String path, byte[] body) {
        return method + " " + abbreviate(path, 300) + (body == null ? "" : " body(" + body.length + " bytes): "
                + abbreviate(new String(body, UTF_8), 400));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String created(ServiceClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.id();
    }
}
