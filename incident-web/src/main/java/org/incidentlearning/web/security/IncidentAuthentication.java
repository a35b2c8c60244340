package org.incidentlearning.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: its principal and the roles as authorities. The credential itself is not kept. */
public final class IncidentAuthentication extends AbstractAuthenticationToken {

    private final IncidentPrincipal principal;

    public IncidentAuthentication(IncidentPrincipal principal) {
        super(principal.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public IncidentPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
