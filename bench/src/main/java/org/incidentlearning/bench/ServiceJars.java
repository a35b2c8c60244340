package org.incidentlearning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The jars the service under test runs from: the service's own and the bare endpoint's. They are copies: a build
 * during a run repackages the jars, and a running JVM that loads a class from a replaced jar fails (a full run once
 * lost a request thread to NoClassDefFoundError that way).
 */
record ServiceJars(Path service, Path bareEndpoint) {

    static ServiceJars copiedFrom(Path repository) throws IOException {
        return new ServiceJars(copy(repository.resolve("incident-app/target/incident-app.jar")),
                copy(repository.resolve("bench/bare-endpoint/target/incident-bench-bare-endpoint.jar")));
    }

    private static Path copy(Path built) throws IOException {
        if (!Files.exists(built)) {
            throw new IllegalStateException(built + " is missing: build it first (bench/run does)");
        }
        Path copy = Files.createTempFile(built.getFileName().toString().replace(".jar", "-"), ".jar");
        copy.toFile().deleteOnExit();
        return Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
    }
}
