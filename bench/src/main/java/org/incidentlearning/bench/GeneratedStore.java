package org.incidentlearning.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.audit.EventChain;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.context.ContextRecordedEvent;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.mentalmodel.DivergenceNotedEvent;
import org.incidentlearning.kernel.mentalmodel.MentalModelRecordedEvent;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A large store made without the service's help, in its own export format (NDJSON with each incident's hash chain),
 * so that {@code POST /api/import} checks every line and stores it exactly as the service would have: each incident
 * is declared, then gets timeline entries, two mental models and their divergence, a context and a remediation.
 * Ids, teams, components and times come from a fixed seed, so every run generates the same store.
 */
final class GeneratedStore {

    static final int EVENTS_PER_INCIDENT = 10;
    private static final Instant EPOCH = Instant.parse("2022-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = 4L * 365 * 86_400;

    /** The service's event serializer's settings: JSON with ISO-8601 dates. */
    private static final ObjectMapper EVENTS = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** The importer hashes the payload and metadata as a plain mapper writes them. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final int incidents;
    private final long seed;

    GeneratedStore(int incidents, long seed) {
        this.incidents = incidents;
        this.seed = seed;
    }

    long events() {
        return (long) incidents * EVENTS_PER_INCIDENT;
    }

    static String incidentId(int number) {
        return UUID.nameUUIDFromBytes(("bench-incident-" + number).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The export, produced by a thread of its own while it is read. */
    InputStream stream() {
        try {
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    write(out);
                } catch (IOException e) {
                    throw new UncheckedIOException("Generating the store stopped", e);
                }
            }, "store-generator");
            writer.setDaemon(true);
            writer.start();
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(OutputStream out) throws IOException {
        for (int number = 0; number < incidents; number++) {
            for (String line : incident(number)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
    }

    /** One incident's export lines, in order. */
    List<String> incident(int number) throws IOException {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + number);
        String id = incidentId(number);
        Instant started = EPOCH.plusSeconds(random.nextLong(SPAN_SECONDS));
        Map<String, Object> declared = CommandMix.declaration(random, "Generated incident " + number);
        @SuppressWarnings("unchecked")
        List<String> involved = (List<String>) declared.get("teams");
        @SuppressWarnings("unchecked")
        List<String> touched = (List<String>) declared.get("components");
        String team = involved.get(0);
        String other = involved.size() > 1 ? involved.get(1) : CommandMix.TEAMS.get(CommandMix.TEAM_SKEW.sample(random));
        String firstModel = entryId(id, 5);
        String secondModel = entryId(id, 6);
        List<Object> events = new ArrayList<>();
        events.add(new IncidentDeclaredEvent(id, (String) declared.get("title"),
                Severity.valueOf((String) declared.get("severity")), started, started.plusSeconds(300),
                (String) declared.get("summary"), involved, touched));
        for (int entry = 1; entry <= 4; entry++) {
            events.add(new TimelineEntryRecordedEvent(id, entryId(id, entry), started.plusSeconds(60L * entry), team,
                    TimelineEntryKind.values()[entry % TimelineEntryKind.values().length],
                    "Step " + entry + ": " + touched.get(0) + " answered slowly"));
        }
        events.add(new MentalModelRecordedEvent(id, firstModel, team, "netlib",
                "We believed " + touched.get(0) + " is not affected by the change", started));
        events.add(new MentalModelRecordedEvent(id, secondModel, other, "netlib",
                "We believed the legacy options were unused", started));
        events.add(new DivergenceNotedEvent(id, entryId(id, 7), List.of(firstModel, secondModel),
                "The teams held different beliefs about " + touched.get(0), "The response waited for an hour"));
        events.add(new ContextRecordedEvent(id, entryId(id, 8), team, ContextKind.PRESSURE,
                "A release had to ship before the sales event"));
        events.add(new RemediationProposedEvent(id, entryId(id, 9), team,
                "Make " + touched.get(0) + " tell its callers"));

        List<String> lines = new ArrayList<>();
        String previous = EventChain.GENESIS;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Object event = events.get(sequence);
            ObjectNode line = PLAIN.createObjectNode();
            String eventId = entryId(id, 100 + sequence);
            String timestamp = DateTimeUtils.formatInstant(started.plusSeconds(600L + sequence));
            JsonNode payload = EVENTS.valueToTree(event);
            ObjectNode metaData = PLAIN.createObjectNode().put(CommandMetadata.ACTOR, "bench-generator")
                    .put(CommandMetadata.CORRELATION_ID, entryId(id, 200 + sequence))
                    .put(CommandMetadata.CAUSATION_ID, entryId(id, 300 + sequence));
            String payloadType = event.getClass().getName();
            String revision = event.getClass().getAnnotation(Revision.class).value();
            String hash = EventChain.hash(previous, eventId, id, sequence, "Incident", timestamp, payloadType,
                    revision, PLAIN.writeValueAsBytes(payload), PLAIN.writeValueAsBytes(metaData));
            line.put("eventId", eventId).put("incidentId", id).put("sequenceNumber", sequence)
                    .put("aggregateType", "Incident").put("timestamp", timestamp).put("payloadType", payloadType)
                    .put("payloadRevision", revision);
            line.set("payload", payload);
            line.set("metadata", metaData);
            line.put("previousHash", previous).put("hash", hash);
            lines.add(line.toString());
            previous = hash;
        }
        return lines;
    }

    private static String entryId(String incidentId, int number) {
        return UUID.nameUUIDFromBytes((incidentId + "/" + number).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
