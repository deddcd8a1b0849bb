package org.prisonwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.Keys;

/**
 * The reporters' page in Debian's Chromium, headless, against the running service: a submission online, one made
 * offline that waits sealed through a browser restart, refusals, the PIN, the wipe, accessibility and screenshots.
 * Run once per CI run (on H2): tagged "browser". Without Debian's chromium and chromium-driver it is skipped, unless
 * PRISONWATCH_REQUIRE_BROWSER=true (as in CI), where it fails.
 */
@QuarkusTest
@Tag("browser")
class ReporterPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/report/")
    URL page;

    @Inject
    Database database;

    private final List<ChromeDriver> drivers = new ArrayList<>();
    private Path profile;

    @BeforeEach
    void needsChromium() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("PRISONWATCH_REQUIRE_BROWSER"))) {
            throw new AssertionError("Debian's chromium and chromium-driver are needed: apt-get install chromium "
                    + "chromium-driver");
        }
        assumeTrue(present, "apt-get install chromium chromium-driver to run the browser tests");
        profile = Files.createTempDirectory("reporter-profile-");
    }

    @AfterEach
    void quit() throws IOException {
        drivers.forEach(ChromeDriver::quit);
        drivers.clear();
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void aSubmissionMadeOfflineWaitsSealedThroughARestartAndIsStoredOnceWhenOnline() throws Exception {
        ChromeDriver browser = open(false);
        signIn(browser);
        String online = "online-" + UUID.randomUUID();
        fillIncident(browser, online, null);
        send(browser);
        waitFor(browser, () -> database.count("select count(*) from incident where title = ?", online) == 1);
        waitFor(browser, () -> text(browser, "pending").contains("Nothing waiting"));

        offline(browser, true);
        waitFor(browser, () -> Boolean.FALSE.equals(browser.executeScript("return navigator.onLine")));
        String marker = "offline-" + UUID.randomUUID();
        fillIncident(browser, marker, "seen by " + marker);
        browser.findElement(By.id("f-src-name")).sendKeys("witness " + marker);
        addCasualty(browser, "KILLED", 3);
        addCasualty(browser, "INJURED", 7);
        send(browser);
        waitFor(browser, () -> text(browser, "pending").contains("Not yet sent: 1"));
        assertEquals(0, database.count("select count(*) from incident where title = ?", marker));
        assertProfileHoldsNo(marker, "while the item waits, the browser running");

        browser.quit();
        drivers.remove(browser);
        assertProfileHoldsNo(marker, "with the browser closed");

        ChromeDriver again = open(true);
        assertTrue(text(again, "pending").contains("Not yet sent: 1"), text(again, "pending"));
        signIn(again);
        offline(again, false);
        waitFor(again, () -> database.count("select count(*) from incident where title = ?", marker) == 1);
        waitFor(again, () -> text(again, "pending").contains("Nothing waiting"));
        String incidentId = database.string("select cast(id as varchar) from incident where title = ?", marker);
        assertEquals(2, database.count("select count(*) from casualty where incident_id = ?", incidentId));
        assertEquals(1, database.count("select count(*) from source where name = ?", "witness " + marker));
        assertEquals(0L, queued(again), "IndexedDB still holds items after acknowledgement");
        // nothing is sent twice: the online one and the offline one, each once
        assertEquals(1, database.count("select count(*) from incident where title = ?", online));
    }

    @Test
    void aRefusalShowsTheServersReasonBesideTheFieldItNames() throws Exception {
        ChromeDriver browser = open(false);
        signIn(browser);
        String marker = "refused-" + UUID.randomUUID();
        fillIncident(browser, marker, null);
        addCasualty(browser, "KILLED", 200_000_000); // past what the API takes: only the server says so
        send(browser);
        waitFor(browser, () -> !browser.findElements(By.cssSelector("#queue li.refused")).isEmpty());
        String refusal = browser.findElement(By.cssSelector("#queue li.refused")).getText();
        assertTrue(refusal.contains("Refused") && refusal.contains("How many"), refusal);
        assertEquals(0, database.count("select count(*) from incident where title = ?", marker));

        browser.findElement(By.xpath("//button[text()='Edit and send again']")).click();
        WebElement error = browser.findElement(By.cssSelector("#casualties .casualty .error"));
        assertTrue(error.isDisplayed() && !error.getText().isBlank(), "no refusal beside the count");
        assertEquals(marker, browser.findElement(By.id("f-title")).getAttribute("value"));
    }

    @Test
    void anItemSealedForAnotherKeyIsHeldWithItsReasonAndTheRestGoOn() throws Exception {
        ChromeDriver browser = open(false);
        signIn(browser);
        offline(browser, true);
        String held = "held-" + UUID.randomUUID();
        fillIncident(browser, held, null);
        send(browser);
        waitFor(browser, () -> text(browser, "pending").contains("Not yet sent: 1"));
        browser.findElement(By.id("lock")).click();
        signIn(browser, Keys.another(Role.REPORTER));
        String mine = "mine-" + UUID.randomUUID();
        fillIncident(browser, mine, null);
        send(browser);
        offline(browser, false);
        waitFor(browser, () -> database.count("select count(*) from incident where title = ?", mine) == 1);
        waitFor(browser, () -> !browser.findElements(By.cssSelector("#queue li.held")).isEmpty());
        String reason = browser.findElement(By.cssSelector("#queue li.held")).getText();
        assertTrue(reason.contains("Held") && reason.contains("sealed for another key"), reason);
        assertEquals(0, database.count("select count(*) from incident where title = ?", held));
        assertEquals(1L, queued(browser), "the held item is kept");
    }

    @Test
    void aPinUnlocksTheKeyAndWrongPinsWipeThePhone() throws Exception {
        ChromeDriver browser = open(false);
        browser.findElement(By.id("f-key")).sendKeys(Keys.of(Role.REPORTER));
        browser.findElement(By.id("f-remember")).click();
        browser.findElement(By.id("f-new-pin")).sendKeys("482913");
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        waitFor(browser, () -> browser.findElement(By.id("report")).isDisplayed());
        assertProfileHoldsNo(Keys.of(Role.REPORTER), "with the key remembered under a PIN");

        browser.findElement(By.id("lock")).click();
        unlock(browser, "000000");
        waitFor(browser, () -> text(browser, "f-pin-error").contains("4"));
        unlock(browser, "482913");
        waitFor(browser, () -> browser.findElement(By.id("report")).isDisplayed());

        browser.findElement(By.id("lock")).click();
        for (int i = 0; i < 5; i++) {
            unlock(browser, "11111" + i);
            waitFor(browser, () -> !browser.findElements(By.id("wiped")).isEmpty()
                    || text(browser, "f-pin-error").contains("Wrong"));
        }
        waitFor(browser, () -> !browser.findElements(By.id("wiped")).isEmpty());
        // the message shows as the page forgets; the phone's storage is gone once the page says so
        waitFor(browser, () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-wiped")));
        assertNothingLeft(browser);
    }

    @Test
    void wipeLeavesNoKeyQueueCacheOrServiceWorker() throws Exception {
        ChromeDriver browser = open(false);
        signIn(browser);
        waitFor(browser, () -> Boolean.TRUE.equals(browser.executeAsyncScript("const done = arguments[0]; "
                + "navigator.serviceWorker.getRegistrations().then(r => done(r.length > 0))")));
        // the page itself is kept for offline use: reloaded with the network cut for the page and for its
        // service worker (whose own fetches the page's emulation does not cut), it still opens
        waitFor(browser, () -> Boolean.TRUE.equals(browser.executeAsyncScript("const done = arguments[0]; "
                + "Promise.all(['./', 'app.js', 'app.css'].map(p => caches.match(new URL(p, location.href))))"
                + ".then(kept => done(kept.every(k => k && k.ok)))")));
        offline(browser, true);
        cutServiceWorker(browser);
        browser.navigate().refresh();
        waitFor(browser, () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertEquals(Boolean.FALSE, browser.executeScript("return navigator.onLine"));
        signIn(browser);
        fillIncident(browser, "to-wipe-" + UUID.randomUUID(), null);
        send(browser);
        waitFor(browser, () -> text(browser, "pending").contains("Not yet sent: 1"));
        browser.findElement(By.id("wipe")).click();
        browser.switchTo().alert().accept();
        waitFor(browser, () -> !browser.findElements(By.id("wiped")).isEmpty());
        // the message shows as the page forgets; the phone's storage is gone once the page says so
        waitFor(browser, () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-wiped")));
        assertNothingLeft(browser);
    }

    @Test
    void thePageIsAccessibleAsksNothingOfOtherOriginsAndIsPhotographed() throws Exception {
        ChromeDriver browser = open(false);
        signIn(browser);
        addCasualty(browser, "KILLED", 2);
        browser.findElement(By.id("f-armed")).click();
        String axe;
        try (InputStream script = getClass().getResourceAsStream("/axe.min.js")) {
            axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.executeScript(axe);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript(
                "const done = arguments[0]; axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help}))))");
        List<Map<String, Object>> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        assertTrue(serious.isEmpty(), "serious or critical accessibility violations: " + serious);

        Files.createDirectories(SCREENSHOTS);
        for (Dimension size : List.of(new Dimension(360, 740), new Dimension(1280, 800))) {
            screenshot(browser, size, "reporter-" + size.width + "x" + size.height + ".png");
        }
        browser.findElement(By.id("lang")).click();
        waitFor(browser, () -> "my".equals(browser.executeScript("return document.documentElement.lang")));
        assertTrue(text(browser, "report-title").matches(".*[\\u1000-\\u109F].*"), "no Burmese label");
        screenshot(browser, new Dimension(360, 740), "reporter-360x740-my.png");

        String origin = page.getProtocol() + "://" + page.getHost() + ":" + page.getPort() + "/";
        List<String> elsewhere = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("\"Network.requestWillBeSent\"")) {
                int at = message.indexOf("\"url\":\"");
                String url = message.substring(at + 7, message.indexOf('"', at + 7));
                // chrome:// is the browser's own start page, before ours: not a request to any origin
                if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("chrome://")) {
                    elsewhere.add(url);
                }
            }
        }
        assertTrue(elsewhere.isEmpty(), "requests to other origins: " + elsewhere);
    }

    private static void screenshot(ChromeDriver browser, Dimension size, String name) throws IOException {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width,
                "height", size.height, "deviceScaleFactor", 1, "mobile", size.width < 600));
        browser.executeScript("window.scrollTo(0, 0)");
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertEquals(Boolean.FALSE, overflow, "the page is wider than " + size.width + " px");
    }

    // ---- the browser

    private ChromeDriver open(boolean startOffline) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--window-size=1280,800",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        drivers.add(browser);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        if (startOffline) {
            offline(browser, true);
        }
        browser.get(page.toString());
        waitFor(browser, () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        return browser;
    }

    /** DevTools' network emulation through ChromeDriver's CDP passthrough: not tied to one browser version. */
    private static void offline(ChromeDriver browser, boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Cuts the network of the page's service worker too, through a CDP session attached to its target. */
    @SuppressWarnings("unchecked")
    private static void cutServiceWorker(ChromeDriver browser) {
        Connection connection = SeleniumCdpConnection.create(browser).orElseThrow();
        Duration timeout = Duration.ofSeconds(10);
        Map<String, Object> targets = connection.sendAndWait(null, cdp("Target.getTargets", Map.of()), timeout);
        int cut = 0;
        for (Map<String, Object> target : (List<Map<String, Object>>) targets.get("targetInfos")) {
            if ("service_worker".equals(target.get("type"))) {
                SessionID session = new SessionID((String) connection.sendAndWait(null, cdp("Target.attachToTarget",
                        Map.of("targetId", target.get("targetId"), "flatten", true)), timeout).get("sessionId"));
                connection.sendAndWait(session, cdp("Network.enable", Map.of()), timeout);
                connection.sendAndWait(session, cdp("Network.emulateNetworkConditions", Map.of("offline", true,
                        "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1)), timeout);
                cut++;
            }
        }
        assertTrue(cut > 0, "no service worker runs for the page");
    }

    private static Command<Map<String, Object>> cdp(String method, Map<String, Object> parameters) {
        return new Command<>(method, parameters, (java.lang.reflect.Type) Map.class);
    }

    private static void signIn(ChromeDriver browser) {
        signIn(browser, Keys.of(Role.REPORTER));
    }

    private static void signIn(ChromeDriver browser, String key) {
        browser.findElement(By.id("f-key")).sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        waitFor(browser, () -> browser.findElement(By.id("report")).isDisplayed());
    }

    private static void unlock(ChromeDriver browser, String pin) {
        WebElement field = browser.findElement(By.id("f-pin"));
        field.clear();
        field.sendKeys(pin);
        browser.findElement(By.cssSelector("#unlock-form button[type=submit]")).click();
    }

    private static void fillIncident(ChromeDriver browser, String title, String description) {
        new Select(browser.findElement(By.id("f-type"))).selectByValue("COMBAT_CASUALTIES");
        browser.findElement(By.id("f-title")).sendKeys(title);
        if (description != null) {
            browser.findElement(By.id("f-description")).sendKeys(description);
        }
        new Select(browser.findElement(By.id("f-precision"))).selectByValue("DAY");
        browser.executeScript("document.getElementById('f-day').value = '2025-03-14'");
    }

    private static void addCasualty(ChromeDriver browser, String outcome, long best) {
        browser.findElement(By.id("add-casualty")).click();
        List<WebElement> rows = browser.findElements(By.cssSelector("#casualties .casualty"));
        WebElement row = rows.get(rows.size() - 1);
        new Select(row.findElement(By.cssSelector("[data-name=outcome]"))).selectByValue(outcome);
        new Select(row.findElement(By.cssSelector("[data-name=group]"))).selectByValue("CONSCRIPTED_INMATE");
        row.findElement(By.cssSelector("[data-name=best]")).sendKeys(Long.toString(best));
    }

    private static void send(ChromeDriver browser) {
        browser.findElement(By.id("send")).click();
    }

    private static String text(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static long queued(ChromeDriver browser) {
        return ((Number) browser.executeAsyncScript("const done = arguments[0]; const open = indexedDB.open('notes');"
                + "open.onsuccess = () => { const db = open.result; if (!db.objectStoreNames.contains('queue')) "
                + "{ db.close(); done(0); return; } const r = db.transaction('queue').objectStore('queue').count();"
                + "r.onsuccess = () => { db.close(); done(r.result); }; };")).longValue();
    }

    private static void assertNothingLeft(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> left = (Map<String, Object>) browser.executeAsyncScript("const done = arguments[0];"
                + "Promise.all([indexedDB.databases(), caches.keys(), navigator.serviceWorker.getRegistrations()])"
                + ".then(([dbs, cached, workers]) => done({databases: dbs.map(d => d.name), caches: cached,"
                + " workers: workers.length, stored: localStorage.length}))");
        assertEquals(List.of(), left.get("databases"), "IndexedDB left: " + left);
        assertEquals(List.of(), left.get("caches"), "caches left: " + left);
        assertEquals(0L, ((Number) left.get("workers")).longValue(), "service worker left: " + left);
        assertEquals(0L, ((Number) left.get("stored")).longValue(), "localStorage left: " + left);
    }

    /** Every file of the profile, searched for the text as UTF-8 and as UTF-16 (how Chromium keeps some strings). */
    private void assertProfileHoldsNo(String text, String when) throws IOException {
        List<byte[]> forms = List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16LE));
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (IOException vanished) {
                    continue; // a lock or journal file removed as it was listed
                }
                if (forms.stream().anyMatch(form -> indexOf(content, form) >= 0)) {
                    holding.add(profile.relativize(file));
                }
            }
        }
        assertTrue(holding.isEmpty(), "the profile holds what was typed, " + when + ": " + holding);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void waitFor(ChromeDriver browser, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> condition.getAsBoolean());
    }
}
