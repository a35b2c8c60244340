package org.incidentlearning.web.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent a request, as authentication established it: a name recorded as the actor of every event it causes, the
 * team it belongs to (if any) and its roles.
 */
public record IncidentPrincipal(String name, String team, Set<Role> roles) {

    /** As long as a name the audit trail keeps (who created or revoked a key). */
    public static final int MAX_NAME = 200;

    public IncidentPrincipal {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("A principal needs a name of 1 to " + MAX_NAME + " characters");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (roles.contains(Role.TEAM) && (team == null || team.isBlank())) {
            throw new IllegalArgumentException("Principal '" + name + "' has the TEAM role but no team");
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The only team this principal may record for: its own team when it writes as a team; empty when it may record
     * for any team (a facilitator).
     */
    public Optional<String> recordsOnlyFor() {
        return has(Role.TEAM) && !has(Role.FACILITATOR) ? Optional.of(team) : Optional.empty();
    }
}
