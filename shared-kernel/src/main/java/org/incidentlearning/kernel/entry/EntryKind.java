package org.incidentlearning.kernel.entry;

import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.Require;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The kinds of entry an incident records, each defined once: the record that holds its fields, the collection its
 * entries live under in the API, which fields an amendment may change, and which fields are free text.
 */
public enum EntryKind {
    TIMELINE_ENTRY(TimelineEntry.class, Collections.TIMELINE_ENTRIES, Set.of("occurredAt", "kind", "text"),
            Set.of("text")),
    MENTAL_MODEL(MentalModel.class, Collections.MENTAL_MODELS, Set.of("subject", "belief", "heldAt"),
            Set.of("subject", "belief")),
    DIVERGENCE(Divergence.class, Collections.DIVERGENCES, Set.of("description", "effect"),
            Set.of("description", "effect")),
    CONTEXT(Context.class, Collections.CONTEXTS, Set.of("kind", "description"), Set.of("description")),
    COORDINATION(Coordination.class, Collections.COORDINATIONS, Set.of("kind", "description", "occurredAt"),
            Set.of("description")),
    LINKAGE(Linkage.class, Collections.LINKAGES, Set.of("description", "condition"),
            Set.of("description", "condition")),
    REMEDIATION(RemediationItem.class, Collections.REMEDIATIONS, Set.of("description"), Set.of("description"));

    /** The collections' path segments, as constants for the web edge's mappings. */
    public static final class Collections {
        public static final String TIMELINE_ENTRIES = "timeline-entries";
        public static final String MENTAL_MODELS = "mental-models";
        public static final String DIVERGENCES = "divergences";
        public static final String CONTEXTS = "contexts";
        public static final String COORDINATIONS = "coordinations";
        public static final String LINKAGES = "linkages";
        public static final String REMEDIATIONS = "remediations";

        private Collections() {
        }
    }

    private final Class<? extends RecordedEntry> type;
    private final String collection;
    private final Set<String> amendableFields;
    private final Set<String> textFields;
    private final Map<String, Class<?>> fieldTypes;

    EntryKind(Class<? extends RecordedEntry> type, String collection, Set<String> amendableFields,
              Set<String> textFields) {
        this.type = type;
        this.collection = collection;
        this.amendableFields = amendableFields;
        this.textFields = textFields;
        this.fieldTypes = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getType));
        if (!fieldTypes.keySet().containsAll(amendableFields) || !fieldTypes.keySet().containsAll(textFields)) {
            throw new IllegalStateException(name() + " names fields " + type.getSimpleName() + " does not have");
        }
    }

    public Class<? extends RecordedEntry> type() {
        return type;
    }

    /** The path segment its entries live under: {@code /api/incidents/{id}/<collection>/{entryId}}. */
    public String collection() {
        return collection;
    }

    public Set<String> amendableFields() {
        return amendableFields;
    }

    public Set<String> textFields() {
        return textFields;
    }

    /**
     * An amendment's new values, checked and in the form the entry keeps: only amendable fields, none blank,
     * timestamps (with their offset, in the years 0000 to 9999) as instants, kinds by their names.
     */
    public Map<String, String> normalized(Map<String, String> changes) {
        Map<String, String> normalized = new TreeMap<>();
        changes.forEach((field, value) -> normalized.put(field, normalized(field, value)));
        return normalized;
    }

    /**
     * The typed value of an amended field, from the text {@link #normalized(Map)} left: for a projection that keeps
     * the entry's fields in a form of its own.
     */
    public Object valueOf(String field, String normalizedValue) {
        return RecordedEntry.parsed(fieldTypes.get(field), normalizedValue);
    }

    private String normalized(String field, String value) {
        if (!amendableFields.contains(field)) {
            throw IncidentRejection.invalid("A " + this + " entry cannot amend '" + field + "'; amendable: "
                    + amendableFields.stream().sorted().toList());
        }
        if (value == null || value.isBlank()) {
            throw IncidentRejection.invalid("The new value of '" + field + "' must not be blank");
        }
        Class<?> fieldType = fieldTypes.get(field);
        if (fieldType == Instant.class) {
            try {
                return Require.fourDigitYear(OffsetDateTime.parse(value).toInstant(), field).toString();
            } catch (DateTimeParseException e) {
                throw IncidentRejection.invalid("'" + field + "' must be an ISO-8601 timestamp with offset, got '"
                        + value + "'");
            }
        }
        if (fieldType.isEnum()) {
            return Arrays.stream(fieldType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .filter(value::equals).findFirst()
                    .orElseThrow(() -> IncidentRejection.invalid("'" + value + "' is not a kind of " + this));
        }
        return value;
    }
}
