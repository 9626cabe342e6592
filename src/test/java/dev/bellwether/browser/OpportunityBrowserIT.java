package dev.bellwether.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.picklist.PickLists;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales core in a real browser, as a rep: create a deal through the form (fixing
 * validation errors on the way), move it across the pipeline board by drag and drop and
 * from the keyboard, lose it through the loss-reason dialog, and read its history on its
 * record page.
 * <p>
 * Drag and drop: Selenium's {@code Actions.dragAndDrop} moves the mouse but Chromium does
 * not turn synthetic mouse moves into HTML5 {@code dragstart}/{@code drop} events, so
 * {@link #dragCard} dispatches {@code dragstart}, {@code dragenter}, {@code dragover},
 * {@code drop} and {@code dragend} {@link DragEvent}s from JavaScript, all carrying one
 * shared {@code DataTransfer} — what a real drag hands to the page's handlers in
 * {@code board.js}.
 */
@BrowserTest
class OpportunityBrowserIT {

	private static final String PROSPECTING = "01900000-0000-7000-8000-000000000001";

	private static final String NEEDS_ANALYSIS = "01900000-0000-7000-8000-000000000003";

	private static final String PROPOSAL = "01900000-0000-7000-8000-000000000004";

	private static final String CLOSED_LOST = "01900000-0000-7000-8000-000000000007";

	/**
	 * Dispatches an HTML5 drag of {@code arguments[0]} onto {@code arguments[1]}: the
	 * events a real drag fires, sharing one {@code DataTransfer}, so that what the
	 * {@code dragstart} handler sets is what the {@code drop} handler reads.
	 */
	private static final String DRAG_AND_DROP = """
			const source = arguments[0], target = arguments[1];
			const data = new DataTransfer();
			const fire = (element, type) => {
			  const box = element.getBoundingClientRect();
			  const event = new DragEvent(type, { bubbles: true, cancelable: true, composed: true,
			    dataTransfer: data, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 });
			  element.dispatchEvent(event);
			  return event;
			};
			fire(source, 'dragstart');
			fire(target, 'dragenter');
			const over = fire(target, 'dragover');
			if (!over.defaultPrevented) { return 'the target does not accept drops'; }
			fire(target, 'drop');
			fire(source, 'dragend');
			return null;
			""";

	@Autowired
	TestUsers users;

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	PickLists pickLists;

	@Test
	void createsADealMovesItAcrossTheBoardLosesItAndReadsItsHistory(Browser browser) {
		User rep = this.users.create(Role.REP);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Account account = this.accounts.create(TestUsers.viewer(rep), new AccountDetails("Marlowe Tiles " + suffix,
				null, null, null, null, null, null, null, null, null, null, null, rep.id(), null));
		String dealName = "Marlowe roof renewal " + suffix;
		LocalDate closeDate = LocalDate.now(this.clock).plusDays(45);

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		String dealId = createDeal(browser, account, dealName, closeDate);

		browser.open("/pipeline");
		assertThat(columnOf(browser, dealId)).isEqualTo(PROSPECTING);
		int prospecting = count(browser, PROSPECTING);
		int needsAnalysis = count(browser, NEEDS_ANALYSIS);

		dragCard(browser, dealId, NEEDS_ANALYSIS);
		waitForMessage(browser, "Moved “" + dealName + "” to Needs Analysis.");
		assertThat(columnOf(browser, dealId)).isEqualTo(NEEDS_ANALYSIS);
		assertThat(count(browser, PROSPECTING)).isEqualTo(prospecting - 1);
		assertThat(count(browser, NEEDS_ANALYSIS)).isEqualTo(needsAnalysis + 1);
		assertThat(card(browser, dealId).getAttribute("aria-label")).isEqualTo(dealName + ", Needs Analysis");

		int proposal = count(browser, PROPOSAL);
		WebElement card = card(browser, dealId);
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus();", card);
		new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_RIGHT).keyUp(Keys.SHIFT).perform();
		waitForMessage(browser, "Moved “" + dealName + "” to Proposal.");
		assertThat(columnOf(browser, dealId)).isEqualTo(PROPOSAL);
		assertThat(count(browser, NEEDS_ANALYSIS)).isEqualTo(needsAnalysis);
		assertThat(count(browser, PROPOSAL)).isEqualTo(proposal + 1);
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
			.as("the moved card keeps the focus, so the next Shift+Arrow moves it again")
			.isEqualTo("card-" + dealId);

		int lost = count(browser, CLOSED_LOST);
		// loss reasons come from a pick list: this test's own, so that the timeline shows
		// it
		String reason = this.pickLists
			.add(this.users.create(Role.SALES_ADMIN).id(), "loss-reason",
					"Chose a competitor on price (" + suffix + ")")
			.label();
		dragCard(browser, dealId, CLOSED_LOST);
		browser.visible(By.id("loss-dialog"));
		browser.click(By.id("loss-cancel"));
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("loss-dialog")));
		assertThat(columnOf(browser, dealId)).as("cancelled: not moved").isEqualTo(PROPOSAL);

		dragCard(browser, dealId, CLOSED_LOST);
		WebElement dialog = browser.visible(By.id("loss-dialog"));
		assertThat(dialog.getText()).contains("Why was “" + dealName + "” lost?");
		browser.click(By.id("loss-confirm"));
		browser.visible(By.id("loss-reason-error"));
		WebElement reasonField = browser.driver().findElement(By.cssSelector("#loss-dialog #loss-reason"));
		assertThat(reasonField.getAttribute("class")).contains("is-invalid");
		assertThat(browser.driver().findElement(By.id("loss-reason-error")).getText())
			.startsWith("Say why the deal was lost");
		assertThat(dialog.isDisplayed()).as("the dialog stays open until a reason is given").isTrue();
		assertThat(columnOf(browser, dealId)).as("not moved yet").isEqualTo(PROPOSAL);

		reasonField.sendKeys(reason);
		browser.click(By.id("loss-confirm"));
		waitForMessage(browser, "Moved “" + dealName + "” to Closed Lost.");
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("loss-dialog")));
		assertThat(columnOf(browser, dealId)).isEqualTo(CLOSED_LOST);
		assertThat(count(browser, PROPOSAL)).isEqualTo(proposal);
		assertThat(count(browser, CLOSED_LOST)).isEqualTo(lost + 1);

		browser.open("/opportunities/" + dealId);
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), dealName));
		assertThat(browser.visible(By.cssSelector(".bw-meta strong")).getText()).isEqualTo("Closed Lost");
		assertThat(browser.visible(By.cssSelector("dd#loss-reason")).getText()).isEqualTo(reason);
		assertThat(browser.driver()
			.findElements(By.cssSelector("#stage-history tbody tr td:nth-child(2)"))
			.stream()
			.map(WebElement::getText)).containsExactly(
					// lost without a close date entered: it closed today, in today's
					// quarter
					"Stage Proposal → Closed Lost · close date pulled in " + closeDate + " → "
							+ LocalDate.now(this.clock) + " · probability 60% → 0% · forecast Best case → Omitted",
					"Stage Needs Analysis → Proposal · probability 40% → 60%",
					"Stage Prospecting → Needs Analysis · probability 10% → 40% · forecast Pipeline → Best case",
					"Created in Prospecting · amount 12,500 · close date " + closeDate + " · 10% Pipeline");

		// The timeline comes from /timeline/opportunity/{id} by htmx once the page has
		// loaded; the field history in it is written after the move's transaction, so
		// the page is reloaded until the loss shows there too.
		browser.waitUntil(driver -> {
			driver.navigate().refresh();
			String timeline = timelineText(browser);
			return timeline.contains(reason) ? timeline : null;
		});
		String timeline = timelineText(browser);
		assertThat(timeline).contains("Stage Prospecting → Needs Analysis")
			.contains("Stage Needs Analysis → Proposal")
			.contains("Stage Proposal → Closed Lost")
			.contains("Created in Prospecting")
			.contains("Loss reason");
		assertThat(browser.driver().findElements(By.id("timeline"))).as("one timeline, not one inside another")
			.hasSize(1);
	}

	/**
	 * Fills in the new-deal form, first with a negative amount and no close date, then
	 * fixed.
	 * @return the new deal's id
	 */
	private static String createDeal(Browser browser, Account account, String dealName, LocalDate closeDate) {
		browser.open("/pipeline");
		browser.click(By.id("new-opportunity"));
		WebElement accountField = browser.visible(By.id("accountName"));
		accountField.sendKeys(account.name().substring(0, 12));
		browser.click(By
			.xpath("//div[contains(@class,'bw-picker-results')]/button[normalize-space()='" + account.name() + "']"));
		assertThat(accountField.getAttribute("value")).isEqualTo(account.name());
		assertThat(browser.driver().findElement(By.id("accountId")).getAttribute("value"))
			.isEqualTo(account.id().toString());

		browser.driver().findElement(By.id("name")).sendKeys(dealName);
		browser.driver().findElement(By.id("amount")).sendKeys("-12500");
		new Select(browser.driver().findElement(By.id("stageId"))).selectByValue(PROSPECTING);
		setDate(browser, By.id("closeDate"), "");
		browser.click(By.id("save-opportunity"));

		assertThat(browser.visible(By.id("amount-error")).getText()).isEqualTo("The amount can't be negative.");
		assertThat(browser.visible(By.id("closeDate-error")).getText()).isEqualTo("Enter the expected close date.");
		assertThat(browser.driver().findElement(By.id("name")).getAttribute("value")).as("kept").isEqualTo(dealName);
		assertThat(browser.driver().findElement(By.id("accountName")).getAttribute("value")).as("kept")
			.isEqualTo(account.name());
		assertThat(new Select(browser.driver().findElement(By.id("stageId"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(PROSPECTING);

		WebElement amount = browser.driver().findElement(By.id("amount"));
		amount.clear();
		amount.sendKeys("12500");
		setDate(browser, By.id("closeDate"), closeDate.toString());
		browser.click(By.id("save-opportunity"));

		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), dealName));
		assertThat(browser.path()).matches("/opportunities/[0-9a-f-]{36}");
		assertThat(browser.driver().findElement(By.id("deal-amount")).getText()).isEqualTo("12,500.00 USD");
		assertThat(browser.driver().findElement(By.cssSelector(".bw-meta strong")).getText()).isEqualTo("Prospecting");
		return browser.path().substring("/opportunities/".length());
	}

	/**
	 * Sets a date field as the date picker would: typing into one depends on the
	 * browser's locale, the value in ISO form does not.
	 */
	private static void setDate(Browser browser, By locator, String isoDate) {
		WebElement field = browser.visible(locator);
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
				+ " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));"
				+ " arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", field, isoDate);
	}

	private static void dragCard(Browser browser, String dealId, String stageId) {
		WebElement card = card(browser, dealId);
		WebElement column = browser.visible(column(stageId));
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});", card);
		Object refused = ((JavascriptExecutor) browser.driver()).executeScript(DRAG_AND_DROP, card,
				column.findElement(By.cssSelector(".bw-cards")));
		assertThat(refused).as("dropping on the column").isNull();
	}

	private static void waitForMessage(Browser browser, String message) {
		browser.waitUntil(ExpectedConditions.textToBe(By.id("board-message"), message));
	}

	private static By column(String stageId) {
		return By.cssSelector(".bw-column[data-stage-id='" + stageId + "']");
	}

	private static WebElement card(Browser browser, String dealId) {
		return browser.visible(By.id("card-" + dealId));
	}

	private static String columnOf(Browser browser, String dealId) {
		return card(browser, dealId).findElement(By.xpath("ancestor::div[contains(@class,'bw-column')]"))
			.getAttribute("data-stage-id");
	}

	private static int count(Browser browser, String stageId) {
		return Integer
			.parseInt(browser.visible(column(stageId)).findElement(By.cssSelector(".bw-column-count")).getText());
	}

	/**
	 * Waits until htmx has replaced "Loading the timeline…" with the entries.
	 */
	private static String timelineText(Browser browser) {
		WebDriver driver = browser.driver();
		browser.waitUntil(d -> !d.findElements(By.cssSelector(".bw-timeline-entry")).isEmpty());
		List<WebElement> entries = driver.findElements(By.cssSelector(".bw-timeline-entry"));
		return String.join("\n", entries.stream().map(WebElement::getText).toList());
	}

}
