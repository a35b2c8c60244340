package org.incidentlearning.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the three deployable jars carry, class by class, nested jars included: the service's own code and no
 * benchmark code. Runs after {@code package} (failsafe), on the jars an operator runs.
 */
class ProductionJarsIT {

    private static final String OWN_CLASSES = "org/incidentlearning/";
    private static final String BENCHMARK_CLASSES = OWN_CLASSES + "bench/";

    @ParameterizedTest
    @ValueSource(strings = {"incident-app", "incident-command-node", "incident-query-node"})
    void aDeployableCarriesNoBenchmarkCode(String deployable) throws IOException {
        Path jar = Path.of("").toAbsolutePath().resolveSibling(deployable).resolve("target")
                .resolve(deployable + ".jar");
        assertThat(jar).as("the packaged deployable").isRegularFile();
        List<String> classes = new ArrayList<>();
        List<String> nestedJars = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().endsWith(".jar")) {
                    nestedJars.add(entry.getName());
                    try (InputStream nested = file.getInputStream(entry)) {
                        classes.addAll(ownClasses(nested));
                    }
                } else if (entry.getName().contains(OWN_CLASSES) && entry.getName().endsWith(".class")) {
                    classes.add(entry.getName());
                }
            }
        }
        assertThat(classes).as("the service's own classes in " + jar).isNotEmpty()
                .noneMatch(name -> name.contains(BENCHMARK_CLASSES));
        assertThat(nestedJars).as("the jars nested in " + jar).isNotEmpty()
                .noneMatch(name -> name.contains("incident-bench"));
    }

    private static List<String> ownClasses(InputStream jar) throws IOException {
        List<String> classes = new ArrayList<>();
        ZipInputStream entries = new ZipInputStream(jar);
        for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
            if (entry.getName().startsWith(OWN_CLASSES) && entry.getName().endsWith(".class")) {
                classes.add(entry.getName());
            }
        }
        return classes;
    }
}
