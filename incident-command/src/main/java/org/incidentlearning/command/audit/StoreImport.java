package org.incidentlearning.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentlearning.kernel.audit.EventChain;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.store.AcknowledgedWrites;
import org.incidentlearning.store.HashChainedAppend;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds a service from an export ({@code GET /api/export}): into an empty store only, in one transaction, every
 * line's hash checked against its incident's chain before anything is kept, so an altered or reordered export is
 * refused whole. The views then build themselves from the imported events like from any others.
 */
@RestController
@Tag(name = "History (auditors)")
public class StoreImport {

    public record Imported(@Schema(minimum = "0") long events, @Schema(minimum = "0") long incidents,
                           @Schema(pattern = EventChain.HASH_PATTERN, maxLength = EventChain.HASH_LENGTH)
                           String lastHash) {
    }

    /** Lines sent to the database per batch. */
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AcknowledgedWrites acknowledged;
    private final ObjectMapper json = new ObjectMapper();

    /** Lines read by the import running now (0 when none runs): its progress, for metrics. */
    private final AtomicLong linesRead = new AtomicLong();

    public StoreImport(JdbcTemplate jdbc, TransactionTemplate transaction, AcknowledgedWrites acknowledged,
                       MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.acknowledged = acknowledged;
        Gauge.builder("incident.import.lines", linesRead, AtomicLong::get)
                .description("Lines of the export read by the import running now; 0 when none runs")
                .register(meters);
    }

    @PostMapping(path = "/api/import", consumes = {"application/x-ndjson", "application/json"},
            produces = "application/json")
    @Operation(summary = "Import an NDJSON export into an empty store; refused whole if the store holds events or "
                         + "if any line breaks its incident's hash chain")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "An export of another "
            + "store (GET /api/export), one event per line; at most incident.max-import-bytes",
            content = {@Content(mediaType = "application/x-ndjson"), @Content(mediaType = "application/json")})
    public Imported importStore(InputStream body) {
        try {
            Imported imported = importInOneTransaction(body);
            acknowledged.makeDurable();
            return imported;
        } finally {
            linesRead.set(0);
        }
    }

    private Imported importInOneTransaction(InputStream body) {
        return transaction.execute(status -> {
            // Appends and other imports wait until this one has committed: nothing slips in between the check
            // that the store is empty and the import, whose events take the first indexes in order.
            jdbc.queryForObject(HashChainedAppend.LOCK_APPENDS, Integer.class);
            Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            if (stored != null && stored > 0) {
                throw new IncidentRejection(ErrorCode.STORE_NOT_EMPTY, "The store already holds " + stored
                        + " events; an export is imported into an empty store only");
            }
            try {
                return importLines(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw IncidentRejection.invalid("The export could not be read: " + e.getMessage());
            }
        });
    }

    private Imported importLines(BufferedReader lines) throws IOException {
        Map<String, String> lastHash = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        List<Object[]> events = new ArrayList<>(BATCH);
        List<Object[]> hashes = new ArrayList<>(BATCH);
        long imported = 0;
        String hash = EventChain.GENESIS;
        String text;
        for (int number = 1; (text = lines.readLine()) != null; number++) {
            linesRead.set(number);
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = line(text, number);
            String incidentId = required(line, "incidentId", number);
            long sequence = line.path("sequenceNumber").asLong(-1);
            if (sequence != lastSequence.getOrDefault(incidentId, -1L) + 1) {
                throw IncidentRejection.invalid("Line " + number + ": incident " + incidentId + " jumps to sequence "
                        + sequence + "; events of an incident must come in order");
            }
            byte[] payload = json.writeValueAsBytes(line.path("payload"));
            byte[] metaData = json.writeValueAsBytes(line.path("metadata"));
            String previous = lastHash.getOrDefault(incidentId, EventChain.GENESIS);
            hash = EventChain.hash(previous, required(line, "eventId", number), incidentId, sequence,
                    required(line, "aggregateType", number), required(line, "timestamp", number),
                    required(line, "payloadType", number), text(line, "payloadRevision"), payload, metaData);
            if (!previous.equals(text(line, "previousHash")) || !hash.equals(text(line, "hash"))) {
                throw IncidentRejection.invalid("Line " + number + ": event " + (sequence + 1) + " of incident "
                        + incidentId + " does not match its hash chain; the export was altered");
            }
            events.add(new Object[]{text(line, "eventId"), incidentId, sequence, text(line, "aggregateType"),
                    text(line, "timestamp"), text(line, "payloadType"), text(line, "payloadRevision"), payload,
                    metaData});
            hashes.add(new Object[]{text(line, "eventId"), incidentId, sequence, previous, hash});
            if (events.size() == BATCH) {
                insert(events, hashes);
            }
            lastHash.put(incidentId, hash);
            lastSequence.put(incidentId, sequence);
            imported++;
        }
        insert(events, hashes);
        return new Imported(imported, lastHash.size(), hash);
    }

    /** Sends the lines read so far in two batched statements (still inside the import's one transaction). */
    private void insert(List<Object[]> events, List<Object[]> hashes) {
        jdbc.batchUpdate("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                         + "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                         + "VALUES (?,?,?,?,?,?,?,?,?)", events);
        jdbc.batchUpdate("INSERT INTO event_hash (event_identifier, aggregate_identifier, sequence_number, "
                         + "previous_hash, hash) VALUES (?,?,?,?,?)", hashes);
        events.clear();
        hashes.clear();
    }

    private JsonNode line(String text, int number) {
        try {
            JsonNode line = json.readTree(text);
            if (!line.isObject()) {
                throw IncidentRejection.invalid("Line " + number + " is not a JSON object");
            }
            return line;
        } catch (IOException e) {
            throw IncidentRejection.invalid("Line " + number + " is not JSON");
        }
    }

    private static String required(JsonNode line, String field, int number) {
        String value = text(line, field);
        if (value == null || value.isBlank()) {
            throw IncidentRejection.invalid("Line " + number + " has no " + field);
        }
        return value;
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
