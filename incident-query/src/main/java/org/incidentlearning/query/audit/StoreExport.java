package org.incidentlearning.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentlearning.web.ApiDocumentation;
import org.springframework.http.HttpHeaders;
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

    public static final String NDJSON_VALUE = "application/x-ndjson";
    public static final MediaType NDJSON = MediaType.parseMediaType(NDJSON_VALUE);
    private static final String DISPOSITION = "attachment; filename=\"incident-events.ndjson\"";

    private final WholeStoreReads store;
    private final ObjectMapper json = new ObjectMapper();

    StoreExport(WholeStoreReads store) {
        this.store = store;
    }

    @GetMapping("/api/export")
    @ApiResponse(responseCode = "200", description = "The export, one event per line",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true,
                    description = "Names the file a browser saves it as",
                    schema = @Schema(type = "string", allowableValues = DISPOSITION)),
            content = @Content(mediaType = NDJSON_VALUE, schema = @Schema(type = "string",
                    description = ApiDocumentation.UNCAPPED + "it holds every stored event, one JSON object a line")))
    @Operation(summary = "Every stored event as NDJSON in commit order: position, eventId, incidentId, "
                         + "sequenceNumber, aggregateType, timestamp, payloadType, payloadRevision, payload, metadata, "
                         + "previousHash, hash")
    public ResponseEntity<StreamingResponseBody> export() {
        StreamingResponseBody body = out -> store.forEachRow("SELECT " + StoredEventRow.COLUMNS + " FROM "
                                                             + StoredEventRow.FROM + " ORDER BY e.global_index",
                rs -> write(out, StoredEventRow.of(rs)));
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, DISPOSITION).body(body);
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
