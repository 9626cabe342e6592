package dev.bellwether.service.mail;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.service.CaseChannel;
import dev.bellwether.service.CaseComment;
import dev.bellwether.service.CaseCommented;
import dev.bellwether.service.CaseOpened;
import dev.bellwether.service.Cases;
import dev.bellwether.service.CommentSource;
import dev.bellwether.service.SupportCase;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail to case from end to end, through real mail servers (GreenMail, SMTP and IMAP): a
 * customer mails the support address, the polled mailbox opens a case, the agent's reply
 * reaches the customer with the case's token, the customer's answer joins the same case;
 * an automatic reply and a loop open nothing and get no answer.
 */
@IntegrationTest
@RecordApplicationEvents
class EmailToCaseTests {

	static final String SUPPORT = "support@example.com";

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
		.withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, "support", "mailbox-secret"));

	@Autowired
	InboundMail intake;

	@Autowired
	CaseMailLog mailLog;

	@Autowired
	Cases cases;

	@Autowired
	TestUsers users;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	MailboxPoller poller;

	CaseMailer mailer;

	JavaMailSenderImpl smtp;

	String customer;

	@BeforeEach
	void mailServers() {
		this.poller = new MailboxPoller(properties(null), this.intake);
		this.smtp = new JavaMailSenderImpl();
		this.smtp.setHost("localhost");
		this.smtp.setPort(mail.getSmtp().getPort());
		this.mailer = new CaseMailer(Optional.of(this.smtp), this.mailLog, this.cases, SUPPORT, this.clock);
		this.customer = "ana." + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
	}

	@Test
	void aCustomersMailOpensACaseTheAgentsReplyReachesThemAndTheirAnswerJoinsTheCase() throws Exception {
		send(message(this.customer, SUPPORT, "Printer down", "The printer on floor 2 is down.\n\nAna"));

		assertThat(this.poller.poll()).isEqualTo(new MailboxPoller.Polled(1, 0));
		SupportCase opened = onlyCaseOf(this.customer);
		assertThat(opened.subject()).isEqualTo("Printer down");
		assertThat(opened.description()).isEqualTo("The printer on floor 2 is down.\n\nAna");
		assertThat(opened.channel()).isEqualTo(CaseChannel.EMAIL);
		assertThat(opened.requesterEmail()).isEqualTo(this.customer);
		// marked seen only once received: the next poll finds nothing new
		assertThat(this.poller.poll()).isEqualTo(new MailboxPoller.Polled(0, 0));

		User agent = this.users.create(Role.SERVICE);
		CaseComment note = this.cases.addComment(agent.id(), opened.id(), "Internal: toner order pending", true);
		CaseComment reply = this.cases.addComment(agent.id(), opened.id(), "Please restart the printer.", false);
		int before = mail.getReceivedMessages().length;
		this.mailer.on(new CaseCommented(opened.id(), note.id(), CommentSource.AGENT, true, note.createdAt()));
		assertThat(mail.getReceivedMessages()).as("internal notes are never mailed").hasSize(before);
		assertThat(this.mailer.mailReply(note.id())).isEmpty();
		this.mailer.on(new CaseCommented(opened.id(), reply.id(), CommentSource.AGENT, false, reply.createdAt()));

		MimeMessage received = lastMessageTo(this.customer);
		String sentId = received.getMessageID().substring(1, received.getMessageID().length() - 1);
		assertThat(received.getSubject()).isEqualTo("Re: Printer down [Case #" + opened.number() + "]");
		assertThat(sentId).contains(".case-" + opened.number() + "@example.com");
		assertThat(received.getFrom()[0].toString()).isEqualTo(SUPPORT);
		assertThat(received.getHeader("In-Reply-To")[0]).startsWith("<").endsWith(">");
		assertThat(received.getHeader("Auto-Submitted")).isNull();
		assertThat(received.getHeader(AutomaticMail.LOOP_HEADER)).containsExactly(SUPPORT);
		assertThat(received.getContent().toString()).contains("Please restart the printer.")
			.doesNotContain("toner order");

		MimeMessage answer = (MimeMessage) received.reply(false);
		answer.setFrom(new InternetAddress(this.customer));
		answer.setText(
				"It works again, thank you!\n\nOn Wed, 17 Jun 2026 at 10:05, Support <support@example.com> wrote:\n"
						+ "> Please restart the printer.\n");
		send(answer);

		assertThat(this.poller.poll().received()).isEqualTo(1);
		assertThat(onlyCaseOf(this.customer).id()).isEqualTo(opened.id());
		CaseComment last = lastComment(opened);
		assertThat(last.source()).isEqualTo(CommentSource.CUSTOMER);
		assertThat(last.authorEmail()).isEqualTo(this.customer);
		assertThat(last.body()).isEqualTo("It works again, thank you!");
	}

	@Test
	void aReplyWithoutReferenceHeadersJoinsItsCaseByTheTokenInItsSubject() throws Exception {
		send(message(this.customer, SUPPORT, "Invoice wrong", "The invoice says 1,200."));
		this.poller.poll();
		SupportCase opened = onlyCaseOf(this.customer);

		send(message(this.customer, SUPPORT, "AW: WG: Invoice wrong [Case #" + opened.number() + "]",
				"Here is the invoice again."));
		this.poller.poll();

		assertThat(onlyCaseOf(this.customer).id()).isEqualTo(opened.id());
		assertThat(lastComment(opened).body()).isEqualTo("Here is the invoice again.");
	}

	@Test
	void anAcknowledgementSaysItIsAutomaticAndAnAutoReplyToItOpensNothingAndGetsNoAnswer() throws Exception {
		send(message(this.customer, SUPPORT, "Login fails", "I cannot log in."));
		this.poller.poll();
		SupportCase opened = onlyCaseOf(this.customer);
		this.mailer.acknowledge(opened.id(), "whatever@customer.example");
		MimeMessage acknowledgement = lastMessageTo(this.customer);
		assertThat(acknowledgement.getHeader("Auto-Submitted")).containsExactly("auto-replied");
		assertThat(acknowledgement.getSubject()).endsWith("[Case #" + opened.number() + "]");
		long before = this.events.stream(CaseOpened.class).count();
		long acknowledged = this.events.stream(CaseMailReceived.class).count();
		int commentsBefore = this.cases.comments(opened.id()).size();

		MimeMessage outOfOffice = message(this.customer, SUPPORT,
				"Automatic reply: Login fails [Case #" + opened.number() + "]", "I am out of the office until Monday.");
		outOfOffice.setHeader("Auto-Submitted", "auto-replied");
		send(outOfOffice);
		this.poller.poll();

		assertThat(onlyCaseOf(this.customer).id()).isEqualTo(opened.id());
		assertThat(this.cases.comments(opened.id())).hasSize(commentsBefore);
		assertThat(this.events.stream(CaseOpened.class).count()).isEqualTo(before);
		assertThat(this.events.stream(CaseMailReceived.class).count()).as("no acknowledgement").isEqualTo(acknowledged);
		MailboxEntry held = this.mailLog.recent(InboundOutcome.HELD_AUTO_REPLY.name(), 10)
			.stream()
			.filter(entry -> this.customer.equals(entry.fromAddress()))
			.findFirst()
			.orElseThrow();
		assertThat(held.hasRaw()).isTrue();
		assertThat(held.caseId()).isNull();
	}

	@Test
	void aMailLoopIsStopped() throws Exception {
		// an autoresponder that sets no header answers every message: after the rate cap
		// its messages are held, and nothing answers them
		String robot = "robot." + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
		int limit = 20;
		for (int i = 0; i <= limit; i++) {
			send(message(robot, SUPPORT, "Re: Your request " + i, "Thank you for your message " + i + "."));
		}
		assertThat(this.poller.poll().received()).isEqualTo(limit + 1);

		assertThat(this.mailLog.recent(InboundOutcome.HELD_RATE_LIMIT.name(), 50)
			.stream()
			.filter(entry -> robot.equals(entry.fromAddress()))).hasSize(1);
		assertThat(casesOf(robot)).hasSize(limit);

		// our own message coming back (a forwarding loop) is held too
		MimeMessage echo = message(SUPPORT, SUPPORT, "Re: Printer down [Case #1]", "echo");
		send(echo);
		this.poller.poll();
		assertThat(this.mailLog.recent(InboundOutcome.HELD_LOOP.name(), 50)
			.stream()
			.filter(entry -> SUPPORT.equals(entry.fromAddress()))).isNotEmpty();
	}

	@Test
	void aProcessedFolderReceivesEachMessageOnceReceived() throws Exception {
		MailboxPoller moving = new MailboxPoller(properties("Processed"), this.intake);
		send(message(this.customer, SUPPORT, "Move me", "Please."));

		assertThat(moving.poll().received()).isEqualTo(1);
		assertThat(moving.poll().received()).isZero();
		assertThat(casesOf(this.customer)).hasSize(1);
	}

	@Test
	void aMessageOverTheSizeLimitOpensItsCaseFromItsHeadersAndStaysInTheMailbox() throws Exception {
		MailboxProperties small = properties(null);
		small = new MailboxProperties(true, small.host(), small.port(), small.username(), small.password(),
				small.folder(), false, null, SUPPORT, List.of(), small.pollInterval(), 50, DataSize.ofKilobytes(4),
				true, 20, small.senderWindow());
		send(message(this.customer, SUPPORT, "Huge logs", "log line\n".repeat(2000)));

		assertThat(new MailboxPoller(small, this.intake).poll().received()).isEqualTo(1);

		SupportCase opened = onlyCaseOf(this.customer);
		assertThat(opened.subject()).isEqualTo("Huge logs");
		assertThat(opened.description()).contains("over Bellwether's limit of 4 KB", "It is in the support mailbox");
	}

	@Test
	void aMessageFetchedTwiceOpensOneCase() throws Exception {
		MimeMessage once = message(this.customer, SUPPORT, "Twice", "Same message.");
		once.saveChanges();
		byte[] raw = MailFixtures.toBytes(once);

		MailReceipt first = this.intake.receive(raw, MailSource.IMAP);
		MailReceipt second = this.intake.receive(raw, MailSource.IMAP);

		assertThat(first.outcome()).isEqualTo(InboundOutcome.CASE_OPENED);
		assertThat(second.duplicate()).isTrue();
		assertThat(second.caseId()).isEqualTo(first.caseId());
		assertThat(casesOf(this.customer)).hasSize(1);
	}

	private MailboxProperties properties(String processedFolder) {
		return new MailboxProperties(true, "localhost", mail.getImap().getPort(), "support", "mailbox-secret", "INBOX",
				false, processedFolder, SUPPORT, List.of(), java.time.Duration.ofMinutes(1), 50,
				DataSize.ofMegabytes(50), true, 20, java.time.Duration.ofMinutes(10));
	}

	private MimeMessage message(String from, String to, String subject, String text) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress(from));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		message.setText(text, "UTF-8");
		return message;
	}

	private void send(MimeMessage message) {
		this.smtp.send(message);
	}

	private MimeMessage lastMessageTo(String address) throws Exception {
		MimeMessage last = null;
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
				last = message;
			}
		}
		assertThat(last).as("a message to " + address).isNotNull();
		return last;
	}

	private CaseComment lastComment(SupportCase supportCase) {
		List<CaseComment> comments = this.cases.comments(supportCase.id());
		return comments.get(comments.size() - 1);
	}

	private SupportCase onlyCaseOf(String requester) {
		List<SupportCase> found = casesOf(requester);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private List<SupportCase> casesOf(String requester) {
		return this.mailLog.recent(null, 500)
			.stream()
			.filter(entry -> entry.caseId() != null && requester.equals(entry.fromAddress()))
			.map(MailboxEntry::caseId)
			.distinct()
			.map(id -> this.cases.find(id).orElseThrow())
			.toList();
	}

}
