package dev.bellwether.service.mail;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.service.CaseAttachments;
import dev.bellwether.service.CaseComment;
import dev.bellwether.service.Cases;
import dev.bellwether.service.CommentSource;
import dev.bellwether.service.SupportCase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The intake's clear outcomes for bad input — nothing lost — and its two doors: the API
 * for posted messages and the administrators' mailbox page.
 */
@IntegrationTest
class InboundMailTests {

	static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

	@Autowired
	InboundMail intake;

	@Autowired
	Cases cases;

	@Autowired
	CaseAttachments attachments;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Test
	void aMessageWithNoSenderIsKeptForAnAdministratorAndOpensNothing() {
		byte[] raw = new String(MailFixtures.file("no-sender.eml"), StandardCharsets.UTF_8)
			.replace("no-sender-1@", unique() + "@")
			.getBytes(StandardCharsets.UTF_8);

		MailReceipt receipt = this.intake.receive(raw, MailSource.API);

		assertThat(receipt.outcome()).isEqualTo(InboundOutcome.NO_SENDER);
		assertThat(receipt.caseId()).isNull();
		assertThat(this.intake.original(receipt.id())).hasValueSatisfying(kept -> assertThat(kept).isEqualTo(raw));
	}

	@Test
	void aSenderThatCannotBeAnsweredIsKeptLikeNoSender() {
		byte[] raw = ("From: root@localhost\r\nSubject: cron\r\nMessage-ID: <" + unique() + "@localhost>\r\n\r\nx\r\n")
			.getBytes(StandardCharsets.UTF_8);

		MailReceipt receipt = this.intake.receive(raw, MailSource.API);

		assertThat(receipt.outcome()).isEqualTo(InboundOutcome.NO_SENDER);
		assertThat(receipt.detail()).isEqualTo("The sender's address root@localhost cannot be answered.");
	}

	@Test
	void aLoopIsNeverReleased() {
		byte[] raw = ("From: someone@customer.example\r\nX-Bellwether-Loop: support@example.com\r\nSubject: Re: x"
				+ "\r\nMessage-ID: <" + unique() + "@c.example>\r\n\r\nx\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MailReceipt held = this.intake.receive(raw, MailSource.API);
		assertThat(held.outcome()).isEqualTo(InboundOutcome.HELD_LOOP);
		assertThat(this.intake.entry(held.id()).orElseThrow().releasable()).isFalse();

		assertThatThrownBy(() -> this.intake.release(held.id(), this.users.create(Role.ADMIN).id()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("cannot be released");
	}

	@Test
	void malformedMimeIsKeptAsReceivedAndNamedUnreadable() {
		byte[] raw = new String(MailFixtures.file("missing-boundary.eml"), StandardCharsets.UTF_8)
			.replace("broken-1@", unique() + "@")
			.getBytes(StandardCharsets.UTF_8);

		MailReceipt receipt = this.intake.receive(raw, MailSource.API);

		assertThat(receipt.outcome()).isEqualTo(InboundOutcome.UNREADABLE);
		assertThat(receipt.detail()).contains("MIME structure could not be read");
		assertThat(this.intake.original(receipt.id())).hasValueSatisfying(kept -> assertThat(kept).isEqualTo(raw));
		MailboxEntry entry = this.intake.entry(receipt.id()).orElseThrow();
		assertThat(entry.fromAddress()).isEqualTo("ana@example.com");
		assertThat(entry.subject()).isEqualTo("Broken");
	}

	@Test
	void anAttachmentOverTwentyMegabytesIsLeftOutWithANoteAndTheCaseStillOpens() {
		String from = unique() + "@customer.example";
		int limit = (int) InboundMailParser.MAX_ATTACHMENT_SIZE;
		MailReceipt big = this.intake.receive(MailFixtures.withAttachment(from, "Crash dump", unique() + "@c.example",
				"The dump is attached.", "dump.bin", limit + 1), MailSource.API);

		assertThat(big.outcome()).isEqualTo(InboundOutcome.CASE_OPENED);
		assertThat(this.attachments.of(big.caseId())).isEmpty();
		CaseComment note = this.cases.comments(big.caseId()).get(0);
		assertThat(note.source()).isEqualTo(CommentSource.SYSTEM);
		assertThat(note.internal()).isTrue();
		assertThat(note.body()).contains("\"dump.bin\"", "was not added", "20.0 MB");
		assertThat(this.cases.find(big.caseId()).orElseThrow().description()).isEqualTo("The dump is attached.");

		MailReceipt atLimit = this.intake.receive(MailFixtures.withAttachment(from, "Crash dump 2",
				unique() + "@c.example", "Smaller.", "dump2.bin", limit), MailSource.API);
		assertThat(this.attachments.of(atLimit.caseId())).singleElement()
			.satisfies(attachment -> assertThat(attachment.size()).isEqualTo(limit));
	}

	@Test
	void aHeldMessageCanBeReleasedToOpenACase() {
		String from = unique() + "@customer.example";
		byte[] raw = ("From: " + from + "\r\nSubject: Newsletter reply\r\nPrecedence: bulk\r\nMessage-ID: <" + unique()
				+ "@c.example>\r\n\r\nActually I need help.\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MailReceipt held = this.intake.receive(raw, MailSource.API);
		assertThat(held.outcome()).isEqualTo(InboundOutcome.HELD_MAILING_LIST);
		User admin = this.users.create(Role.ADMIN);

		MailReceipt released = this.intake.release(held.id(), admin.id());

		assertThat(released.outcome()).isEqualTo(InboundOutcome.RELEASED);
		SupportCase opened = this.cases.find(released.caseId()).orElseThrow();
		assertThat(opened.subject()).isEqualTo("Newsletter reply");
		assertThat(opened.requesterEmail()).isEqualTo(from);
		MailboxEntry entry = this.intake.entry(held.id()).orElseThrow();
		assertThat(entry.releasedBy()).isEqualTo(admin.id());
		assertThat(entry.releasable()).isFalse();
		// posted again, it is the same message: nothing more happens
		assertThat(this.intake.receive(raw, MailSource.API).duplicate()).isTrue();
	}

	@Test
	void administratorsPostRawMessagesAndAreToldWhatHappened() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		String from = unique() + "@customer.example";
		byte[] raw = MailFixtures.plain(from, "Posted", unique() + "@c.example", "Hello from a pipe.");

		this.mvc.perform(post("/api/v1/inbound-mail").with(TestUsers.basic(admin)).contentType(RFC822).content(raw))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.outcome").value("CASE_OPENED"))
			.andExpect(jsonPath("$.caseNumber").isNumber())
			.andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.startsWith("Case #")));
		this.mvc.perform(post("/api/v1/inbound-mail").with(TestUsers.basic(admin)).contentType(RFC822).content(raw))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duplicate").value(true));
		this.mvc
			.perform(post("/api/v1/inbound-mail").with(TestUsers.basic(admin))
				.contentType(RFC822)
				.content(MailFixtures.file("not-a-message.eml")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.outcome").value("UNREADABLE"));
		byte[] autoReply = ("From: " + from + "\r\nAuto-Submitted: auto-replied\r\nSubject: Out of office\r\n"
				+ "Message-ID: <" + unique() + "@c.example>\r\n\r\nAway.\r\n")
			.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(post("/api/v1/inbound-mail").with(TestUsers.basic(admin)).contentType(RFC822).content(autoReply))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.outcome").value("HELD_AUTO_REPLY"));
	}

	@Test
	void aPostedMessageMayBeLargerThanOtherApiBodiesUpToTheMailboxLimit() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		byte[] twoMegabytes = MailFixtures.withAttachment(unique() + "@customer.example", "Screenshots",
				unique() + "@c.example", "See attached.", "screens.zip", 2 * 1024 * 1024);
		this.mvc
			.perform(
					post("/api/v1/inbound-mail").with(TestUsers.basic(admin)).contentType(RFC822).content(twoMegabytes))
			.andExpect(status().isCreated());

		byte[] overLimit = new byte[50 * 1024 * 1024 + 1];
		this.mvc
			.perform(post("/api/v1/inbound-mail").with(TestUsers.basic(admin)).contentType(RFC822).content(overLimit))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.status").value(413));
	}

	@Test
	void onlyAdministratorsPostMessages() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		this.mvc
			.perform(post("/api/v1/inbound-mail").with(TestUsers.basic(agent))
				.contentType(RFC822)
				.content(MailFixtures.plain("a@customer.example", "x", unique() + "@c.example", "x")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/v1/inbound-mail").contentType(RFC822).content("From: a@b.example\r\n\r\nx"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theMailboxPageListsMessagesAndReleasesAHeldOne() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		String subject = "Held " + unique();
		byte[] raw = ("From: " + unique() + "@customer.example\r\nSubject: " + subject
				+ "\r\nX-Autoreply: yes\r\nMessage-ID: <" + unique() + "@c.example>\r\n\r\nAway.\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MailReceipt held = this.intake.receive(raw, MailSource.API);
		var session = TestUsers.signIn(this.mvc, admin);

		this.mvc.perform(get("/admin/mailbox").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(subject)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Held: automatic reply")));
		this.mvc.perform(get("/admin/mailbox/{id}/original", held.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andExpect(content().bytes(raw));
		this.mvc.perform(post("/admin/mailbox/{id}/release", held.id()).with(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.intake.entry(held.id()).orElseThrow().outcome()).isEqualTo("RELEASED");

		var rep = TestUsers.signIn(this.mvc, this.users.create(Role.REP));
		this.mvc.perform(get("/admin/mailbox").with(rep)).andExpect(status().isForbidden());
	}

	private static String unique() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
