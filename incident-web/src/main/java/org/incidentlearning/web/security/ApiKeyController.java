package org.incidentlearning.web.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PageOf;
import org.incidentlearning.web.PathIds;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Key management for admins: a key is shown once, when it is created, and kept only as a hash; revoking it takes
 * effect on the next request, on every node. Keys from configuration are managed in configuration.
 */
@RestController
@Validated
@RequestMapping(path = "/api/admin/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API keys")
public class ApiKeyController {

    static final String NAME = "^[A-Za-z0-9][A-Za-z0-9 ._:@-]{0,98}[A-Za-z0-9.]$|^[A-Za-z0-9]$";
    private static final String PATH = "/api/admin/api-keys";

    private final StoredApiKeys stored;
    private final ApiKeys apiKeys;
    private final Clock clock;

    public ApiKeyController(StoredApiKeys stored, ApiKeys apiKeys, Clock clock) {
        this.stored = stored;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    public record NewApiKey(
            @Pattern(regexp = NAME, message = "must be 1 to 100 letters, digits or ._:@- and spaces inside")
            @Size(max = FieldLimits.NAME) @NotNull String name,
            @Pattern(regexp = NAME, message = "must be 1 to 100 letters, digits or ._:@- and spaces inside")
            @Size(max = FieldLimits.NAME) String team,
            @NotEmpty @Size(max = 5) List<@NotNull Role> roles) {
    }

    /** A stored key as listed; {@code key} is present only in the answer that created it. */
    public record ApiKeyAnswer(@Schema(pattern = PathIds.PATTERN) String id,
                               @Schema(maxLength = FieldLimits.NAME) String name,
                               @Nullable @Schema(maxLength = FieldLimits.NAME) String team,
                               Set<Role> roles, Instant createdAt,
                               @Schema(maxLength = StoredApiKeys.ACTOR_LENGTH) String createdBy,
                               @Nullable Instant revokedAt,
                               @Nullable @Schema(maxLength = StoredApiKeys.ACTOR_LENGTH) String revokedBy,
                               @Nullable @Schema(pattern = "^[A-Za-z0-9_-]+$", maxLength = ApiKeys.NEW_KEY_LENGTH)
                               String key) {

        static ApiKeyAnswer of(StoredApiKeys.StoredApiKey stored, String key) {
            return new ApiKeyAnswer(stored.id(), stored.name(), stored.team(), stored.roles(), stored.createdAt(),
                    stored.createdBy(), stored.revokedAt(), stored.revokedBy(), key);
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an API key (shown once in this answer; only its hash is kept)")
    @ApiResponse(responseCode = "201", description = "Created; `key` is in this answer and nowhere else",
            headers = @Header(name = "Location", required = true, description = "Where the key is read",
                    schema = @Schema(type = "string", format = "uri-reference",
                            pattern = "^" + PATH + "/" + PathIds.SEGMENT + "$")))
    public ResponseEntity<ApiKeyAnswer> create(@Valid @RequestBody NewApiKey request,
                                               @AuthenticationPrincipal IncidentPrincipal admin) {
        Set<Role> roles = EnumSet.copyOf(request.roles());
        if (roles.contains(Role.TEAM) && request.team() == null) {
            throw IncidentRejection.invalid("team: a key with the TEAM role records in a team's name; name the team");
        }
        if (stored.nameTaken(request.name()) || apiKeys.isNameConfigured(request.name())) {
            throw new IncidentRejection(ErrorCode.KEY_NAME_TAKEN, "An API key named '" + request.name() + "' exists; names are actors in the audit trail and "
                    + "must stay unique");
        }
        String key = ApiKeys.newKey();
        var created = new StoredApiKeys.StoredApiKey(UUID.randomUUID().toString(), request.name(), request.team(),
                roles, clock.instant(), admin.name(), null, null);
        stored.add(created, ApiKeys.hashOf(key));
        return ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                .body(ApiKeyAnswer.of(created, key));
    }

    @GetMapping
    @Operation(summary = "The API keys created over REST, revoked ones included, without the keys themselves")
    public PageOf<ApiKeyAnswer> list(@RequestParam(defaultValue = "0") @Min(0) @Max(PageOf.MAX_PAGE) int page,
                                     @RequestParam(defaultValue = "" + PageOf.MAX_SIZE) @Min(1)
                                     @Max(PageOf.MAX_SIZE) int size) {
        List<StoredApiKeys.StoredApiKey> all = stored.all();
        List<ApiKeyAnswer> keys = all.stream().skip((long) page * size).limit(size)
                .map(key -> ApiKeyAnswer.of(key, null)).toList();
        return new PageOf<>(keys, page, size, all.size());
    }

    @GetMapping("/{keyId}")
    @Operation(summary = "One API key, without the key itself")
    public ApiKeyAnswer one(@PathVariable @Pattern(regexp = PathIds.PATTERN) String keyId) {
        return ApiKeyAnswer.of(find(keyId), null);
    }

    @PostMapping("/{keyId}/revoke")
    @Operation(summary = "Revoke an API key; it is refused from the next request on (revoking twice changes nothing)")
    public ApiKeyAnswer revoke(@PathVariable @Pattern(regexp = PathIds.PATTERN) String keyId,
                               @AuthenticationPrincipal IncidentPrincipal admin) {
        find(keyId);
        stored.revoke(keyId, clock.instant(), admin.name());
        return ApiKeyAnswer.of(find(keyId), null);
    }

    private StoredApiKeys.StoredApiKey find(String keyId) {
        return stored.byId(keyId).orElseThrow(() -> new IncidentRejection(ErrorCode.UNKNOWN_API_KEY,
                "No API key with id " + keyId));
    }
}
