package org.incidentlearning.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentlearning.command.idempotency.IdempotentCommands;
import org.incidentlearning.command.incident.IncidentCommands;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.web.ServiceHeaders;
import org.incidentlearning.web.security.IncidentPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends a command with what the request said about it (expected version, idempotency key bound to the request's
 * fingerprint), waits until its events are committed, and turns the result into the answer the contract fixes.
 */
@Component
public class CommandDispatch {

    private static final int ATTEMPTS = 3;

    private final IncidentCommands incidents;
    private final ObjectMapper canonicalJson = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public CommandDispatch(IncidentCommands incidents) {
        this.incidents = incidents;
    }

    /** A command that creates something: 201 with {@code Location}, or 200 when it only repeated what exists. */
    public ResponseEntity<CommandAnswer> create(Object command, Object requestBody, CommandOptions options,
                                                Function<String, URI> location) {
        CommandResult result = send(command, requestBody, options);
        CommandAnswer answer = new CommandAnswer(result.id(), result.version());
        if (!result.changed()) {
            return ResponseEntity.ok().header(ServiceHeaders.CORRELATION_ID, options.correlationId()).body(answer);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, location.apply(result.id()).toString())
                .header(ServiceHeaders.CORRELATION_ID, options.correlationId())
                .eTag(Long.toString(result.version()))
                .body(answer);
    }

    /** A command that changes something: 200 with the version after it. */
    public ResponseEntity<CommandAnswer> change(Object command, Object requestBody, CommandOptions options) {
        CommandResult result = send(command, requestBody, options);
        return ResponseEntity.ok().eTag(Long.toString(result.version()))
                .header(ServiceHeaders.CORRELATION_ID, options.correlationId())
                .body(new CommandAnswer(result.id(), result.version()));
    }

    CommandResult send(Object command, Object requestBody, CommandOptions options) {
        Map<String, Object> metaData = new HashMap<>();
        IncidentPrincipal principal = options.principal();
        principal.recordsOnlyFor().ifPresent(team -> {
            ensureOwnTeam(team, command, requestBody);
            metaData.put(CommandMetadata.ACTING_TEAM, team);
        });
        metaData.put(CommandMetadata.ACTOR, principal.name());
        metaData.put(CommandMetadata.CORRELATION_ID, options.correlationId());
        if (options.expectedVersion() != null) {
            metaData.put(CommandMetadata.EXPECTED_VERSION, options.expectedVersion());
        }
        if (options.idempotencyKey() != null) {
            metaData.put(CommandMetadata.IDEMPOTENCY_KEY, options.idempotencyKey());
            metaData.put(CommandMetadata.REQUEST_FINGERPRINT, fingerprint(options, requestBody));
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData));
        for (int attempt = 1; ; attempt++) {
            try {
                return incidents.send(message);
            } catch (IdempotentCommands.IdempotencyRace | ConcurrencyException retryable) {
                // Another request won the race for this key or this incident's next sequence number; the retry
                // answers the stored result or runs on the incident's new state.
                if (attempt == ATTEMPTS) {
                    throw retryable;
                }
            }
        }
    }

    /**
     * Whose name the command records in is checked here, from the entry's definition (or a template's declared
     * team); what the incident knows (whose remediation, whose entry) the incident checks.
     */
    private static void ensureOwnTeam(String team, Object command, Object requestBody) {
        String named = command instanceof RecordsEntry recording ? recording.entry().team()
                : requestBody instanceof DeclaresTeam declared ? declared.team() : null;
        if (named != null && !team.equals(named)) {
            throw new IncidentRejection(ErrorCode.NOT_YOUR_TEAM, "Team '" + team
                    + "' records in its own name only, not in the name of team '" + named + "'");
        }
        if (requestBody instanceof InvolvesTeams involved && !involved.teams().contains(team)) {
            throw new IncidentRejection(ErrorCode.NOT_YOUR_TEAM, "Team '" + team
                    + "' declares only incidents it is involved in; add '" + team + "' to teams");
        }
    }

    private String fingerprint(CommandOptions options, Object requestBody) {
        try {
            byte[] canonical = (options.method() + " " + options.path() + "\n"
                                + canonicalJson.writeValueAsString(requestBody)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint request", e);
        }
    }
}
