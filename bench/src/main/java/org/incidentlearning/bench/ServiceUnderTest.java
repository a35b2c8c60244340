package org.incidentlearning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code incident-app.jar}) in a process of its own on loopback, as an operator runs it, with
 * a benchmark key (every role a load needs), a rate limit no load reaches, and the bare endpoint: its jar is loaded
 * beside the service's by Spring Boot's {@code PropertiesLauncher} ({@code loader.path}), so the service's own jar
 * carries no benchmark code.
 */
final class ServiceUnderTest implements AutoCloseable {

    static final String KEY = "bench-key-" + "0123456789abcdef0123456789abcdef";
    /** Starts the jar's own main class with more jars on its class path. */
    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Process process;
    private final int port;

    private ServiceUnderTest(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServiceUnderTest start(ServiceJars jars, List<String> storeArguments, Path log) throws IOException,
            InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", jars.service().toString(), "-Dloader.path=" + jars.bareEndpoint(), PROPERTIES_LAUNCHER,
                "--server.port=" + port, "--incident.node-id=bench",
                "--incident.security.api-keys[0].key=" + KEY, "--incident.security.api-keys[0].name=bench",
                "--incident.security.api-keys[0].roles=ADMIN,FACILITATOR,AUDITOR",
                "--incident.security.rate-limit.requests-per-minute=1000000000",
                "--incident.max-import-bytes=" + (64L << 30)));
        command.addAll(storeArguments);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceUnderTest service = new ServiceUnderTest(process, port);
        service.awaitHealthy(Duration.ofMinutes(5), log);
        return service;
    }

    ServiceClient client() {
        return new ServiceClient(base(), KEY);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy(Duration timeout, Path log) throws InterruptedException {
        ServiceClient client = client();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during start-up; see " + log);
            }
            try {
                if (client.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service was not healthy within " + timeout + "; see " + log);
    }

    /** Waits until the service's process ends. */
    void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
