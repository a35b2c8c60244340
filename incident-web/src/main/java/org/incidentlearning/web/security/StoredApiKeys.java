package org.incidentlearning.web.security;

import org.incidentlearning.store.AcknowledgedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** API keys an admin created over REST, kept as hashes in the store every node shares. */
@Repository
public class StoredApiKeys {

    private static final RowMapper<StoredApiKey> ROW = (rs, n) -> new StoredApiKey(rs.getString("key_id"),
            rs.getString("name"), rs.getString("team"), roles(rs.getString("roles")),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant).orElse(null),
            rs.getString("revoked_by"));

    /** What the api_keys table holds of the names of who created or revoked a key. */
    static final int ACTOR_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final AcknowledgedWrites acknowledged;

    public StoredApiKeys(JdbcTemplate jdbc, AcknowledgedWrites acknowledged) {
        this.jdbc = jdbc;
        this.acknowledged = acknowledged;
    }

    /** A stored key as an admin or auditor sees it: everything but the key. */
    public record StoredApiKey(String id, String name, String team, Set<Role> roles, Instant createdAt,
                               String createdBy, Instant revokedAt, String revokedBy) {

        IncidentPrincipal principal() {
            return new IncidentPrincipal(name, team, roles);
        }
    }

    void add(StoredApiKey key, String keyHash) {
        jdbc.update("INSERT INTO api_keys (key_id, name, team, roles, key_hash, created_at, created_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", key.id(), key.name(), key.team(),
                key.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), keyHash,
                Timestamp.from(key.createdAt()), key.createdBy());
        acknowledged.makeDurable();
    }

    /**
     * The active key with this hash. The lookup is by the hash of what was presented, so its timing says nothing
     * about the keys themselves.
     */
    Optional<IncidentPrincipal> activeByHash(String keyHash) {
        return jdbc.query("SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL", ROW, keyHash)
                .stream().findFirst().map(StoredApiKey::principal);
    }

    public Optional<StoredApiKey> byId(String id) {
        return jdbc.query("SELECT * FROM api_keys WHERE key_id = ?", ROW, id).stream().findFirst();
    }

    boolean nameTaken(String name) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM api_keys WHERE name = ?", Integer.class, name);
        return count != null && count > 0;
    }

    public List<StoredApiKey> all() {
        return jdbc.query("SELECT * FROM api_keys ORDER BY created_at, key_id", ROW);
    }

    long activeCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    /** @return false when the key was already revoked */
    boolean revoke(String id, Instant at, String by) {
        boolean revoked = jdbc.update("UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE key_id = ? "
                                      + "AND revoked_at IS NULL", Timestamp.from(at), by, id) > 0;
        acknowledged.makeDurable();
        return revoked;
    }

    private static Set<Role> roles(String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).map(Role::valueOf)
                .forEach(parsed::add);
        return parsed;
    }
}
