package org.incidentlearning.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The walk-through page as a reader follows it: the packaged jar started on a fresh store, every {@code sh} block of
 * {@code docs/walkthrough.md} run in order in one bash (so the ids it keeps in variables carry over), and every
 * {@code text} block right after one held against what the block printed. A page that drifts from the service fails
 * the build here instead of misleading the next reader. Runs after {@code package} (failsafe), since it needs the jar.
 */
class WalkthroughIT {

    /** Failsafe runs in the module's directory; the page lives at the repository's root. */
    private static final Path JAR = Path.of("target", "incident-app.jar");
    private static final Path PAGE = Path.of("..", "docs", "walkthrough.md");
    private static final String DOCUMENTED_ADDRESS = "localhost:8080";
    /** Stands for run-dependent text in a shown output (ids, hashes); a line of it alone stands for any lines. */
    private static final String ANY = "…";
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\n(.*?)^```\\n",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern HEADING = Pattern.compile("^#+ .*$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process service;
    private Process shell;
    private Path serviceLog;

    /** One shell block of the page, the heading it stands under, and the output the page shows for it, if any. */
    record ShellBlock(int number, String section, String script, String shownOutput) {
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : new Process[]{shell, service}) {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    @Test
    void everyShellBlockOfTheWalkthroughRunsAndAnswersWhatThePageShows() throws Exception {
        assertThat(JAR).as("the packaged service; this test runs after package").isRegularFile();
        List<ShellBlock> blocks = shellBlocks(Files.readString(PAGE));
        assertThat(blocks).as("shell blocks of " + PAGE).isNotEmpty();
        assertThat(blocks).as("shell blocks with the output they print").anyMatch(b -> b.shownOutput() != null);

        Path workdir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "walkthrough-")
                .toAbsolutePath();
        int port = freePort();
        startService(workdir, port);

        String marker = "@@walkthrough-" + UUID.randomUUID();
        Map<String, String> outputs = run(blocks, marker, workdir, port);
        for (ShellBlock block : blocks) {
            String output = outputs.get(Integer.toString(block.number()));
            String next = block.number() + 1 < blocks.size() ? Integer.toString(block.number() + 1) : "end";
            if (output == null || !outputs.containsKey(next)) {
                fail(report("failed (bash exited with " + shell.exitValue() + ")", block, output));
            }
            if (block.shownOutput() != null && !shows(output, block.shownOutput())) {
                fail(report("printed what the page does not show", block, output));
            }
        }
    }

    /** The page's {@code sh} blocks in order; a {@code text} block right after one is the output it shows. */
    static List<ShellBlock> shellBlocks(String page) {
        record Fenced(String language, String body, int start, int end) {
        }
        List<Fenced> fenced = new ArrayList<>();
        Matcher matcher = FENCE.matcher(page);
        while (matcher.find()) {
            fenced.add(new Fenced(matcher.group(1), matcher.group(2), matcher.start(), matcher.end()));
        }
        List<ShellBlock> blocks = new ArrayList<>();
        String section = "";
        for (int i = 0; i < fenced.size(); i++) {
            // Headings are looked for between blocks only: a shown Markdown document has headings of its own.
            Matcher heading = HEADING.matcher(page.substring(i == 0 ? 0 : fenced.get(i - 1).end(),
                    fenced.get(i).start()));
            while (heading.find()) {
                section = heading.group();
            }
            if (!fenced.get(i).language().equals("sh")) {
                continue;
            }
            String shown = null;
            if (i + 1 < fenced.size() && fenced.get(i + 1).language().equals("text")
                && page.substring(fenced.get(i).end(), fenced.get(i + 1).start()).isBlank()) {
                shown = fenced.get(i + 1).body();
            }
            blocks.add(new ShellBlock(blocks.size(), section, fenced.get(i).body(), shown));
        }
        return blocks;
    }

    /** Every shown line appears in the output in the same order, each as a whole line; {@code …} matches any text. */
    static boolean shows(String output, String shownOutput) {
        List<String> lines = output.lines().map(String::stripTrailing).toList();
        int next = 0;
        for (String shown : shownOutput.lines().map(String::stripTrailing).toList()) {
            if (shown.strip().equals(ANY)) {
                continue;
            }
            Pattern line = Pattern.compile(Pattern.quote(shown).replace(ANY, "\\E.*\\Q"));
            while (next < lines.size() && !line.matcher(lines.get(next)).matches()) {
                next++;
            }
            if (next == lines.size()) {
                return false;
            }
            next++;
        }
        return true;
    }

    private void startService(Path workdir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        serviceLog = workdir.resolve("service.log");
        // Started in the work directory, so no config/ folder of the module or the repository is picked up: the jar
        // runs as a reader runs it, with the first ADMIN key it writes to data/bootstrap-admin.key.
        service = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--incident.data-dir=" + workdir.resolve("data"))
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(serviceLog.toFile())
                .start();
        await("the service's health").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(service.isAlive()).as("the service is running; its log:%n%s", serviceLogTail())
                            .isTrue();
                    return healthy(port);
                });
    }

    private boolean healthy(int port) throws InterruptedException {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /**
     * Runs the blocks in one bash, each under {@code set -euo pipefail} and after a line with the marker and its
     * number, so a block that fails leaves the next marker out. Answers each block's output (stdout and stderr, in
     * the order written) by its number, and "end" once the last block finished.
     */
    private Map<String, String> run(List<ShellBlock> blocks, String marker, Path workdir, int port)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (ShellBlock block : blocks) {
            // The marker starts a line of its own even when the block before ended without a newline.
            script.append("set -euo pipefail\nprintf '\\n%s %s\\n' '").append(marker).append("' ")
                    .append(block.number()).append('\n')
                    .append(block.script().replace(DOCUMENTED_ADDRESS, "localhost:" + port)).append('\n');
        }
        script.append("printf '\\n%s end\\n' '").append(marker).append("'\n");
        Path scriptFile = Files.writeString(workdir.resolve("walkthrough.sh"), script);
        Path outputFile = workdir.resolve("walkthrough.out");
        shell = new ProcessBuilder("bash", scriptFile.toString())
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!shell.waitFor(5, TimeUnit.MINUTES)) {
            fail("The walk-through's blocks did not finish within 5 minutes; output so far in " + outputFile);
        }
        Map<String, String> outputs = new HashMap<>();
        String[] parts = Files.readString(outputFile).split("\n" + Pattern.quote(marker) + " ", -1);
        for (int i = 1; i < parts.length; i++) {
            int endOfNumber = parts[i].indexOf('\n');
            String number = endOfNumber < 0 ? parts[i] : parts[i].substring(0, endOfNumber);
            outputs.put(number, endOfNumber < 0 ? "" : parts[i].substring(endOfNumber + 1));
        }
        return outputs;
    }

    private String report(String what, ShellBlock block, String output) {
        return "Shell block " + (block.number() + 1) + " of " + PAGE.normalize() + " (under '" + block.section()
               + "') " + what + ".\n--- block:\n"
               + block.script() + "--- its output:\n" + (output == null ? "(none: an earlier block stopped the run)"
                                                                     : output)
               + (block.shownOutput() == null ? "" : "\n--- the page shows:\n" + block.shownOutput())
               + "\n--- service log (end):\n" + serviceLogTail();
    }

    private String serviceLogTail() {
        try {
            List<String> lines = Files.readAllLines(serviceLog);
            return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                    .collect(Collectors.joining("\n"));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
