package org.incidentlearning.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Authenticates {@code Authorization: Bearer <key>} against the keys in configuration and those an admin created.
 * Only SHA-256 hashes of keys are held; every configured hash is compared, in constant time, whatever matched, so
 * the time taken does not tell how much of a key was right. Keys are never logged.
 */
public class ApiKeys implements AuthenticationManager {

    /** Shortest key {@code require-strong-keys} accepts: 32 characters, as a generated key has 43. */
    public static final int STRONG_KEY_LENGTH = 32;
    private static final int NEW_KEY_BYTES = 32;
    /** A new key's length: its bytes in Base64 without padding. */
    static final int NEW_KEY_LENGTH = (NEW_KEY_BYTES * 4 + 2) / 3;
    /** What RFC 6750 allows in a bearer token; a key outside it could never be sent. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("^[A-Za-z0-9\\-._~+/]+=*$");
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Configured> configured;
    private final StoredApiKeys stored;

    private record Configured(byte[] hash, IncidentPrincipal principal) {
    }

    public ApiKeys(List<SecuritySettings.ConfiguredKey> keys, boolean requireStrongKeys, StoredApiKeys stored) {
        this.stored = stored;
        this.configured = new ArrayList<>();
        Set<String> hashes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            SecuritySettings.ConfiguredKey key = keys.get(i);
            String where = "incident.security.api-keys[" + i + "]";
            if (key.key() == null || !BEARER_TOKEN.matcher(key.key()).matches()) {
                throw new IllegalStateException(where + ".key must be set, with letters, digits and -._~+/ only");
            }
            if (key.roles() == null || key.roles().isEmpty()) {
                throw new IllegalStateException(where + ".roles must name at least one of " + List.of(Role.values()));
            }
            byte[] hash = sha256(key.key());
            if (!hashes.add(HexFormat.of().formatHex(hash))) {
                throw new IllegalStateException(where + ".key is the same as an earlier key");
            }
            String name = key.name() == null || key.name().isBlank() ? defaultName(key, hash) : key.name();
            if (!names.add(name)) {
                throw new IllegalStateException(where + ".name '" + name + "' is already used by an earlier key");
            }
            IncidentPrincipal principal;
            try {
                principal = new IncidentPrincipal(name, key.team(), EnumSet.copyOf(key.roles()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage() + " (set .team)");
            }
            if (key.key().length() < STRONG_KEY_LENGTH) {
                if (requireStrongKeys) {
                    throw new IllegalStateException(where + " (" + name + ") is shorter than " + STRONG_KEY_LENGTH
                            + " characters; generate one with: openssl rand -base64 32");
                }
                log.warn("API key {} is shorter than {} characters; fine for a trial, too weak for production",
                        name, STRONG_KEY_LENGTH);
            }
            configured.add(new Configured(hash, principal));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            throw new InvalidBearerTokenException("Send an API key as 'Authorization: Bearer <key>'");
        }
        byte[] presented = sha256(bearer.getToken());
        IncidentPrincipal match = null;
        for (Configured key : configured) {
            if (MessageDigest.isEqual(key.hash(), presented)) {
                match = key.principal();
            }
        }
        Optional<IncidentPrincipal> principal = match != null ? Optional.of(match)
                : stored.activeByHash(HexFormat.of().formatHex(presented));
        return principal.map(IncidentAuthentication::new)
                .orElseThrow(() -> new InvalidBearerTokenException("The API key is unknown or revoked"));
    }

    boolean isNameConfigured(String name) {
        return configured.stream().anyMatch(key -> key.principal().name().equals(name));
    }

    boolean anyConfigured() {
        return !configured.isEmpty();
    }

    /** A new random key: 256 bits, URL-safe Base64, usable as a bearer token as it is. */
    static String newKey() {
        byte[] bytes = new byte[NEW_KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hashOf(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Without a configured name, the actor still tells keys apart: team or role, and a short hash prefix. */
    private static String defaultName(SecuritySettings.ConfiguredKey key, byte[] hash) {
        String owner = key.team() != null && !key.team().isBlank() ? key.team()
                : key.roles().get(0).name().toLowerCase();
        return owner + "-key-" + HexFormat.of().formatHex(hash, 0, 4);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
