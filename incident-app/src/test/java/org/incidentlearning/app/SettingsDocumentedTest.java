package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md lists every {@code incident.*} setting with its default, as the modules' configuration metadata
 * (written by spring-boot-configuration-processor from the settings types) says, and no setting that does not exist.
 */
class SettingsDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(incident\\.[a-z0-9.\\-\\[\\]]+)` \\| ([^|]*) \\|",
            Pattern.MULTILINE);
    /** How the table shows a setting whose default is not one fixed value (none, or worked out at start). */
    private static final String NO_DEFAULT = "—";

    @Test
    void everySettingIsListedWithItsDefault() throws IOException {
        Map<String, String> declared = declaredSettings();
        assertThat(declared).as("settings found in the modules' metadata").containsKeys("incident.data-dir",
                "incident.max-request-bytes", "incident.command.cached-incidents", "incident.stream.max-clients");
        Map<String, String> documented = documentedSettings();
        assertThat(documented.keySet()).as("settings in docs/operations.md").isEqualTo(declared.keySet());
        declared.forEach((name, defaultValue) -> assertThat(documented.get(name)).as("default of " + name)
                .isEqualTo(defaultValue));
    }

    /** Every module's metadata on the class path: name to default, as docs/operations.md writes it. */
    private static Map<String, String> declaredSettings() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> settings = new TreeMap<>();
        for (URL file : Collections.list(SettingsDocumentedTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("incident.")) {
                        JsonNode value = property.path("defaultValue");
                        settings.put(name, value.isMissingNode() || value.isNull() ? NO_DEFAULT
                                : "`" + value.asText() + "`");
                    }
                }
            }
        }
        return settings;
    }

    private static Map<String, String> documentedSettings() throws IOException {
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        Map<String, String> settings = new TreeMap<>();
        Matcher row = ROW.matcher(operations);
        while (row.find()) {
            settings.put(row.group(1), row.group(2).trim());
        }
        return settings;
    }
}
