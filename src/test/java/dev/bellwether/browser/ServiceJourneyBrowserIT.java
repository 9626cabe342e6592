package dev.bellwether.browser;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.service.CaseDetails;
import dev.bellwether.service.CaseQueue;
import dev.bellwether.service.CaseQueues;
import dev.bellwether.service.Cases;
import dev.bellwether.service.ServiceOverview;
import dev.bellwether.service.ServiceOverviewReport;
import dev.bellwether.service.SupportCase;
import dev.bellwether.service.mail.InboundMail;
import dev.bellwether.service.mail.InboundOutcome;
import dev.bellwether.service.mail.MailReceipt;
import dev.bellwether.service.mail.MailSource;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17 from end to end, in a real browser with real mail (GreenMail's SMTP server is
 * the application's): a customer's e-mail reaches the support mailbox and opens a case
 * (the raw message handed to the inbound mail path, as a mailbox poll or the API does); a
 * dispatcher routes it to the billing queue; its agent lands on the service home page,
 * takes it with "Next case", replies within its SLA (the reply is mailed to the customer)
 * and resolves it; the customer answers the survey from the link in the survey e-mail,
 * without signing in; the agent's manager finds the case in the service overview — first
 * response met, CSAT 100 % — and drills into it. Then the service home page and the
 * overview are walked by a service user and an executive: no serious accessibility
 * problem, no wider than a phone.
 */
@BrowserTest
class ServiceJourneyBrowserIT {

	static final String SUPPORT = "support@example.com";

	/** Started before the application, which sends its mail here. */
	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		MAIL.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		MAIL.stop();
	}

	@Autowired
	TestUsers users;

	@Autowired
	InboundMail intake;

	@Autowired
	Cases cases;

	@Autowired
	CaseQueues queues;

	@Autowired
	ServiceOverview overview;

	@Autowired
	Clock clock;

	@Test
	void aMailedCaseIsWorkedResolvedAndRatedAndShowsInTheServiceOverview(Browser browser) throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String customer = "ana." + tag + "@customer.example";
		String subject = "Invoice twice " + tag;
		User manager = this.users.create(Role.MANAGER);
		User agent = this.users.create(Role.SERVICE, manager.id());
		User admin = this.users.create(Role.ADMIN);
		CaseQueue billing = this.queues.create(TestUsers.viewer(admin), "Billing " + tag, null, manager.id());
		this.queues.join(TestUsers.viewer(admin), billing.id(), agent.id());

		// the customer mails the support address
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
		mail.setFrom(new InternetAddress(customer, "Ana Customer"));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
		mail.setSubject(subject);
		mail.setText("We were charged twice for November.\n\nAna");
		GreenMailUtil.sendMimeMessage(withSmtp(mail));
		MimeMessage arrived = await().atMost(Duration.ofSeconds(10))
			.until(() -> to(SUPPORT, subject), found -> found != null);
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		arrived.writeTo(raw);
		MailReceipt receipt = this.intake.receive(raw.toByteArray(), MailSource.API);
		assertThat(receipt.outcome()).isEqualTo(InboundOutcome.CASE_OPENED);
		SupportCase opened = this.cases.find(receipt.caseId()).orElseThrow();
		// a dispatcher routes it to the billing queue
		this.cases.update(TestUsers.viewer(admin), opened.id(), opened.version(),
				new CaseDetails(opened.subject(), opened.description(), opened.accountId(), opened.contactId(),
						opened.productId(), opened.priority(), opened.channel(), null, billing.id(),
						opened.requesterEmail(), opened.requesterName()));

		// the agent lands on the service home page and takes the next case of their queue
		browser.signIn(agent.username(), TestUsers.PASSWORD);
		browser.open("/");
		assertThat(browser.path()).isEqualTo("/service");
		assertThat(browser.visible(By.id("counter-unassigned")).getText()).contains("1");
		assertThat(browser.visible(By.id("unassigned-cases")).getText()).contains(subject);
		browser.click(By.id("next-case"));
		assertThat(browser.visible(By.tagName("h1")).getText()).contains(subject);
		assertThat(browser.path()).isEqualTo("/cases/" + opened.id());
		assertThat(browser.visible(By.id("case-status")).getText()).isEqualTo("Open");

		// replies within its SLA; the reply goes out to the customer
		browser.visible(By.id("comment-body")).sendKeys("Sorry about that: the second charge is refunded today.");
		browser.click(By.id("comment-public"));
		browser.click(By.id("add-comment"));
		assertThat(browser.visible(By.cssSelector(".bw-case-comment-public")).getText()).contains("refunded today");
		MimeMessage reply = await().atMost(Duration.ofSeconds(20))
			.until(() -> to(customer, "Re: " + subject), found -> found != null);
		assertThat(reply.getSubject()).contains("[Case #" + opened.number() + "]");

		// resolves it; the survey goes out
		browser.click(By.id("status-resolved"));
		assertThat(browser.visible(By.id("case-status")).getText()).isEqualTo("Resolved");
		MimeMessage survey = await().atMost(Duration.ofSeconds(20))
			.until(() -> to(customer, "How did we do?"), found -> found != null);
		Matcher link = Pattern.compile("/survey/[^\\s\"'<>?]+\\?csat=5").matcher(text(survey.getContent()));
		assertThat(link.find()).as("the survey e-mail's one-click answer").isTrue();
		browser.signOut();

		// the customer answers from the e-mail, without signing in
		browser.open(link.group());
		assertThat(browser.driver().findElement(By.id("csat-5")).isSelected()).isTrue();
		browser.click(By.cssSelector("label[for=nps-10]"));
		browser.visible(By.id("comment")).sendKeys("Refunded the same day " + tag);
		browser.click(By.id("send-survey"));
		assertThat(browser.visible(By.cssSelector("#survey-answered h1")).getText()).isEqualTo("Thank you");

		// the manager sees it in the service overview (their team's cases only), once
		// the SLA clocks have been measured from the case's events
		LocalDate today = LocalDate.now(this.clock);
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			ServiceOverviewReport report = this.overview.report(TestUsers.viewer(manager), today.minusDays(2),
					today.plusDays(2));
			return report.firstResponse().met() == 1 && report.resolution().met() == 1;
		});
		browser.signIn(manager.username(), TestUsers.PASSWORD);
		browser.open("/service/overview");
		assertThat(browser.visible(By.id("sla-first-response-percent")).getText()).isEqualTo("100.0 %");
		assertThat(browser.visible(By.id("sla-resolution-percent")).getText()).isEqualTo("100.0 %");
		assertThat(browser.visible(By.id("overview-csat-percent")).getText()).isEqualTo("100.0 %");
		assertThat(browser.visible(By.id("overview-nps-value")).getText()).isEqualTo("100.0");
		assertThat(browser.visible(By.id("overview-resolved")).getText()).isEqualTo("1");
		assertThat(browser.seriousAccessibilityViolations()).as("the overview as a manager").isEmpty();
		browser.click(By.id("sla-first-response-met"));
		assertThat(browser.visible(By.id("cases-table")).getText()).contains(opened.reference());
		browser.open("/service/overview");
		browser.click(By.id("overview-csat-link"));
		assertThat(browser.visible(By.id("satisfaction-comments")).getText()).contains("Refunded the same day " + tag)
			.contains(opened.reference());
		browser.signOut();
	}

	@Test
	void theServiceHomePageAndTheOverviewWorkOnAPhoneForAServiceUserAndAnExecutive(Browser browser) {
		User lead = this.users.create(Role.SERVICE);
		User agent = this.users.create(Role.SERVICE, lead.id());
		this.cases.open(TestUsers.viewer(agent), new CaseDetails("Phone walk " + UUID.randomUUID(), null, null, null,
				null, null, null, agent.id(), null, "pat@customer.example", "Pat"));
		walk(browser, agent, List.of("/service"));
		walk(browser, lead, List.of("/service", "/service/overview"));
		walk(browser, this.users.create(Role.EXECUTIVE), List.of("/service", "/service/overview"));
	}

	private static void walk(Browser browser, User user, List<String> pages) {
		browser.signIn(user.username(), TestUsers.PASSWORD);
		for (String page : pages) {
			browser.open(page);
			assertThat(browser.visible(By.tagName("h1")).getText()).as(page + " as " + user.role()).isNotBlank();
			assertThat(browser.seriousAccessibilityViolations()).as(page + " as " + user.role()).isEmpty();
			String shot = user.role().name().toLowerCase() + page.replaceAll("[^a-z0-9-]", "-") + "-375px.png";
			assertThat(browser.widthOnAPhone(shot)).as(page + " on a phone as " + user.role()).isLessThanOrEqualTo(375);
		}
		browser.signOut();
	}

	/** The text of a message's content, its parts' texts one after the other. */
	private static String text(Object content) throws Exception {
		if (content instanceof jakarta.mail.Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i).getContent())).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

	/** The message sent, with the test SMTP server's session. */
	private static MimeMessage withSmtp(MimeMessage message) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
		MimeMessage sent = new MimeMessage(Session.getInstance(properties), toStream(message));
		sent.saveChanges();
		return sent;
	}

	private static java.io.InputStream toStream(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return new java.io.ByteArrayInputStream(out.toByteArray());
	}

	/** The latest message to the address whose subject starts so, or {@code null}. */
	private static MimeMessage to(String address, String subjectStart) throws Exception {
		MimeMessage found = null;
		for (MimeMessage message : MAIL.getReceivedMessages()) {
			boolean addressed = message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
				.anyMatch(recipient -> recipient.toString().contains(address));
			if (addressed && message.getSubject() != null && message.getSubject().startsWith(subjectStart)) {
				found = message;
			}
		}
		return found;
	}

}
