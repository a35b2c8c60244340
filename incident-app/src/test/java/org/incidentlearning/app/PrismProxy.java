package org.incidentlearning.app;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Stoplight Prism in proxy mode on a free loopback port: it forwards every request to the service and reports, in
 * each answer's {@code sl-violations} header, where the request or the answer contradicts the OpenAPI document it was
 * started with. It is installed, locked, in {@code .ci/openapi-contract} ({@code .ci/run} installs it).
 */
final class PrismProxy implements AutoCloseable {

    /** From the module's directory, where the tests run. */
    private static final Path INSTALLATION = Path.of("..", ".ci", "openapi-contract");
    private static final Path EXECUTABLE = INSTALLATION.resolve(Path.of("node_modules", ".bin", "prism"));
    private static final String LOOPBACK = "127.0.0.1";

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private PrismProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://" + LOOPBACK + ":" + port;
    }

    /**
     * Skips the calling test when Prism is not installed, with a message saying how to install it; under CI
     * (environment variable {@code CI}) it fails instead, so a broken installation cannot pass for a clean run.
     */
    static void assumeInstalled() {
        if (Files.isExecutable(EXECUTABLE)) {
            return;
        }
        String message = "The API contract test needs Stoplight Prism in " + EXECUTABLE.normalize() + ": install it "
                         + "with (cd .ci/openapi-contract && npm ci --ignore-scripts), as .ci/run does";
        System.err.println("\n!!!!! " + message + " !!!!!\n");
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    /** Starts Prism between its clients and {@code upstream}, validating against {@code document}. */
    static PrismProxy start(Path document, String upstream, Path log) {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(List.of(EXECUTABLE.toString(), "proxy", document.toString(), upstream,
                    "--host", LOOPBACK, "--port", Integer.toString(port),
                    // Prism would answer preflights itself and add CORS headers the service never sent.
                    "--cors=false",
                    // Violations are reported, not turned into Prism's own error answers: the client gets the
                    // service's answer, and an invalid request still reaches the service.
                    "--errors=false"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PrismProxy prism = new PrismProxy(process, log, port);
            await("Prism listening on port " + port).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || listening(port));
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism stopped before it listened:\n" + prism.output());
            }
            return prism;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + EXECUTABLE, e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** What Prism wrote so far: its log of requests and violations, or why it failed. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
