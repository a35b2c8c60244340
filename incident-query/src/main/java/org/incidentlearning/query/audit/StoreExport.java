package org.incidentlearning.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The whole store as NDJSON, one stored event per line in commit order, with its metadata and chain hashes: the
 * format {@code POST /api/import} reads to rebuild an identical service elsewhere. Streamed row by row.
 */
@RestController
@Tag(name = "History (auditors)")
public class StoreExport {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final WholeStoreReads store;
    private final ObjectMapper json = new ObjectMapper();

    StoreExport(WholeStoreReads store) {
        this.store = store;
    }

    @GetMapping("/api/export")
    @Operation(summary = "Every stored event as NDJSON in commit order: position, eventId, incidentId, "
                         + "sequenceNumber, aggregateType, timestamp, payloadType, payloadRevision, payload, metadata, "
                         + "previousHash, hash")
    public ResponseEntity<StreamingResponseBody> export() {
        StreamingResponseBody body = out -> store.forEachRow("SELECT " + StoredEventRow.COLUMNS + " FROM "
                                                             + StoredEventRow.FROM + " ORDER BY e.global_index",
                rs -> write(out, StoredEventRow.of(rs)));
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"incident-events.ndjson\"").body(body);
    }

    private void write(OutputStream out, StoredEventRow row) {
        try {
            ObjectNode line = json.createObjectNode()
                    .put("position", row.position())
                    .put("eventId", row.eventId())
                    .put("incidentId", row.incidentId())
                    .put("sequenceNumber", row.sequence())
                    .put("aggregateType", row.aggregateType())
                    .put("timestamp", row.timestamp())
                    .put("payloadType", row.payloadType())
                    .put("payloadRevision", row.payloadRevision());
            line.set("payload", json.readTree(row.payload()));
            line.set("metadata", row.metaData() == null ? json.nullNode() : json.readTree(row.metaData()));
            line.put("previousHash", row.storedPreviousHash()).put("hash", row.storedHash());
            out.write(json.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export", e);
        }
    }
}
