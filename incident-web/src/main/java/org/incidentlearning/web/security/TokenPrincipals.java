package org.incidentlearning.web.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.lang.NonNull;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * JWT mode: the principal's name, team and roles read from the identity provider's signed token. Roles may come as
 * a list or as one space- or comma-separated string; names the service does not know are ignored.
 */
public class TokenPrincipals implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt claims;

    public TokenPrincipals(SecuritySettings.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(@NonNull Jwt token) {
        String name = token.getClaimAsString(claims.nameClaim());
        String team = token.getClaimAsString(claims.teamClaim());
        Set<Role> roles = roles(token.getClaim(claims.rolesClaim()));
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("The token has no '" + claims.nameClaim() + "' claim");
        }
        if (name.length() > IncidentPrincipal.MAX_NAME) {
            throw new InvalidBearerTokenException("The token's '" + claims.nameClaim() + "' claim is longer than "
                                                  + IncidentPrincipal.MAX_NAME + " characters");
        }
        try {
            return new IncidentAuthentication(new IncidentPrincipal(name, team, roles));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token grants the TEAM role without a '" + claims.teamClaim()
                                                  + "' claim");
        }
    }

    private static Set<Role> roles(Object claim) {
        Stream<String> names;
        if (claim instanceof Collection<?> list) {
            names = list.stream().map(String::valueOf);
        } else if (claim instanceof String text) {
            names = Arrays.stream(text.split("[\\s,]+"));
        } else {
            names = Stream.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.map(name -> name.trim().toUpperCase(Locale.ROOT))
                .forEach(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name))
                        .forEach(roles::add));
        return roles;
    }
}
