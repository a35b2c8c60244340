package org.incidentlearning.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The same two stagings on PostgreSQL, where an identity value is also taken at insert time and commits of
 * different sessions overlap for real.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${no-skipped-events.postgres-url}",
        "spring.datasource.username=postgres", "spring.datasource.password=postgres",
        "incident.event-store.gap-timeout=PT1S"})
@ActiveProfiles("postgres")
class NoSkippedEventsOnPostgresTest extends NoSkippedEventsTest {

    static {
        try {
            // Started before the service's context reads its URL; its own shutdown hook stops it with the JVM.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            System.setProperty("no-skipped-events.postgres-url",
                    postgres.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
