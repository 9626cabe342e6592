package dev.bellwether.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales administrator imports a file as a newcomer would: uploads it, answers the value
 * the file misspells with the suggestion offered, reads the preview, runs it with the
 * progress bar, and undoes it — also on a phone.
 */
@BrowserTest
class ImportBrowserIT {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	@Autowired
	TestUsers users;

	@Autowired
	dev.bellwether.TestCustomers customers;

	@Autowired
	dev.bellwether.sales.Products products;

	@Autowired
	dev.bellwether.sales.Opportunities opportunities;

	@Autowired
	java.time.Clock clock;

	@Test
	void uploadMapPreviewRunAndUndo(Browser browser) throws IOException {
		User admin = this.users.create(Role.SALES_ADMIN);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		// a misspelling no other test answers: answers are remembered company-wide, and
		// the suites share one database
		Path file = Files.createTempFile("accounts-", ".csv");
		Files.writeString(file, """
				Account Name,Website,Industry,Billing Country
				Wizard One %1$s,wizard-one-%1$s.example,Technolgy,Germany
				Wizard Two %1$s,wizard-two-%1$s.example,Technolgy,France
				,nameless.example,Banking,Spain
				""".formatted(tag), StandardCharsets.UTF_8);

		browser.signIn(admin.username(), TestUsers.PASSWORD);
		browser.open("/");
		browser.click(By.id("nav-admin"));
		browser.click(By.id("nav-admin-imports"));
		browser.visible(By.id("imports-empty"));
		new Select(browser.visible(By.id("import-target"))).selectByValue("ACCOUNT");
		browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(By.id("import-upload-submit"));

		// the columns are mapped by their headers; the misspelt industry is a question
		browser.visible(By.id("import-columns"));
		assertThat(new Select(browser.visible(By.id("field-0"))).getFirstSelectedOption().getText()).startsWith("Name");
		assertThat(browser.visible(By.id("count-create")).getText()).isEqualTo("0");
		assertThat(browser.visible(By.id("count-reject")).getText()).isEqualTo("3");
		assertThat(browser.visible(By.id("import-questions")).getText()).contains("Technolgy");
		assertThat(new Select(browser.visible(By.id("answer-0"))).getFirstSelectedOption().getText())
			.as("the closest industry is offered")
			.isEqualTo("Technology");
		assertNoSeriousViolations(browser);
		browser.click(By.id("import-save"));

		browser.visible(By.id("import-saved"));
		assertThat(browser.visible(By.id("count-create")).getText()).isEqualTo("2");
		assertThat(browser.visible(By.id("count-reject")).getText()).isEqualTo("1");
		assertThat(browser.visible(By.id("import-problems")).getText()).contains("A new record needs its name.");

		phone(browser, "import-preview-375px.png");

		((JavascriptExecutor) browser.driver()).executeScript("window.confirm = () => true;");
		browser.click(By.id("import-start"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Done"));
		assertThat(browser.visible(By.id("import-status")).getText()).contains("2 created", "1 refused");
		assertThat(browser.visible(By.id("import-report")).getAttribute("href")).endsWith("/report");

		browser.open("/accounts?q=" + tag);
		assertThat(browser.visible(By.id("accounts-table")).getText()).contains("Wizard One " + tag)
			.contains("Wizard Two " + tag);

		browser.driver().navigate().back();
		browser.visible(By.id("import-undo"));
		((JavascriptExecutor) browser.driver()).executeScript("window.confirm = () => true;");
		browser.click(By.id("import-undo"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Undone"));
		assertThat(browser.visible(By.id("import-status")).getText()).contains("2 undone");
		browser.open("/accounts?q=" + tag);
		assertThat(browser.visible(By.tagName("main")).getText()).doesNotContain("Wizard One " + tag);
	}

	@Test
	void lineItemsWithAProductWrittenDifferently(Browser browser) throws IOException {
		User admin = this.users.create(Role.SALES_ADMIN);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		dev.bellwether.identity.Viewer viewer = TestUsers.viewer(admin);
		dev.bellwether.sales.Product suite = this.products.create(viewer, new dev.bellwether.sales.ProductDetails(
				"PS-" + tag, "ProSuite " + tag, null, new java.math.BigDecimal("1200"), true));
		java.util.UUID account = this.customers.account(admin, "Lines Co " + tag, null).id();
		dev.bellwether.sales.Opportunity deal = this.opportunities.create(viewer,
				new dev.bellwether.sales.OpportunityDetails("Lines deal " + tag, account, null, admin.id(),
						java.util.UUID.fromString("01900000-0000-7000-8000-000000000004"),
						new java.math.BigDecimal("1000"), false, java.time.LocalDate.now(this.clock).plusDays(30), null,
						null, null, null, null, null));
		Path file = Files.createTempFile("lines-", ".csv");
		Files.writeString(file, """
				Opportunity Name,Product,Quantity,Discount
				Lines deal %1$s,Pro Suite %1$s,2,10%%
				""".formatted(tag), StandardCharsets.UTF_8);

		browser.signIn(admin.username(), TestUsers.PASSWORD);
		browser.open("/imports");
		Select target = new Select(browser.visible(By.id("import-target")));
		assertThat(target.getOptions()).extracting(o -> o.getAttribute("value"))
			.as("users are for administrators")
			.doesNotContain("USER")
			.contains("PRODUCT", "LINE_ITEM");
		target.selectByValue("LINE_ITEM");
		browser.driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(By.id("import-upload-submit"));

		browser.visible(By.id("import-lines-note"));
		assertThat(browser.visible(By.id("count-reject")).getText()).isEqualTo("1");
		assertThat(browser.visible(By.id("import-questions")).getText()).contains("Pro Suite " + tag);
		assertThat(new Select(browser.visible(By.id("answer-0"))).getFirstSelectedOption().getText())
			.as("the product the file means is offered")
			.isEqualTo("ProSuite " + tag + " (PS-" + tag + ")");
		assertNoSeriousViolations(browser);
		browser.click(By.id("import-save"));
		browser.visible(By.id("import-saved"));
		assertThat(browser.visible(By.id("count-create")).getText()).isEqualTo("1");
		phone(browser, "import-line-items-375px.png");

		((JavascriptExecutor) browser.driver()).executeScript("window.confirm = () => true;");
		browser.click(By.id("import-start"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Done"));
		assertThat(browser.visible(By.id("import-status")).getText()).contains("1 created");
		assertThat(this.opportunities.lineItems(viewer, deal.id())).singleElement()
			.satisfies(item -> assertThat(item.productId()).isEqualTo(suite.id()));
	}

	private static void phone(Browser browser, String screenshot) {
		browser.driver().manage().window().setSize(new Dimension(375, 900));
		browser.driver().navigate().refresh();
		browser.visible(By.id("import-counts"));
		try {
			Path shot = Path.of("target", "browser", screenshot);
			Files.createDirectories(shot.getParent());
			Files.write(shot, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth")).intValue())
			.as("the page is no wider than the phone")
			.isLessThanOrEqualTo(375);
		browser.driver().manage().window().setSize(new Dimension(1280, 1000));
	}

	private static void assertNoSeriousViolations(Browser browser) {
		Results results = new AxeBuilder().setLegacyMode(true).analyze(browser.driver());
		assertThat(results.isErrored()).as("axe-core ran: %s", results.getErrorMessage()).isFalse();
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if (BLOCKING.contains(rule.getImpact())) {
				found.add(rule.getId() + ": " + rule.getHelp());
			}
		}
		assertThat(found).as("serious accessibility violations").isEmpty();
	}

}
