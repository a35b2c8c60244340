package org.incidentlearning.kernel.entry;

import org.incidentlearning.kernel.error.IncidentRejection;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a team recorded in an incident, one record type per kind of entry, as recorded or as last amended. It is the
 * one definition of each kind: commands and events make these, the aggregate keeps them, and every projection applies
 * corrections with {@link #amendedWith}. Which of a kind's fields an amendment may change, which are free text and
 * where its entries live in the API is said by its {@link EntryKind}.
 */
public sealed interface RecordedEntry
        permits TimelineEntry, MentalModel, Divergence, Context, Coordination, Linkage, RemediationItem {

    /** Which kind of entry this is (not to be confused with a kind field some entries have, such as a context's). */
    EntryKind entryKind();

    /** The team that recorded it, which alone may correct it; null for a divergence or a linkage. */
    String team();

    /** What makes two entries the same fact recorded twice; most kinds are that fact as they are. */
    default RecordedEntry content() {
        return this;
    }

    /**
     * The entry with some amendable fields changed, the values as {@link EntryKind#normalized} left them. Timestamps
     * are ISO-8601 instants and kinds their names; the rest is text.
     */
    default RecordedEntry amendedWith(Map<String, String> changes) {
        // Reflection over the record's components: the kind names the amendable fields, the record their types.
        RecordComponent[] components = getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String field = components[i].getName();
            values[i] = changes.containsKey(field) ? parsed(components[i].getType(), changes.get(field))
                    : valueOf(components[i]);
        }
        try {
            Constructor<?> canonical = getClass().getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            return (RecordedEntry) canonical.newInstance(values);
        } catch (InvocationTargetException refused) {
            if (refused.getCause() instanceof IncidentRejection rejection) {
                throw rejection;
            }
            throw new IllegalStateException("Cannot amend " + entryKind(), refused.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot amend " + entryKind(), e);
        }
    }

    /** The free texts of the entry by field, those its kind names: what search indexes and the lens reads. */
    default Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (RecordComponent component : getClass().getRecordComponents()) {
            if (entryKind().textFields().contains(component.getName()) && valueOf(component) instanceof String text) {
                texts.put(component.getName(), text);
            }
        }
        return texts;
    }

    private Object valueOf(RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + entryKind(), e);
        }
    }

    /**
     * A field's value from an amendment's normalised text, by the field's type: the one reading of amendments, for
     * this record and for any projection that keeps the same fields.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object parsed(Class<?> type, String value) {
        if (type == Instant.class) {
            return Instant.parse(value);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value);
        }
        return value;
    }
}
