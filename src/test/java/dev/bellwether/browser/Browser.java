package dev.bellwether.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium pointed at the application under test, with explicit waits: a
 * test never sleeps, it waits for what the user would see.
 */
public final class Browser {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	/**
	 * The deepest elements that reach past the window's right edge, to say what makes a
	 * page too wide for a phone.
	 */
	private static final String WIDEST = """
			const limit = window.innerWidth;
			const wide = [...document.querySelectorAll('body *')]
				.filter(e => e.getBoundingClientRect().right > limit + 0.5)
				.filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > limit + 0.5));
			return wide.slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
				+ (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
				+ ' right=' + e.getBoundingClientRect().right.toFixed(1)).join(', ');
			""";

	private final WebDriver driver;

	private final String baseUrl;

	Browser(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public String url(String path) {
		return this.baseUrl + path;
	}

	/**
	 * Opens a page of the application, e.g. {@code open("/accounts")}.
	 */
	public Browser open(String path) {
		this.driver.get(url(path));
		return this;
	}

	public String path() {
		String current = this.driver.getCurrentUrl();
		return current.startsWith(this.baseUrl) ? current.substring(this.baseUrl.length()) : current;
	}

	public <T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, TIMEOUT).until(condition);
	}

	public WebElement visible(By locator) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public WebElement clickable(By locator) {
		return waitUntil(ExpectedConditions.elementToBeClickable(locator));
	}

	/**
	 * Waits until the element can be clicked, brings it to the middle of the window and
	 * clicks it (a plain click can land where the element was before a scroll finished).
	 */
	public Browser click(By locator) {
		WebElement element = clickable(locator);
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
		return this;
	}

	/**
	 * Signs in through the sign-in page and waits until the signed-in layout shows.
	 */
	public Browser signIn(String username, String password) {
		open("/login");
		visible(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		click(By.id("sign-in"));
		visible(By.id("user-menu"));
		return this;
	}

	/**
	 * Signs out through the user menu.
	 */
	public Browser signOut() {
		click(By.id("user-menu"));
		click(By.id("sign-out"));
		waitUntil(ExpectedConditions.urlContains("/login"));
		return this;
	}

	/**
	 * The serious and critical accessibility violations axe-core finds on the page, as
	 * {@code rule: help [elements]} (axe-core must have run).
	 */
	public List<String> seriousAccessibilityViolations() {
		Results results = new AxeBuilder().setLegacyMode(true).analyze(this.driver);
		if (results.isErrored()) {
			throw new IllegalStateException("axe-core did not run: " + results.getErrorMessage());
		}
		return results.getViolations()
			.stream()
			.filter(rule -> BLOCKING.contains(rule.getImpact()))
			.map(rule -> rule.getId() + ": " + rule.getHelp() + " "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
			.toList();
	}

	/**
	 * Shows the page at a phone's width (375 px), keeps a screenshot under
	 * {@code target/browser/} and answers how wide the page is then; the window is
	 * desktop-sized again afterwards.
	 */
	public int widthOnAPhone(String screenshot) {
		this.driver.manage().window().setSize(new Dimension(375, 900));
		try {
			Path shot = Path.of("target", "browser", screenshot);
			Files.createDirectories(shot.getParent());
			Files.write(shot, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			JavascriptExecutor js = (JavascriptExecutor) this.driver;
			int width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue();
			if (width > 375) {
				System.err
					.println("Wider than a phone (" + width + " px) on " + path() + ": " + js.executeScript(WIDEST));
			}
			return width;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

}
