package org.incidentlearning.web.security;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code incident.security.*}, part of {@link org.incidentlearning.web.WebSettings}: how requests are authenticated
 * and limited.
 *
 * @param mode              api-keys (keys from configuration and from /api/admin/api-keys) or jwt (an identity
 *                          provider's signed tokens)
 * @param apiKeys           keys given as configuration: api-keys[i].key, .team, .roles, and optionally .name (the
 *                          actor recorded on events)
 * @param bootstrapAdminKey with no key configured or stored, write a one-time ADMIN key to the data directory (off
 *                          with the prod profile)
 * @param requireStrongKeys refuse to start with a configured key shorter than 32 characters (on with the prod
 *                          profile)
 * @param allowedOrigins    browser origins allowed to call the API from other sites (CORS); none by default
 * @param jwt               where a token's claims name the principal, its team and its roles (JWT mode)
 * @param rateLimit         how many requests a principal may send
 */
public record SecuritySettings(@DefaultValue("api-keys") Mode mode,
                               @DefaultValue List<ConfiguredKey> apiKeys,
                               @DefaultValue("true") boolean bootstrapAdminKey,
                               @DefaultValue("false") boolean requireStrongKeys,
                               @DefaultValue List<String> allowedOrigins,
                               @DefaultValue Jwt jwt,
                               @DefaultValue RateLimit rateLimit) {

    public enum Mode { API_KEYS, JWT }

    public record ConfiguredKey(String key, String team, List<Role> roles, String name) {
    }

    /**
     * Where the principal's name, team and roles are in a token's claims.
     *
     * @param nameClaim  the claim naming the principal, the actor recorded on events
     * @param teamClaim  the claim naming the principal's team
     * @param rolesClaim the claim listing the principal's roles (a list, or one string separated by spaces or commas)
     */
    public record Jwt(@DefaultValue("sub") String nameClaim,
                      @DefaultValue("team") String teamClaim,
                      @DefaultValue("roles") String rolesClaim) {
    }

    /**
     * @param requestsPerMinute requests each principal (or, before authentication, each client address) may send per
     *                          minute, refilled continuously; over it 429 RATE_LIMITED with Retry-After
     */
    public record RateLimit(@DefaultValue("1200") long requestsPerMinute) {
    }
}
