package org.incidentlearning.web;

import org.incidentlearning.kernel.entry.EntryKind;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an incident and what was recorded in it live, defined once: the command side answers these paths as
 * {@code Location}, and the query side serves them, so the two cannot drift apart.
 */
public final class IncidentPaths {

    public static final String INCIDENTS = "/api/incidents";
    public static final String INCIDENT = INCIDENTS + "/{incidentId}";

    /** The collections of recorded entries, each its entry kind's ({@link EntryKind#collection()}). */
    public static final String TIMELINE_ENTRIES = EntryKind.Collections.TIMELINE_ENTRIES;
    public static final String MENTAL_MODELS = EntryKind.Collections.MENTAL_MODELS;
    public static final String DIVERGENCES = EntryKind.Collections.DIVERGENCES;
    public static final String CONTEXTS = EntryKind.Collections.CONTEXTS;
    public static final String COORDINATIONS = EntryKind.Collections.COORDINATIONS;
    public static final String LINKAGES = EntryKind.Collections.LINKAGES;
    public static final String REMEDIATIONS = EntryKind.Collections.REMEDIATIONS;
    /** The earlier incidents' declined remediations this incident recurs. */
    public static final String RECURRENCES = "recurrences";
    /** The incident's publications; one is read back, rendered again from its recorded inputs, below it. */
    public static final String PUBLISHED_ARTIFACTS = "artifacts/published";

    /** The collections whose entries a command creates and {@code GET INCIDENT/{collection}/{entryId}} reads. */
    public static final List<String> ENTRY_COLLECTIONS = Stream.concat(Arrays.stream(EntryKind.values())
            .map(EntryKind::collection), Stream.of(RECURRENCES)).toList();

    private IncidentPaths() {
    }

    public static URI incident(String incidentId) {
        return URI.create(INCIDENTS + "/" + incidentId);
    }

    public static URI entry(String incidentId, String collection, String entryId) {
        return URI.create(INCIDENTS + "/" + incidentId + "/" + collection + "/" + entryId);
    }

    /** The longest path {@link #entry} answers, for ids of at most {@link PathIds#MAX_LENGTH} characters. */
    public static int longestEntryPath() {
        int longestCollection = Stream.concat(ENTRY_COLLECTIONS.stream(), Stream.of(PUBLISHED_ARTIFACTS))
                .mapToInt(String::length).max().orElseThrow();
        return entry("", "", "").toString().length() + longestCollection + 2 * PathIds.MAX_LENGTH;
    }
}
