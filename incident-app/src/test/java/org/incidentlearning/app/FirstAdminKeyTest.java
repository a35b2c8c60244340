package org.incidentlearning.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * A service started with no API key at all: the first start writes an ADMIN key for its operator, a later start
 * leaves it alone, and production refuses to start instead. The test keys are left out by naming only the service's
 * own configuration.
 */
class FirstAdminKeyTest {

    private static final String SERVICE_CONFIGURATION = "--spring.config.location=classpath:/application.yml";

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartWritesAnAdminKeyOnlyItsOwnerCanReadAndALaterStartKeepsIt() throws IOException {
        Path keyFile = dataDir.resolve("bootstrap-admin.key");
        String key;
        try (ConfigurableApplicationContext service = start()) {
            assertThat(keyFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            key = Files.readString(keyFile).strip();
            assertThat(key).hasSize(43);

            ServiceClient admin = client(service).withKey(key);
            var keys = admin.get("/api/admin/api-keys");
            assertThat(keys.status()).isEqualTo(200);
            assertThat(keys.json().path("items").findValuesAsText("createdBy")).containsExactly("bootstrap");
            assertThat(keys.json().path("items").get(0).path("roles").get(0).asText()).isEqualTo("ADMIN");
            var created = admin.post("/api/admin/api-keys", json("name", "operator", "roles", List.of("ADMIN")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(client(service).withKey(null).get("/api/admin/api-keys").status()).isEqualTo(401);
        }

        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(Files.readString(keyFile).strip()).isEqualTo(key);
            assertThat(client(restarted).withKey(key).get("/api/admin/api-keys").json().path("total").asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void productionWithoutAnyKeyRefusesToStart() {
        // However Spring Boot passes the refusal on, it tells the operator what to set.
        assertThatThrownBy(() -> start("--spring.profiles.active=prod").close())
                .hasStackTraceContaining("incident.security.api-keys");
        assertThat(dataDir.resolve("bootstrap-admin.key")).doesNotExist();
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new ArrayList<>(List.of(SERVICE_CONFIGURATION, "--server.port=0",
                "--incident.data-dir=" + dataDir));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(IncidentLearningApplication.class).run(arguments.toArray(String[]::new));
    }

    private static ServiceClient client(ConfigurableApplicationContext service) {
        return new ServiceClient("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort());
    }
}
