package org.incidentlearning.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** API keys from configuration and from the store: who a key stands for, and which configurations are refused. */
class ApiKeysTest {

    private static final String CHECKOUT_KEY = "checkout-key-0123456789abcdef0123456789";
    private static final String AUDITOR_KEY = "auditor-key-0123456789abcdef0123456789ab";

    private final StoredApiKeys stored = mock(StoredApiKeys.class);

    @Test
    void theRightKeyAuthenticatesAsItsConfiguredPrincipal() {
        ApiKeys keys = new ApiKeys(List.of(team(CHECKOUT_KEY, "checkout", "checkout-ci"),
                new SecuritySettings.ConfiguredKey(AUDITOR_KEY, null, List.of(Role.AUDITOR, Role.DASHBOARD),
                        "auditor")), true, stored);

        Authentication checkout = keys.authenticate(new BearerTokenAuthenticationToken(CHECKOUT_KEY));
        assertThat(checkout.isAuthenticated()).isTrue();
        assertThat(checkout.getPrincipal()).isEqualTo(new IncidentPrincipal("checkout-ci", "checkout",
                Set.of(Role.TEAM)));
        assertThat(checkout.getName()).isEqualTo("checkout-ci");
        assertThat(authorities(checkout)).containsExactly("ROLE_TEAM");

        Authentication auditor = keys.authenticate(new BearerTokenAuthenticationToken(AUDITOR_KEY));
        assertThat(auditor.getPrincipal()).isEqualTo(new IncidentPrincipal("auditor", null,
                Set.of(Role.AUDITOR, Role.DASHBOARD)));
        assertThat(authorities(auditor)).containsExactlyInAnyOrder("ROLE_AUDITOR", "ROLE_DASHBOARD");
    }

    @Test
    void aStoredKeyAuthenticatesAsItsStoredPrincipal() {
        String key = ApiKeys.newKey();
        IncidentPrincipal payments = new IncidentPrincipal("payments-ci", "payments", Set.of(Role.TEAM));
        when(stored.activeByHash(sha256(key))).thenReturn(Optional.of(payments));
        ApiKeys keys = new ApiKeys(List.of(team(CHECKOUT_KEY, "checkout", "checkout-ci")), true, stored);

        assertThat(keys.authenticate(new BearerTokenAuthenticationToken(key)).getPrincipal()).isEqualTo(payments);
    }

    @Test
    void aWrongKeyIsRefused() {
        ApiKeys keys = new ApiKeys(List.of(team(CHECKOUT_KEY, "checkout", "checkout-ci")), true, stored);

        assertThatThrownBy(() -> keys.authenticate(new BearerTokenAuthenticationToken(AUDITOR_KEY)))
                .isInstanceOf(InvalidBearerTokenException.class);
        String oneCharacterOff = CHECKOUT_KEY.substring(0, CHECKOUT_KEY.length() - 1) + "X";
        assertThatThrownBy(() -> keys.authenticate(new BearerTokenAuthenticationToken(oneCharacterOff)))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> keys.authenticate(new BearerTokenAuthenticationToken(CHECKOUT_KEY + "0")))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aCredentialThatIsNoBearerTokenIsRefused() {
        ApiKeys keys = new ApiKeys(List.of(team(CHECKOUT_KEY, "checkout", "checkout-ci")), true, stored);

        assertThatThrownBy(() -> keys.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("checkout-ci", CHECKOUT_KEY)))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has a space-0123456789abcdef0123456", "quote\"0123456789abcdef0123456789ab",
            "ümlaut-0123456789abcdef0123456789abc", "=leading-padding-0123456789abcdef0123", ""})
    void aKeyThatCouldNotBeSentAsABearerTokenIsRefusedAtStartUp(String key) {
        assertThatThrownBy(() -> new ApiKeys(List.of(team(key, "checkout", "checkout-ci")), false, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incident.security.api-keys[0].key");
    }

    @Test
    void aKeyWithoutRolesIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiKeys(List.of(team(CHECKOUT_KEY, "checkout", "checkout-ci"),
                new SecuritySettings.ConfiguredKey(AUDITOR_KEY, null, List.of(), "auditor")), false, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incident.security.api-keys[1].roles");
        assertThatThrownBy(() -> new ApiKeys(List.of(new SecuritySettings.ConfiguredKey(AUDITOR_KEY, null, null,
                "auditor")), false, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incident.security.api-keys[0].roles");
    }

    @Test
    void aTeamKeyWithoutItsTeamIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiKeys(List.of(team(CHECKOUT_KEY, null, "checkout-ci")), false, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incident.security.api-keys[0]")
                .hasMessageContaining(".team");
        assertThatThrownBy(() -> new ApiKeys(List.of(team(CHECKOUT_KEY, " ", "checkout-ci")), false, stored))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameKeyTwiceIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiKeys(List.of(team(CHECKOUT_KEY, "checkout", "checkout-ci"),
                team(CHECKOUT_KEY, "security", "security-ci")), false, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incident.security.api-keys[1].key");
    }

    @Test
    void theSameNameTwiceIsRefusedAtStartUp() {
        // The name is the actor on every event: two keys under one name could not be told apart in the audit trail.
        assertThatThrownBy(() -> new ApiKeys(List.of(team(CHECKOUT_KEY, "checkout", "ci"),
                team(AUDITOR_KEY, "security", "ci")), false, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incident.security.api-keys[1].name");
    }

    @Test
    void aShortKeyIsRefusedOnlyWhenStrongKeysAreRequired() {
        String shortKey = "x".repeat(ApiKeys.STRONG_KEY_LENGTH - 1);
        List<SecuritySettings.ConfiguredKey> configured = List.of(team(shortKey, "checkout", "checkout-ci"));

        assertThatThrownBy(() -> new ApiKeys(configured, true, stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shorter than " + ApiKeys.STRONG_KEY_LENGTH);
        ApiKeys trial = new ApiKeys(configured, false, stored);
        assertThat(trial.authenticate(new BearerTokenAuthenticationToken(shortKey)).getName()).isEqualTo("checkout-ci");
        assertThatCode(() -> new ApiKeys(List.of(team("x".repeat(ApiKeys.STRONG_KEY_LENGTH), "checkout",
                "checkout-ci")), true, stored)).doesNotThrowAnyException();
    }

    @Test
    void aKeyWithoutANameIsNamedAfterItsTeamOrFirstRoleAndItsHash() {
        ApiKeys keys = new ApiKeys(List.of(team(CHECKOUT_KEY, "checkout", null),
                new SecuritySettings.ConfiguredKey(AUDITOR_KEY, null, List.of(Role.AUDITOR, Role.DASHBOARD), " ")),
                false, stored);

        assertThat(keys.authenticate(new BearerTokenAuthenticationToken(CHECKOUT_KEY)).getName())
                .isEqualTo("checkout-key-" + sha256(CHECKOUT_KEY).substring(0, 8));
        assertThat(keys.authenticate(new BearerTokenAuthenticationToken(AUDITOR_KEY)).getName())
                .isEqualTo("auditor-key-" + sha256(AUDITOR_KEY).substring(0, 8));
    }

    @Test
    void newKeysAreDistinctUrlSafeAndFortyThreeCharactersLong() {
        List<String> generated = IntStream.range(0, 200).mapToObj(i -> ApiKeys.newKey()).toList();

        assertThat(generated).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).hasSize(43).matches("[A-Za-z0-9_-]+"));
        assertThatCode(() -> new ApiKeys(List.of(team(generated.get(0), "checkout", "checkout-ci")), true, stored))
                .as("a generated key is a strong bearer token")
                .doesNotThrowAnyException();
    }

    @Test
    void aKeyIsKeptAsTheHexOfItsSha256() {
        assertThat(ApiKeys.hashOf(CHECKOUT_KEY)).isEqualTo(sha256(CHECKOUT_KEY)).hasSize(64);
    }

    private static SecuritySettings.ConfiguredKey team(String key, String team, String name) {
        return new SecuritySettings.ConfiguredKey(key, team, List.of(Role.TEAM), name);
    }

    private static List<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toList());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
