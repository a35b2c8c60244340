package org.incidentlearning.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code incident.security.*}: how requests are authenticated and limited.
 *
 * @param mode              {@code api-keys} (keys from configuration and from {@code /api/admin/api-keys}) or
 *                          {@code jwt} (an identity provider's signed tokens)
 * @param apiKeys           keys given as configuration: {@code api-keys[i].key}, {@code .team}, {@code .roles},
 *                          optionally {@code .name} (the actor recorded on events)
 * @param bootstrapAdminKey with no key at all, write a one-time ADMIN key to the data directory (off in production)
 * @param requireStrongKeys refuse to start with configured keys shorter than {@link ApiKeys#STRONG_KEY_LENGTH}
 * @param allowedOrigins    browser origins allowed to call the API from other sites (CORS); none by default
 */
@ConfigurationProperties("incident.security")
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

    /** Where the principal's name, team and roles are in a token's claims. */
    public record Jwt(@DefaultValue("sub") String nameClaim,
                      @DefaultValue("team") String teamClaim,
                      @DefaultValue("roles") String rolesClaim) {
    }

    /** Requests each principal (or, before authentication, each client address) may send per minute. */
    public record RateLimit(@DefaultValue("1200") long requestsPerMinute) {
    }
}
