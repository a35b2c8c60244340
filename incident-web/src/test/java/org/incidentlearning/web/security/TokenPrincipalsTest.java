package org.incidentlearning.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a token's claims become the principal: name, team and roles, wherever the identity provider puts them. */
class TokenPrincipalsTest {

    private final TokenPrincipals standard = new TokenPrincipals(new SecuritySettings.Jwt("sub", "team", "roles"));

    @Test
    void rolesGivenAsAListAreTheRolesOfTheNamedTeamMember() {
        AbstractAuthenticationToken alice = standard.convert(token(claims -> claims.subject("alice")
                .claim("team", "checkout").claim("roles", List.of("TEAM", "AUDITOR"))));

        assertThat(alice.getPrincipal()).isEqualTo(new IncidentPrincipal("alice", "checkout",
                Set.of(Role.TEAM, Role.AUDITOR)));
        assertThat(alice.getName()).isEqualTo("alice");
        assertThat(alice.isAuthenticated()).isTrue();
        assertThat(alice.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_TEAM", "ROLE_AUDITOR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auditor dashboard", "auditor,dashboard", " Auditor ,  DASHBOARD ", "AUDITOR\tdashboard"})
    void rolesGivenAsOneStringAreSplitOnSpacesAndCommasWhateverTheirCase(String roles) {
        assertThat(principal(standard, claims -> claims.subject("board").claim("roles", roles)).roles())
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.DASHBOARD);
    }

    @Test
    void rolesTheServiceDoesNotKnowAreIgnored() {
        assertThat(principal(standard, claims -> claims.subject("carol")
                .claim("roles", List.of("superuser", "offline_access", "AUDITOR", "ROLE_ADMIN"))).roles())
                .containsExactly(Role.AUDITOR);
        assertThat(principal(standard, claims -> claims.subject("dave").claim("roles", "root admins")).roles())
                .isEmpty();
    }

    @Test
    void aTokenWithoutRolesGrantsNone() {
        IncidentPrincipal erin = principal(standard, claims -> claims.subject("erin").claim("team", "checkout"));
        assertThat(erin.roles()).isEmpty();
        assertThat(erin.team()).isEqualTo("checkout");
    }

    @Test
    void aTokenWithoutASubjectIsRefused() {
        assertThatThrownBy(() -> standard.convert(token(claims -> claims.claim("roles", List.of("AUDITOR")))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("'sub'");
        assertThatThrownBy(() -> standard.convert(token(claims -> claims.subject(" ")
                .claim("roles", List.of("AUDITOR")))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aSubjectLongerThanTheAuditTrailKeepsIsRefused() {
        String longest = "s".repeat(IncidentPrincipal.MAX_NAME);

        assertThat(principal(standard, claims -> claims.subject(longest).claim("roles", List.of("AUDITOR"))).name())
                .isEqualTo(longest);
        assertThatThrownBy(() -> standard.convert(token(claims -> claims.subject(longest + "s")
                .claim("roles", List.of("AUDITOR")))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("longer than " + IncidentPrincipal.MAX_NAME);
    }

    @Test
    void aTeamRoleWithoutATeamIsRefused() {
        assertThatThrownBy(() -> standard.convert(token(claims -> claims.subject("bob")
                .claim("roles", List.of("TEAM")))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("'team'");
    }

    @Test
    void claimNamesAreTheIdentityProvidersOwn() {
        TokenPrincipals keycloak = new TokenPrincipals(new SecuritySettings.Jwt("preferred_username", "group",
                "scope"));

        IncidentPrincipal frank = principal(keycloak, claims -> claims.subject("f-1234")
                .claim("preferred_username", "frank").claim("group", "security").claim("scope", "openid team")
                .claim("team", "checkout").claim("roles", List.of("ADMIN")));

        assertThat(frank).isEqualTo(new IncidentPrincipal("frank", "security", Set.of(Role.TEAM)));
    }

    private static IncidentPrincipal principal(TokenPrincipals principals, Consumer<Jwt.Builder> claims) {
        return (IncidentPrincipal) principals.convert(token(claims)).getPrincipal();
    }

    /** A decoded token with the given claims; its signature was the decoder's business, before conversion. */
    private static Jwt token(Consumer<Jwt.Builder> claims) {
        Jwt.Builder token = Jwt.withTokenValue("token").header("alg", "RS256")
                .issuedAt(Instant.parse("2026-03-02T09:00:00Z"));
        claims.accept(token);
        return token.build();
    }
}
