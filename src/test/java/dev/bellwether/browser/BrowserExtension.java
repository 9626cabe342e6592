package dev.bellwether.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Runs {@link BrowserTest}s: checks for Chromium before the application starts (skip, or
 * fail when the suite is required), gives each test a fresh {@link Browser}, keeps a
 * screenshot and the page source of a failed test under {@code target/browser-failures/}
 * and quits the browser after each test.
 */
class BrowserExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver,
		TestExecutionExceptionHandler, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	private static final Path FAILURES = Path.of("target", "browser-failures");

	/**
	 * Skips the whole class, before its application context starts, when Chromium is
	 * missing and the suite is optional.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Optional<String> missing = Chromium.missing();
		if (missing.isEmpty() || Chromium.required()) {
			return ConditionEvaluationResult.enabled("Chromium found, or the browser suite is required");
		}
		String message = "Browser suite SKIPPED: " + missing.get();
		if (context.getTestMethod().isEmpty()) {
			System.out.println(message);
		}
		return ConditionEvaluationResult.disabled(message);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Chromium.missing().ifPresent(missing -> {
			throw new ExtensionConfigurationException(
					"Browser suite REQUIRED (" + Chromium.REQUIRED_PROPERTY + "=true or CI=true) but " + missing);
		});
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, key -> {
			String port = SpringExtension.getApplicationContext(context)
				.getEnvironment()
				.getRequiredProperty("local.server.port");
			return new Browser(Chromium.start(), "http://localhost:" + port);
		}, Browser.class);
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
		if (browser != null) {
			keepEvidence(context, browser.driver(), failure);
		}
		throw failure;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
		if (browser != null) {
			browser.driver().quit();
		}
	}

	private static void keepEvidence(ExtensionContext context, WebDriver driver, Throwable failure) {
		String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		try {
			Files.createDirectories(FAILURES);
			Path screenshot = FAILURES.resolve(name + ".png");
			Files.write(screenshot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			Files.writeString(FAILURES.resolve(name + ".html"),
					"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
			System.out.println("Browser test failed at " + driver.getCurrentUrl() + "; screenshot and page source in "
					+ screenshot.toAbsolutePath().getParent() + "/" + name + ".*");
		}
		catch (IOException | RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

}
