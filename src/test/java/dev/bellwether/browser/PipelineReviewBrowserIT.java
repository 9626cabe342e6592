package dev.bellwether.browser;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.forecasting.PipelineReviews;
import dev.bellwether.forecasting.PipelineReviews.Review;
import dev.bellwether.forecasting.PipelineReviews.ReviewRequest;
import dev.bellwether.forecasting.PipelineReviews.SubjectKind;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager starts a review of a rep from the pipeline board, walks the deals with the
 * keyboard, pushes a deal's close date in place, ends the review and finds it among the
 * past reviews — on a phone-sized window.
 */
@BrowserTest
class PipelineReviewBrowserIT {

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	private static final int PHONE_WIDTH = 375;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	PipelineReviews reviews;

	@Test
	void aManagerWalksARepsDealsByKeyboardChangesOneInPlaceAndEndsTheReview(Browser browser) throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		FiscalPeriod quarter = this.calendar.current(FiscalPeriod.Kind.QUARTER);
		LocalDate today = this.calendar.today();
		LocalDate closing = today.plusDays(3).isAfter(quarter.end()) ? today : today.plusDays(3);
		Opportunity large = deal(rep, "Review large " + UUID.randomUUID(), "90000", closing);
		Opportunity small = deal(rep, "Review small " + UUID.randomUUID(), "10000", closing);

		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
		browser.open("/pipeline");
		browser.click(By.id("pipeline-review"));
		browser.waitUntil(ExpectedConditions.urlContains("/pipeline/reviews/new"));
		new Select(browser.visible(By.id("subject"))).selectByValue(rep.id().toString());
		browser.click(By.id("show-deals"));
		assertThat(browser.visible(By.id("review-candidates")).getText()).contains(large.name(), small.name());
		assertAccessible(browser);
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		// every deal unticked is refused, rather than read as "the default deals"
		js.executeScript(
				"document.querySelectorAll('#review-candidates input[name=deals]').forEach(b => b.checked = false)");
		browser.click(By.id("start-review"));
		assertThat(browser.visible(By.id("review-error")).getText()).contains("Tick at least one deal");
		assertThat(browser.visible(By.id("review-candidates")).getText()).contains(large.name(), small.name());
		browser.click(By.id("start-review"));

		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("review-progress"), "deal 1 of 2"));
		assertThat(browser.visible(By.id("deal-name")).getText()).isEqualTo(large.name());
		assertThat(browser.visible(By.id("first-review")).getText()).contains("first review");
		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
			.as("the walk is no wider than the phone")
			.isLessThanOrEqualTo(PHONE_WIDTH);
		screenshot(browser, "pipeline-review-walk-375px.png");
		assertAccessible(browser);

		new Actions(browser.driver()).sendKeys("j").perform();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("review-progress"), "deal 2 of 2"));
		assertThat(browser.visible(By.id("deal-name")).getText()).isEqualTo(small.name());
		new Actions(browser.driver()).sendKeys(Keys.ARROW_LEFT).perform();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("review-progress"), "deal 1 of 2"));

		// pushes the large deal's close date by a week, in place
		LocalDate pushed = closing.plusDays(7);
		browser.click(By.id("deal-close-date"));
		WebElement input = browser.visible(By.cssSelector("#deal-close-date input"));
		js.executeScript("arguments[0].value = arguments[1]", input, pushed.toString());
		input.sendKeys(Keys.ENTER);
		browser.waitUntil(
				ExpectedConditions.attributeToBe(By.id("deal-close-date"), "data-inline-value", pushed.toString()));
		assertThat(this.opportunities.get(TestUsers.viewer(manager), large.id()).closeDate()).isEqualTo(pushed);
		assertThat(this.opportunities.history(TestUsers.viewer(manager), large.id()).get(0).toCloseDate())
			.isEqualTo(pushed);

		browser.visible(By.id("note")).sendKeys("Pushed a week: legal review");
		browser.click(By.id("save-note"));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Note kept"));

		browser.click(By.id("review-record"));
		browser.visible(By.id("summary")).sendKeys("Two deals, one pushed");
		browser.click(By.id("end-review"));
		browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Review ended"));
		assertThat(browser.visible(By.id("review-attendees")).getText()).contains(rep.fullName());
		assertThat(browser.visible(By.id("review-deals")).getText()).contains("Pushed a week: legal review");
		assertAccessible(browser);

		browser.click(By.id("all-reviews"));
		assertThat(browser.visible(By.cssSelector("#reviews tbody tr")).getText()).contains(rep.fullName(), "2 of 2");
		screenshot(browser, "pipeline-reviews-375px.png");
	}

	@Test
	void anAttendeeFollowsAReviewGoingOnWithoutTheRunnersControls(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		LocalDate today = this.calendar.today();
		Opportunity only = deal(rep, "Attended " + UUID.randomUUID(), "25000", today);
		Review review = this.reviews.start(TestUsers.viewer(manager),
				new ReviewRequest(SubjectKind.REP, rep.id(), null, List.of(), List.of(), null));

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
		browser.open("/pipeline/reviews/" + review.id() + "/deals/1");
		assertThat(browser.visible(By.id("deal-name")).getText()).isEqualTo(only.name());
		assertThat(browser.visible(By.id("note-runner-only")).getText()).contains(manager.fullName());
		assertThat(browser.driver().findElements(By.id("save-note"))).as("no button that would answer 403").isEmpty();
		assertThat(browser.visible(By.id("review-record")).getText()).isEqualTo("The record");
		assertThat(((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);

		browser.open("/pipeline/reviews?subject=" + UUID.randomUUID());
		assertThat(browser.visible(By.tagName("h1")).getText()).contains("couldn't find");
		browser.open("/pipeline/reviews?subject=" + manager.id());
		assertThat(browser.visible(By.id("no-reviews")).getText())
			.isEqualTo("No pipeline reviews of " + manager.fullName() + " yet.");
	}

	/** No serious or critical axe-core violation on the page shown. */
	private static void assertAccessible(Browser browser) {
		Results results = new AxeBuilder().setLegacyMode(true).analyze(browser.driver());
		assertThat(results.isErrored()).as("axe-core ran: %s", results.getErrorMessage()).isFalse();
		assertThat(results.getViolations())
			.filteredOn(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.extracting(rule -> rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
			.as("serious and critical axe-core violations of %s", browser.path())
			.isEmpty();
	}

	private static void screenshot(Browser browser, String name) throws Exception {
		Path shot = Path.of("target/browser-screenshots", name);
		Files.createDirectories(shot.getParent());
		Files.write(shot, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
	}

	private Opportunity deal(User owner, String name, String amount, LocalDate closing) {
		var viewer = TestUsers.viewer(owner);
		var account = this.accounts.create(viewer, new AccountDetails("Review Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, owner.id(), null));
		return this.opportunities.create(viewer, new OpportunityDetails(name, account.id(), null, owner.id(), PROPOSAL,
				new BigDecimal(amount), false, closing, null, null, null, null, null, null));
	}

}
