package org.incidentlearning.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.incidentlearning.store.HashChainedAppend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ProblemAssertions.assertProblem;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * An append that waits for the store's append lock longer than {@code incident.event-store.lock-timeout} is answered
 * 503 STORE_BUSY with Retry-After, stores nothing, and goes through once sent again: on H2 and on PostgreSQL.
 */
class AppendLockTimeoutTest {

    @TempDir
    Path dataDir;

    @Test
    void aCommandStuckBehindTheAppendLockIsABusyStoreOnTheEmbeddedStore() throws Exception {
        busyStoreIsRetryable(List.of("--incident.data-dir=" + dataDir));
    }

    @Test
    void aCommandStuckBehindTheAppendLockIsABusyStoreOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*", "");
            busyStoreIsRetryable(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        }
    }

    private static void busyStoreIsRetryable(List<String> storeArguments) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--incident.event-store.lock-timeout=500ms"));
        arguments.addAll(storeArguments);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IncidentLearningApplication.class)
                .run(arguments.toArray(String[]::new))) {
            ServiceClient client = new ServiceClient("http://localhost:"
                    + ((WebServerApplicationContext) service).getWebServer().getPort());
            String incident = client.post("/api/incidents", json("title", "Busy store", "severity", "SEV3",
                    "startedAt", "2026-02-01T00:00:00Z", "teams", List.of("ops"))).id();
            String entry = json("occurredAt", "2026-02-01T00:05:00Z", "team", "ops", "kind", "ACTION",
                    "text", "Restarted the queue");

            try (Connection slowAppend = service.getBean(DataSource.class).getConnection()) {
                slowAppend.setAutoCommit(false);
                try (Statement lock = slowAppend.createStatement()) {
                    lock.executeQuery(HashChainedAppend.LOCK_APPENDS).close();
                }
                var busy = client.post("/api/incidents/" + incident + "/timeline-entries", entry,
                        "Idempotency-Key", "busy-1");
                assertProblem(busy, 503, "STORE_BUSY");
                assertThat(busy.header("Retry-After")).isEqualTo("1");
                slowAppend.rollback();
            }

            var events = client.withKey(ServiceClient.AUDITOR_KEY).get("/api/incidents/" + incident + "/events");
            assertThat(events.json().path("total").asLong()).as("nothing stored by the refused command").isEqualTo(1);
            var again = client.post("/api/incidents/" + incident + "/timeline-entries", entry,
                    "Idempotency-Key", "busy-1");
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            assertThat(again.version()).isEqualTo(2);
        }
    }
}
