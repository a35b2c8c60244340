package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * JWT mode: the identity provider's signed token is the credential, and its claims name the principal, its team and
 * its roles. The provider here is this test, holding the private half of the key the service trusts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"incident.data-dir=target/test-data/jwt-${random.uuid}", "incident.security.mode=jwt"})
class JwtModeTest {

    private static final KeyPair PROVIDER = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();

    @LocalServerPort
    int port;

    ServiceClient service;

    @DynamicPropertySource
    static void trustTheProvider(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("jwt-provider-", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(PROVIDER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @BeforeEach
    void connect() {
        service = new ServiceClient("http://localhost:" + port).withKey(null);
    }

    @Test
    void aTeamTokenRecordsInItsTeamsNameAndItsSubjectIsTheActor() {
        ServiceClient alice = service.withKey(token(claims("alice").claim("team", "checkout")
                .claim("roles", List.of("TEAM")).build(), PROVIDER.getPrivate()));
        var declared = alice.post("/api/incidents", json("title", "Checkout down", "severity", "SEV2",
                "startedAt", "2026-03-02T09:00:00Z", "teams", List.of("checkout")));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        String base = "/api/incidents/" + declared.id();
        assertThat(alice.post(base + "/timeline-entries", entry("checkout")).status()).isEqualTo(201);
        var refused = alice.post(base + "/timeline-entries", entry("security"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("NOT_YOUR_TEAM");

        ServiceClient auditor = service.withKey(token(claims("audit-bot").claim("roles", List.of("AUDITOR")).build(),
                PROVIDER.getPrivate()));
        JsonNode events = auditor.get(base + "/events").json();
        assertThat(StreamSupport.stream(events.path("items").spliterator(), false)
                .map(event -> event.path("metadata").path("actor").asText()))
                .containsExactly("alice", "alice");
    }

    @Test
    void rolesMayComeAsOneString() {
        ServiceClient board = service.withKey(token(claims("board").claim("roles", "auditor dashboard").build(),
                PROVIDER.getPrivate()));
        assertThat(board.get("/api/incidents").status()).isEqualTo(200);
        assertThat(board.get("/api/events").status()).isEqualTo(200);
        var write = board.post("/api/incidents", json("title", "t", "severity", "SEV3",
                "startedAt", "2026-03-02T09:00:00Z", "teams", List.of("ops")));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().path("code").asText()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        // Well past the clock skew the service tolerates.
        JWTClaimsSet expired = claims("alice").claim("team", "checkout").claim("roles", List.of("TEAM"))
                .issueTime(Date.from(anHourAgo)).expirationTime(Date.from(anHourAgo.plus(Duration.ofMinutes(5))))
                .build();
        assertRefused(service.withKey(token(expired, PROVIDER.getPrivate())));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertRefused(service.withKey(token(claims("mallory").claim("roles", List.of("ADMIN", "AUDITOR")).build(),
                STRANGER.getPrivate())));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String unsigned = new PlainJWT(claims("mallory").claim("roles", List.of("AUDITOR")).build()).serialize();
        assertThat(unsigned).startsWith(Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)));
        assertRefused(service.withKey(unsigned));
    }

    @Test
    void aTeamTokenWithoutATeamIsRefused() {
        assertRefused(service.withKey(token(claims("bob").claim("roles", List.of("TEAM")).build(),
                PROVIDER.getPrivate())));
    }

    @Test
    void aConfiguredApiKeyIsNoCredentialInJwtMode() {
        assertRefused(service.withKey(ServiceClient.FACILITATOR_KEY));
    }

    private static void assertRefused(ServiceClient client) {
        var answer = client.get("/api/incidents");
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String token(JWTClaimsSet claims, PrivateKey signingKey) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String entry(String team) {
        return json("occurredAt", "2026-03-02T09:20:00Z", "team", team, "kind", "ACTION", "text", "Rolled back");
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
