package org.incidentlearning.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import org.incidentlearning.command.importing.PostmortemPlan.PlannedCommand;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.context.RecordContextCommand;
import org.incidentlearning.kernel.incident.DeclareIncidentCommand;
import org.incidentlearning.kernel.incident.ResolveIncidentCommand;
import org.incidentlearning.kernel.incident.ReviseIncidentCommand;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.incident.SourceIds;
import org.incidentlearning.kernel.linkage.DiscoverLinkageCommand;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.timeline.RecordTimelineEntryCommand;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns one record of the public cloud post-mortem data set (IntelligentDDS/Post-mortems-Analysis,
 * {@code anomaly_collection}) into the ordinary commands a team would send by hand, and says what it could not map.
 * Pure: no Spring, no Axon, no clock.
 *
 * <p>The rules, field by field:
 * <ul>
 * <li><b>Identity.</b> {@code sourceId} is the record's key; the incident id is
 *     {@link SourceIds#incidentIdFor(String)} of it.</li>
 * <li><b>Team.</b> The provider, from the id's prefix: {@code aws…} → {@code aws}, {@code azure…} → {@code azure},
 *     {@code google…} or {@code gc…} → {@code google}; any other prefix → {@code unknown-provider} (noted). A team
 *     named by the caller replaces it.</li>
 * <li><b>Declaration.</b> {@code title} trimmed (cut to 200 characters, noted; blank → the source id, noted);
 *     {@code startedAt} = {@code time} read as M/D/YYYY (one or two digits for month and day) at 00:00Z — a record
 *     whose time cannot be read is not imported (noted); {@code summary} trimmed (cut to 10,000 characters, noted);
 *     components = {@code service_name} (or {@code service name}); impact = {@code impact symptom};
 *     durationMinutes = {@code duration} (a whole number ≥ 0, otherwise unknown, noted); references = {@code link}.
 *     Names in these lists are trimmed; null and blank ones are dropped (noted); duplicates are merged after
 *     trimming (noted), otherwise names stay exactly as written.</li>
 * <li><b>Limits.</b> What a team posting by hand could not send is not sent, because the views are sized for it
 *     too: a component, impact or label longer than 100 characters is dropped (noted), a list keeps its first 50
 *     entries (noted), and texts are cut as said here. Linkage ends may be longer (the map keeps up to
 *     {@value FieldLimits#LINK_END} characters): the data set has propagation entries that are lists of services
 *     written as one string, and the map must show the path exactly as written.</li>
 * <li><b>Severity</b> from the duration: ≥ 360 minutes SEV1, ≥ 120 SEV2, ≥ 30 SEV3, shorter SEV4; unknown SEV3
 *     (noted). The data set has no severity of its own; the duration is the closest thing to how loud it was.</li>
 * <li><b>Account.</b> {@code details} → a timeline entry OBSERVATION at startedAt by the team, text
 *     {@code "Account: " + details}.</li>
 * <li><b>Root cause.</b> {@code root cause.details} → a context CIRCUMSTANCE by the team,
 *     {@code "Root cause as written: " + details} — as written, because the provider's causal story is one
 *     participant's view, not a verdict.</li>
 * <li><b>Mitigation.</b> {@code mitigation.details} → a timeline entry ACTION at startedAt,
 *     {@code "Mitigation: " + details}; then each {@code mitigation.troubleshooting} step in key order
 *     ({@code "1"}, {@code "2"}, … numerically) → an ACTION at startedAt, {@code "Step N: " + step} (empty steps
 *     skipped, noted). The data set gives no times for steps, so they all sit at startedAt in their order.</li>
 * <li><b>Classification.</b> For each {@code root cause.label} object, its layers in order ({@code layer-1},
 *     {@code layer-2}, …; empty layers skipped) give two labels: layer-1 alone, and the whole path joined with
 *     {@code " > "}; {@code human error: true} adds {@code human error}. Layers written directly on the root cause
 *     (no {@code label}) are read as one label object (noted). No label at all → no classification (noted).</li>
 * <li><b>Propagation.</b> {@code propagation pass} {"1": A, "2": B, …} in key order → TECHNICAL linkages between
 *     consecutive entries (trimmed): from A to B, {@code "Failure propagated from A to B"}, no condition, not
 *     believed absent. An empty entry, or one longer than {@value FieldLimits#LINK_END} characters, breaks the
 *     chain: no link touches it (noted); a link from an entry to the same name is skipped (noted).</li>
 * <li><b>Resolution.</b> With a duration: resolved at startedAt + duration, resolution
 *     {@code "Mitigated: " + mitigation.label} joined with {@code ", "} (none → no resolution text). Without a
 *     duration the incident stays OPEN (noted).</li>
 * <li><b>Not mapped</b> (reported once per field name, with the number of records holding a value there):
 *     {@code detection}, {@code detection time}, {@code identification time}, {@code fix time},
 *     {@code manifestation}, {@code operation}, {@code reproduction}, {@code refined path}, {@code verification}
 *     and its misspellings, {@code mitigation.label} (only inside the resolution text), and any field the data
 *     set's schema does not have.</li>
 * </ul>
 * Texts in entries are cut to 10,000 characters (noted), the limit a team posting by hand has. Entry ids are derived
 * from the incident and the entry's content, so importing the same fact again names the same entry.
 */
public final class PostmortemMapping {

    /** The longest linkage end the socio-technical map stores (its from/to columns). */

    private static final String UNKNOWN_PROVIDER = "unknown-provider";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern LAYER = Pattern.compile("layer-(\\d+)");
    private static final Set<String> MAPPED = Set.of("title", "link", "time", "summary", "details", "service_name",
            "service name", "impact symptom", "duration", "root cause", "human error", "mitigation",
            "propagation pass");
    private static final String VERIFICATION = "who checked the record's labels for the data set's paper; "
                                               + "not part of the incident";
    private static final Map<String, String> NOT_MAPPED = Map.ofEntries(
            Map.entry("detection", "how the provider noticed (method, tool); no command records a detection method"),
            Map.entry("detection time", "minutes until detection; only the whole duration is kept"),
            Map.entry("identification time", "minutes until the cause was identified; only the whole duration is "
                                             + "kept"),
            Map.entry("fix time", "minutes until the fix; only the whole duration is kept"),
            Map.entry("manifestation", "the paper's symptom taxonomy (business and system KPIs); impact symptom "
                                       + "is kept as impact"),
            Map.entry("operation", "the paper's operating-phase label (normal, upgrade, recover…)"),
            Map.entry("reproduction", "the paper's reproducibility label"),
            Map.entry("refined path", "the paper's normalised propagation path; the path as written (propagation "
                                      + "pass) is kept as linkages"),
            Map.entry("verification", VERIFICATION),
            Map.entry("mitigation.label", "mitigation categories: kept only inside the resolution text "
                                          + "('Mitigated: …') of incidents with a duration, not as labels"));
    private static final String UNKNOWN_FIELD = "not a field of the data set's schema";
    private static final String MISSPELLED_VERIFICATION = "misspelling of 'verification': " + VERIFICATION;

    private final String sourceId;
    private final String incidentId;
    private final List<ImportNote> notes = new ArrayList<>();
    private final Set<String> notMapped = new TreeSet<>();

    private PostmortemMapping(String sourceId) {
        this.sourceId = sourceId;
        this.incidentId = SourceIds.incidentIdFor(sourceId);
    }

    /**
     * The plan for one record.
     *
     * @param team the team to record in, or null for the provider named by the source id
     */
    public static PostmortemPlan plan(String sourceId, JsonNode record, String team) {
        return new PostmortemMapping(sourceId).plan(record, team);
    }

    /** Why a field that no command records is not mapped; the report says it once per field name. */
    public static String reasonNotMapped(String field) {
        if (NOT_MAPPED.containsKey(field)) {
            return NOT_MAPPED.get(field);
        }
        return field.startsWith("verif") ? MISSPELLED_VERIFICATION : UNKNOWN_FIELD;
    }

    /** The longest reason {@link #reasonNotMapped(String)} gives, for the OpenAPI document. */
    public static int longestReasonNotMapped() {
        return Stream.concat(NOT_MAPPED.values().stream(), Stream.of(MISSPELLED_VERIFICATION, UNKNOWN_FIELD))
                .mapToInt(String::length).max().orElseThrow();
    }

    /** The documented rule: the longer the impact lasted, the worse; unknown is taken as middling. */
    static Severity severityFor(Integer durationMinutes) {
        if (durationMinutes == null) {
            return Severity.SEV3;
        }
        if (durationMinutes >= 360) {
            return Severity.SEV1;
        }
        if (durationMinutes >= 120) {
            return Severity.SEV2;
        }
        return durationMinutes >= 30 ? Severity.SEV3 : Severity.SEV4;
    }

    private PostmortemPlan plan(JsonNode record, String teamOverride) {
        collectNotMapped(record);
        Instant startedAt = startedAt(record.path("time"));
        if (startedAt == null) {
            return PostmortemPlan.notImportable(sourceId, incidentId, notes, notMapped);
        }
        String team = teamOverride != null ? teamOverride : provider();
        String title = title(record.path("title"));
        String summary = cut("summary", text(record.path("summary")), FieldLimits.TEXT);
        List<String> components = names("service names", serviceNames(record), FieldLimits.NAME);
        Integer duration = duration(record.path("duration"));

        var declaration = new DeclareIncidentCommand(incidentId, title, severityFor(duration), startedAt, null,
                summary, List.of(team), components, sourceId,
                names("impact symptom", record.path("impact symptom"), FieldLimits.NAME), duration,
                names("link", record.path("link"), FieldLimits.TEXT));
        var revision = new ReviseIncidentCommand(incidentId, title, summary, List.of(team), components,
                "Later write-up of " + sourceId + " (import)");

        List<PlannedCommand> entries = new ArrayList<>();
        account(record.path("details"), startedAt, team, entries);
        JsonNode rootCause = record.path("root cause");
        rootCauseAccount(rootCause, team, entries);
        JsonNode mitigation = record.path("mitigation");
        mitigation(mitigation, startedAt, team, entries);
        propagation(record.path("propagation pass"), entries);
        Set<String> labels = labels(rootCause, record.path("human error"));
        ResolveIncidentCommand resolution = resolution(duration, startedAt, mitigation);
        return new PostmortemPlan(sourceId, incidentId, declaration, revision, entries, labels, resolution, notes,
                notMapped);
    }

    private void collectNotMapped(JsonNode record) {
        record.properties().forEach(field -> {
            if (!MAPPED.contains(field.getKey()) && hasValue(field.getValue())) {
                notMapped.add(field.getKey());
            }
        });
        nestedNotMapped(record.path("root cause"), "root cause",
                key -> key.equals("details") || key.equals("label") || LAYER.matcher(key).matches());
        nestedNotMapped(record.path("mitigation"), "mitigation",
                key -> key.equals("details") || key.equals("troubleshooting"));
    }

    private void nestedNotMapped(JsonNode section, String name, Predicate<String> mapped) {
        if (!section.isObject()) {
            return;
        }
        section.properties().forEach(field -> {
            if (!mapped.test(field.getKey()) && hasValue(field.getValue())) {
                notMapped.add(name + "." + field.getKey());
            }
        });
    }

    private Instant startedAt(JsonNode time) {
        String text = text(time);
        if (text == null) {
            note("time", "no start date: the record is not imported");
            return null;
        }
        try {
            return LocalDate.parse(text, DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            note("time", "'" + text + "' is not a date M/D/YYYY: the record is not imported");
            return null;
        }
    }

    private String provider() {
        String id = sourceId.toLowerCase(Locale.ROOT);
        if (id.startsWith("aws")) {
            return "aws";
        }
        if (id.startsWith("azure")) {
            return "azure";
        }
        if (id.startsWith("google") || id.startsWith("gc")) {
            return "google";
        }
        note("team", "the id names no known provider (aws, azure, google, gc): recorded as team '"
                     + UNKNOWN_PROVIDER + "'");
        return UNKNOWN_PROVIDER;
    }

    private String title(JsonNode node) {
        String title = text(node);
        if (title == null) {
            note("title", "no title: the source id is the title");
            return sourceId;
        }
        return cut("title", title, FieldLimits.TITLE);
    }

    private JsonNode serviceNames(JsonNode record) {
        JsonNode names = record.path("service_name");
        return names.isMissingNode() ? record.path("service name") : names;
    }

    /**
     * A list of names: trimmed, nulls and blanks dropped, duplicates merged; otherwise as written. Names longer than
     * {@code maxLength} and entries beyond the list limit are dropped too, as the REST edge would refuse them.
     */
    private List<String> names(String field, JsonNode node, int maxLength) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        } else {
            elements.add(node);
        }
        Set<String> names = new LinkedHashSet<>();
        int dropped = 0;
        int tooLong = 0;
        int merged = 0;
        for (JsonNode element : elements) {
            String name = text(element);
            if (name == null) {
                dropped++;
            } else if (name.length() > maxLength) {
                tooLong++;
            } else if (!names.add(name)) {
                merged++;
            }
        }
        if (dropped > 0) {
            note(field, entries(dropped) + " null, blank or not text: dropped");
        }
        if (tooLong > 0) {
            note(field, entries(tooLong) + " longer than " + maxLength + " characters: dropped");
        }
        if (merged > 0) {
            note(field, entries(merged) + " repeated after trimming: merged");
        }
        if (names.size() > FieldLimits.LIST) {
            note(field, names.size() + " entries: only the first " + FieldLimits.LIST + " are kept");
            return names.stream().limit(FieldLimits.LIST).toList();
        }
        return List.copyOf(names);
    }

    private static String entries(int count) {
        return count + (count == 1 ? " entry" : " entries");
    }

    private Integer duration(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return node.intValue();
        }
        String written = node.isMissingNode() || node.isNull() ? "no duration" : "duration " + node
                         + " is not a whole number of minutes";
        note("duration", written + ": severity " + severityFor(null) + " by default, and the incident stays open");
        return null;
    }

    private void account(JsonNode details, Instant startedAt, String team, List<PlannedCommand> entries) {
        String text = text(details);
        if (text == null) {
            note("details", "no account in the write-up");
            return;
        }
        entries.add(timelineEntry("details", startedAt, team, TimelineEntryKind.OBSERVATION, "Account: " + text));
    }

    private void rootCauseAccount(JsonNode rootCause, String team, List<PlannedCommand> entries) {
        String text = text(rootCause.path("details"));
        if (text == null) {
            note("root cause.details", "no account of the root cause");
            return;
        }
        String description = cut("root cause.details", "Root cause as written: " + text, FieldLimits.TEXT);
        String contextId = entryId("context", team, ContextKind.CIRCUMSTANCE.name(), description);
        entries.add(new PlannedCommand("root cause.details",
                new RecordContextCommand(incidentId, contextId, team, ContextKind.CIRCUMSTANCE, description)));
    }

    private void mitigation(JsonNode mitigation, Instant startedAt, String team, List<PlannedCommand> entries) {
        if (!mitigation.isObject()) {
            note("mitigation", "no mitigation in the write-up");
            return;
        }
        String details = text(mitigation.path("details"));
        if (details == null) {
            note("mitigation.details", "no account of the mitigation");
        } else {
            entries.add(timelineEntry("mitigation.details", startedAt, team, TimelineEntryKind.ACTION,
                    "Mitigation: " + details));
        }
        inKeyOrder(mitigation.path("troubleshooting")).forEach((key, value) -> {
            String step = text(value);
            String field = "mitigation.troubleshooting." + key;
            if (step == null) {
                note(field, "step " + key + " is empty: skipped");
            } else {
                entries.add(timelineEntry(field, startedAt, team, TimelineEntryKind.ACTION,
                        "Step " + key + ": " + step));
            }
        });
    }

    private void propagation(JsonNode pass, List<PlannedCommand> entries) {
        if (!pass.isObject()) {
            note("propagation pass", "no propagation path in the write-up: no linkages");
            return;
        }
        List<String> keys = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        inKeyOrder(pass).forEach((key, value) -> {
            String entry = text(value);
            keys.add(key);
            if (entry == null) {
                note("propagation pass." + key, "entry " + key + " is empty: no link to or from it");
            } else if (entry.length() > FieldLimits.LINK_END) {
                note("propagation pass." + key, "entry " + key + " is longer than " + FieldLimits.LINK_END
                                                + " characters, more than the map keeps: no link to or from it");
                entry = null;
            }
            chain.add(entry);
        });
        Set<DiscoverLinkageCommand> linkages = new LinkedHashSet<>();
        for (int i = 0; i + 1 < chain.size(); i++) {
            String from = chain.get(i);
            String to = chain.get(i + 1);
            if (from == null || to == null) {
                continue;
            }
            if (from.equals(to)) {
                note("propagation pass." + keys.get(i + 1), "entry " + keys.get(i + 1) + " repeats '" + from
                                                             + "': no link from a component to itself");
                continue;
            }
            String description = "Failure propagated from " + from + " to " + to;
            linkages.add(new DiscoverLinkageCommand(incidentId,
                    entryId("linkage", LinkageKind.TECHNICAL.name(), from, to, description), LinkageKind.TECHNICAL,
                    from, to, description, null, false));
        }
        linkages.forEach(linkage -> entries.add(new PlannedCommand("propagation pass", linkage)));
    }

    private Set<String> labels(JsonNode rootCause, JsonNode humanError) {
        Set<String> labels = new TreeSet<>();
        for (JsonNode label : labelObjects(rootCause)) {
            List<String> layers = layers(label).stream()
                    .map(PostmortemMapping::text)
                    .filter(layer -> layer != null)
                    .toList();
            String path = String.join(" > ", layers);
            if (path.length() > FieldLimits.NAME) {
                note("root cause.label", "label '" + path + "' is longer than " + FieldLimits.NAME
                                         + " characters: dropped");
            } else if (!layers.isEmpty()) {
                labels.add(layers.get(0));
                labels.add(path);
            }
        }
        boolean fromRootCause = !labels.isEmpty();
        if (humanError.isBoolean() && humanError.booleanValue()) {
            labels.add("human error");
        } else if (!humanError.isBoolean() && !humanError.isMissingNode() && !humanError.isNull()) {
            note("human error", humanError + " is not true or false: ignored");
        }
        if (!fromRootCause) {
            note("root cause.label", labels.isEmpty() ? "no root-cause label: the incident is not classified"
                    : "no root-cause label: classified as human error only");
        }
        return labels;
    }

    private List<JsonNode> labelObjects(JsonNode rootCause) {
        JsonNode label = rootCause.path("label");
        if (label.isArray()) {
            List<JsonNode> objects = new ArrayList<>();
            label.forEach(objects::add);
            return objects;
        }
        if (label.isObject()) {
            return List.of(label);
        }
        if (rootCause.isObject() && !layers(rootCause).isEmpty()) {
            note("root cause", "layers written directly on the root cause, without 'label': read as one label");
            return List.of(rootCause);
        }
        return List.of();
    }

    private ResolveIncidentCommand resolution(Integer duration, Instant startedAt, JsonNode mitigation) {
        if (duration == null) {
            return null;
        }
        Set<String> mitigations = new LinkedHashSet<>();
        mitigation.path("label").forEach(label -> {
            String text = text(label);
            if (text != null) {
                mitigations.add(text);
            }
        });
        String resolution = mitigations.isEmpty() ? null
                : cut("mitigation.label", "Mitigated: " + String.join(", ", mitigations), FieldLimits.TEXT);
        return new ResolveIncidentCommand(incidentId, startedAt.plus(duration, ChronoUnit.MINUTES), resolution);
    }

    private PlannedCommand timelineEntry(String field, Instant occurredAt, String team, TimelineEntryKind kind,
                                         String text) {
        String cut = cut(field, text, FieldLimits.TEXT);
        String entryId = entryId("timeline", occurredAt.toString(), team, kind.name(), cut);
        return new PlannedCommand(field, new RecordTimelineEntryCommand(incidentId, entryId, occurredAt, team, kind,
                cut));
    }

    /** The same content in the same incident always gets the same id, so a re-import names the entry it made. */
    private String entryId(String... content) {
        String key = "import:" + incidentId + "\u0000" + String.join("\u0000", content);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String cut(String field, String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        // Never split a surrogate pair: half a character is not text.
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        note(field, "cut from " + text.length() + " to " + end + " characters");
        return text.substring(0, end);
    }

    private void note(String field, String note) {
        notes.add(new ImportNote(sourceId, field, note));
    }

    /** Trimmed text of a scalar, or null when it is missing, null, blank or not a scalar. */
    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** Whether anything is written there: {@code {"method": null, "tool": ""}} holds nothing to lose. */
    private static boolean hasValue(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasValue(child)) {
                    return true;
                }
            }
            return false;
        }
        return !node.isTextual() || !node.asText().isBlank();
    }

    /** An object's fields ordered by their number ("2" before "10"); fields that are not numbers come last. */
    private static Map<String, JsonNode> inKeyOrder(JsonNode object) {
        Map<String, JsonNode> ordered = new TreeMap<>(Comparator
                .comparingLong((String key) -> key.chars().allMatch(Character::isDigit) ? number(key) : Long.MAX_VALUE)
                .thenComparing(Comparator.naturalOrder()));
        if (object.isObject()) {
            object.properties().forEach(field -> ordered.put(field.getKey(), field.getValue()));
        }
        return ordered;
    }

    /** The {@code layer-N} fields of a label object, by N. */
    private static List<JsonNode> layers(JsonNode label) {
        Map<Long, JsonNode> layers = new TreeMap<>();
        label.properties().forEach(field -> {
            Matcher layer = LAYER.matcher(field.getKey());
            if (layer.matches()) {
                layers.put(number(layer.group(1)), field.getValue());
            }
        });
        return List.copyOf(layers.values());
    }

    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException notANumber) {
            return Long.MAX_VALUE;
        }
    }
}
