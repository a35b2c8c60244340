package org.incidentlearning.command.incident;

import org.incidentlearning.kernel.correction.EntryKind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live recorded entry as the incident remembers it: its kind and its field values as text. Two entries with the
 * same content are the same fact recorded twice, which is why an identical repeated command changes nothing.
 */
record RecordedEntry(EntryKind kind, Map<String, String> fields) {

    RecordedEntry {
        fields = Map.copyOf(fields);
    }

    static RecordedEntry of(EntryKind kind, Object... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        return new RecordedEntry(kind, fields);
    }

    RecordedEntry amendedWith(Map<String, String> changes) {
        Map<String, String> amended = new LinkedHashMap<>(fields);
        amended.putAll(changes);
        return new RecordedEntry(kind, amended);
    }

    /** The content key: the kind and every field, in a stable order. */
    String content() {
        return kind + new java.util.TreeMap<>(fields).toString();
    }
}
