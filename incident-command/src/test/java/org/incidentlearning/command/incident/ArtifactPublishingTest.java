package org.incidentlearning.command.incident;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.incidentlearning.kernel.artifact.ArtifactPublishedEvent;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.artifact.PublishArtifactCommand;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.AnalysisClosedEvent;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** Publishing an artifact on the {@link Incident}: recorded once per content, never ahead of the incident. */
class ArtifactPublishingTest {

    private static final String INCIDENT = "inc-1";
    private static final Instant STARTED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant RENDERED = Instant.parse("2026-11-24T10:00:00Z");
    private static final String HASH = "a".repeat(64);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static IncidentDeclaredEvent declared() {
        return new IncidentDeclaredEvent(INCIDENT, "Checkout outage", Severity.SEV2, STARTED, null,
                "Payments failed", List.of("payments"), List.of("checkout-api"));
    }

    private static PublishArtifactCommand publish(String artifactId, Audience audience, String hash) {
        return new PublishArtifactCommand(INCIDENT, artifactId, "record-keeper", 1, audience, hash, 1, RENDERED);
    }

    private static ArtifactPublishedEvent published(String artifactId, Audience audience, String hash) {
        return new ArtifactPublishedEvent(INCIDENT, artifactId, "record-keeper", 1, audience, hash, 1, RENDERED);
    }

    @Test
    void publishingRecordsTheRenderingsInputsAndHash() {
        fixture.given(declared())
                .when(publish("art-1", Audience.EXECUTIVE, HASH))
                .expectEvents(published("art-1", Audience.EXECUTIVE, HASH))
                .expectResultMessagePayload(new CommandResult("art-1", 2, true));
    }

    @Test
    void publishingTheSameContentAgainAnswersTheFirstPublication() {
        fixture.given(declared(), published("art-1", Audience.EXECUTIVE, HASH))
                .when(publish("art-2", Audience.EXECUTIVE, HASH))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult("art-1", 2, false));
    }

    @Test
    void otherContentOrAnotherAudienceIsPublishedAnew() {
        fixture.given(declared(), published("art-1", Audience.EXECUTIVE, HASH))
                .when(publish("art-2", Audience.CUSTOMER, HASH))
                .expectEvents(published("art-2", Audience.CUSTOMER, HASH));
        fixture.given(declared(), published("art-1", Audience.EXECUTIVE, HASH))
                .when(publish("art-3", Audience.EXECUTIVE, "b".repeat(64)))
                .expectEvents(published("art-3", Audience.EXECUTIVE, "b".repeat(64)));
    }

    @Test
    void publishingIsAllowedAfterTheAnalysisClosed() {
        fixture.given(declared(), new AnalysisClosedEvent(INCIDENT, "We learned enough"))
                .when(new PublishArtifactCommand(INCIDENT, "art-1", "record-keeper", 1, Audience.ENGINEERING, HASH,
                        2, RENDERED))
                .expectEvents(new ArtifactPublishedEvent(INCIDENT, "art-1", "record-keeper", 1,
                        Audience.ENGINEERING, HASH, 2, RENDERED));
    }

    @Test
    void aRenderingOfAVersionTheIncidentHasNotReachedIsRefused() {
        fixture.given(declared())
                .when(new PublishArtifactCommand(INCIDENT, "art-1", "record-keeper", 1, Audience.ENGINEERING, HASH,
                        5, RENDERED))
                .expectNoEvents()
                .expectException(IncidentRejection.class)
                .expectExceptionMessage(containsString("beyond incident inc-1's version 1"));
    }

    @Test
    void aTeamNotInvolvedMayNotPublish() {
        fixture.given(declared())
                .when(publish("art-1", Audience.CUSTOMER, HASH), MetaData.with(CommandMetadata.ACTING_TEAM, "marketing"))
                .expectNoEvents()
                .expectException(IncidentRejection.class);
    }

    @Test
    void aContentHashMustBeASha256() {
        assertThatThrownBy(() -> publish("art-1", Audience.CUSTOMER, "not-a-hash"))
                .isInstanceOf(IncidentRejection.class).hasMessageContaining("SHA-256");
    }
}
