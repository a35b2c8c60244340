package org.incidentlearning.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * The dashboard page in a real browser: Debian's chromium, driven by its chromedriver. The article's story is posted
 * over the API; the page shows the hot-spot chart, the map's nodes and edges and the declined remediation, and a
 * new incident arrives on the chart without a reload. A screenshot is kept in {@code target/dashboard.png}.
 * <p>
 * Without chromium the test cannot run: it says so on standard error and is skipped, except under CI
 * (environment variable {@code CI}), where it fails. {@code .ci/run} installs chromium and chromium-driver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/dashboard-${random.uuid}")
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "DashboardBrowserTest needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                             + CHROMEDRIVER + "): apt-get install chromium chromium-driver, as .ci/run does";
            System.err.println("\n!!!!! " + message + " !!!!!\n");
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theStoryShowsOnTheChartAndTheMapAndANewIncidentArrivesLive() throws Exception {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        String id = client.post("/api/incidents", json("title", "Deploy failed after netlib change", "severity",
                "SEV2", "startedAt", "2026-03-02T09:00:00Z", "teams", List.of("checkout", "security"),
                "components", List.of("checkout-api", "netlib"))).id();
        String base = "/api/incidents/" + id;
        client.post(base + "/linkages", json("kind", "TECHNICAL", "from", "checkout-api", "to", "netlib",
                "description", "Loads the legacy options", "believedAbsent", true));
        client.post(base + "/linkages", json("kind", "SOCIAL", "from", "security", "to", "checkout",
                "description", "Security must know who uses which version"));
        var migrate = client.post(base + "/remediations", json("team", "checkout", "description",
                "Migrate off the legacy options"));
        client.post(base + "/remediations/" + migrate.id() + "/decline", json("rationale", "A quarter of work",
                "acceptedRisk", "Short outages", "revisitBy", "2026-09-01"));
        assertThat(client.get("/api/map").status()).isEqualTo(200);

        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/index.html");
        browser.findElement(By.id("key")).sendKeys(ServiceClient.DASHBOARD_KEY);
        browser.findElement(By.id("show")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        WebElement hotspots = browser.findElement(By.id("hotspots"));
        wait.until(page -> "2".equals(hotspots.getDomAttribute("data-series")));
        assertThat(hotspots.findElements(By.tagName("canvas"))).as("the chart is drawn").isNotEmpty();
        WebElement map = browser.findElement(By.id("map"));
        wait.until(page -> map.getDomAttribute("data-nodes") != null);
        assertThat(Integer.parseInt(map.getDomAttribute("data-nodes"))).as("checkout-api, netlib, security, checkout")
                .isEqualTo(4);
        assertThat(Integer.parseInt(map.getDomAttribute("data-edges"))).isEqualTo(2);
        assertThat(map.findElements(By.tagName("canvas"))).isNotEmpty();
        wait.until(page -> browser.findElement(By.id("ledger")).getText().contains("Migrate off the legacy options"));
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("Short outages", "2026-09-01");
        wait.until(page -> browser.findElement(By.id("live-status")).getText().equals("Live"));

        client.post("/api/incidents", json("title", "Search slow", "severity", "SEV3", "startedAt",
                "2026-03-04T09:00:00Z", "teams", List.of("search"), "components", List.of("search-api")));
        wait.until(page -> browser.findElement(By.id("hotspot-keys")).getText().contains("search-api"));
        assertThat(hotspots.getDomAttribute("data-series")).as("arrived without a reload").isEqualTo("3");
        assertThat(Integer.parseInt(browser.findElement(By.id("live-status")).getDomAttribute("data-updates")))
                .isPositive();

        File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(screenshot.toPath(), Path.of("target/dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(Path.of("target/dashboard.png"))).isPositive();
    }
}
