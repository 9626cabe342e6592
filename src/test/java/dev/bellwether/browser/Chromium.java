package dev.bellwether.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, started the way that works on a machine without a
 * network: both binaries named explicitly (so Selenium Manager never tries to download
 * one), background networking off, and every profile, config and cache directory under
 * {@code target/}.
 */
final class Chromium {

	/**
	 * Debian's paths; {@code -Dbellwether.browser.chromium=...} and
	 * {@code -Dbellwether.browser.chromedriver=...} point elsewhere.
	 */
	static final Path BINARY = Path.of(System.getProperty("bellwether.browser.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("bellwether.browser.chromedriver", "/usr/bin/chromedriver"));

	static final String REQUIRED_PROPERTY = "bellwether.browser-tests.required";

	private static final Path WORK = Path.of("target", "browser").toAbsolutePath();

	private Chromium() {
	}

	/**
	 * @return why the browser tests cannot run here, or empty when they can
	 */
	static Optional<String> missing() {
		for (Path binary : new Path[] { BINARY, DRIVER }) {
			if (!Files.isExecutable(binary)) {
				return Optional.of(binary + " not found. Install chromium and chromium-driver to run it"
						+ " (apt-get install -y chromium chromium-driver).");
			}
		}
		return Optional.empty();
	}

	/**
	 * @return whether a missing browser must fail the build rather than skip the suite
	 */
	static boolean required() {
		return Boolean.getBoolean(REQUIRED_PROPERTY) || "true".equalsIgnoreCase(System.getenv("CI"));
	}

	static ChromeDriver start() {
		System.setProperty("SE_OFFLINE", "true");
		try {
			Path profile = Files.createDirectories(WORK.resolve("profiles"));
			Path userDataDir = Files.createTempDirectory(profile, "chromium-");
			Path config = Files.createDirectories(WORK.resolve("xdg-config"));
			Path cache = Files.createDirectories(WORK.resolve("xdg-cache"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.withEnvironment(Map.of("XDG_CONFIG_HOME", config.toString(), "XDG_CACHE_HOME", cache.toString(),
						"SE_OFFLINE", "true"))
				.withLogFile(WORK.resolve("chromedriver.log").toFile())
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(new File(BINARY.toString()));
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1366,900", "--user-data-dir=" + userDataDir);
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
			// axe-core runs as one asynchronous script over a whole page: on the system
			// database's run the company dashboard holds every test's people, and on a
			// loaded machine that took longer than the driver's 30 s default
			driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
			return driver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare Chromium's directories under " + WORK, ex);
		}
	}

}
