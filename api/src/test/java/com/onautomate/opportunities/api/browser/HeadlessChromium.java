package com.onautomate.opportunities.api.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, for the tests that look at a page as a person would:
 * Debian's {@code chromium} and {@code chromium-driver}, never a browser Selenium would download.
 *
 * <p>Where Chromium is missing the calling test is skipped with a message on stderr, unless
 * {@code ONAUTOMATE_REQUIRE_BROWSER=true} (as in {@code .ci/run}), which makes it fail instead.
 * Paths can be moved with {@code ONAUTOMATE_CHROMIUM} and {@code ONAUTOMATE_CHROMEDRIVER}. The page
 * under test reaches only the loopback address: other hosts go to a dead proxy.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start()) {
 *   chromium.driver().get("file:///...");
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path BROWSER = Path.of(env("ONAUTOMATE_CHROMIUM", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(env("ONAUTOMATE_CHROMEDRIVER", "/usr/bin/chromedriver"));

  // Selenium warns on every start when it has no DevTools classes for this Chromium's version; the
  // tests use WebDriver only. Held here so that the setting is not collected with the logger.
  private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a fresh browser with an empty profile, or skips the test (see the class comment). */
  public static HeadlessChromium start() {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      String message = "Chromium or its driver is missing (" + BROWSER + ", " + DRIVER
          + "): browser test skipped. Install Debian's chromium and chromium-driver to run it.";
      if (Boolean.parseBoolean(System.getenv("ONAUTOMATE_REQUIRE_BROWSER"))) {
        throw new IllegalStateException(message + " ONAUTOMATE_REQUIRE_BROWSER=true makes this a failure.");
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message);
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // Without the background-networking flags Chromium's own connections fail on a closed network
    // and slow every page; --no-sandbox because CI runs as root. The dead proxy makes every request
    // to a host other than the loopback fail at once, so a page under test cannot reach the network.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--proxy-server=http://127.0.0.1:9", "--window-size=1280,2000",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits up to {@code seconds} for a condition, as {@code wait(10).until(...)}. */
  public WebDriverWait await(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        System.err.println("could not delete " + profile + ": " + e);
      }
    }
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
