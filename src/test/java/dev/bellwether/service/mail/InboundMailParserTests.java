package dev.bellwether.service.mail;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading raw messages of the shapes real mail programs send.
 */
class InboundMailParserTests {

	@Test
	void readsAGmailReplyPreferringItsPlainTextAndTrimmingTheQuotedHistory() throws Exception {
		InboundMessage message = InboundMailParser.parse(MailFixtures.file("gmail-reply.eml"));

		assertThat(message.sender()).isEqualTo(new MailAddress("ana.silva@gmail.com", "Ana Silva"));
		assertThat(message.subject()).isEqualTo("Re: Printer down [Case #1042]");
		assertThat(message.messageId()).isEqualTo("CAKx9Lm3Vq+7rD8s=Jw2z@mail.gmail.com");
		assertThat(message.inReplyTo()).containsExactly("0193f1aa-0001-7000-8000-000000000001.case-1042@example.com");
		assertThat(message.references()).containsExactly("0193f1aa-0001-7000-8000-000000000001.case-1042@example.com");
		assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-12-07T10:05:01Z"));
		assertThat(message.text()).startsWith("Thanks, it works again after the restart. João says hello.")
			.contains("> Please restart the printer");
		assertThat(message.replyText()).isEqualTo("Thanks, it works again after the restart. João says hello.");
		assertThat(message.attachments()).isEmpty();
	}

	@Test
	void readsAnOutlookReplyInWindows1252WithAnEncodedSubjectAndAttachmentName() throws Exception {
		InboundMessage message = InboundMailParser.parse(MailFixtures.file("outlook-reply.eml"));

		assertThat(message.sender()).isEqualTo(new MailAddress("m.mueller@contoso.de", "Müller, Markus"));
		assertThat(message.subject()).isEqualTo("AW: Rechnung für März – falscher Betrag");
		assertThat(message.text()).contains("die Rechnung zeigt 1.200 € statt 1.000 € – bitte prüfen.", "Grüße");
		assertThat(message.replyText()).endsWith("Grüße\nMarkus").doesNotContain("Von:", "Wir sehen uns das an");
		assertThat(message.attachments()).singleElement().satisfies(attachment -> {
			assertThat(attachment.fileName()).isEqualTo("Rechnung März.pdf");
			assertThat(attachment.contentType()).isEqualTo("application/pdf");
			assertThat(new String(attachment.content(), 0, 8)).isEqualTo("%PDF-1.4");
			assertThat(attachment.size()).isEqualTo(attachment.content().length);
		});
	}

	@Test
	void turnsAnHtmlOnlyMessageIntoReadableTextWithoutItsScriptsOrStyles() throws Exception {
		InboundMessage message = InboundMailParser.parse(MailFixtures.file("html-only.eml"));

		assertThat(message.subject()).isEqualTo("Änderung meiner Bestellung – btte helfen");
		assertThat(message.text()).isEqualTo("""
				Order #55

				Please change my order & ship it to:
				Rua Augusta 12
				Lisboa

				- 2 × paper
				- 1 toner – black

				See my order (https://shop.example/orders/55) or https://shop.example/help.

				Total 12,50 €""");
		assertThat(message.text()).doesNotContain("alert", "color", "hidden", "<");
	}

	@Test
	void readsLatin1LabelledTextAsWindows1252AndAnUnknownCharsetAsUtf8() throws Exception {
		assertThat(InboundMailParser.parse(MailFixtures.file("windows-1252.eml")).text())
			.isEqualTo("Grüße “José” – 50 €");
		assertThat(InboundMailParser.parse(MailFixtures.file("unknown-charset.eml")).text()).isEqualTo("Café – ok");
	}

	@Test
	void takesTheSenderFromReplyToWhenFromNamesNoAddress() throws Exception {
		InboundMessage message = InboundMailParser.parse(MailFixtures.file("reply-to-only.eml"));

		assertThat(message.sender()).isEqualTo(new MailAddress("bob@example.net", "Bob"));
	}

	@Test
	void aMessageWithoutAnyAddressHasNoSender() throws Exception {
		InboundMessage message = InboundMailParser.parse(MailFixtures.file("no-sender.eml"));

		assertThat(message.sender()).isNull();
		assertThat(message.subject()).isEqualTo("Who am I?");
	}

	@Test
	void malformedMimeIsUnreadableAndItsHeadersAreStillTold() {
		assertThatExceptionOfType(UnreadableMailException.class)
			.isThrownBy(() -> InboundMailParser.parse(MailFixtures.file("missing-boundary.eml")))
			.withMessageContaining("MIME structure could not be read");
		assertThatExceptionOfType(UnreadableMailException.class)
			.isThrownBy(() -> InboundMailParser.parse(MailFixtures.file("broken-base64.eml")));
		assertThatExceptionOfType(UnreadableMailException.class)
			.isThrownBy(() -> InboundMailParser.parse(MailFixtures.file("not-a-message.eml")))
			.withMessage("The message does not start with e-mail headers.");

		InboundMailParser.Envelope envelope = InboundMailParser.envelope(MailFixtures.file("missing-boundary.eml"));
		assertThat(envelope.messageId()).isEqualTo("broken-1@example.com");
		assertThat(envelope.sender().email()).isEqualTo("ana@example.com");
		assertThat(envelope.subject()).isEqualTo("Broken");
	}

	@Test
	void takesAnAttachmentOfTwentyMegabytesAndRefusesALargerOneButNotTheMessage() throws Exception {
		int limit = (int) InboundMailParser.MAX_ATTACHMENT_SIZE;
		InboundMessage atLimit = InboundMailParser.parse(MailFixtures.withAttachment("ana@example.com", "Logs",
				"at-limit@example.com", "Logs attached.", "logs.zip", limit));
		assertThat(atLimit.attachments()).singleElement().satisfies(attachment -> {
			assertThat(attachment.size()).isEqualTo(limit);
			assertThat(attachment.content()).hasSize(limit);
		});
		assertThat(atLimit.refusedAttachments()).isEmpty();

		InboundMessage over = InboundMailParser.parse(MailFixtures.withAttachment("ana@example.com", "Logs",
				"over-limit@example.com", "Logs attached.", "huge.zip", limit + 1));
		assertThat(over.attachments()).isEmpty();
		assertThat(over.text()).isEqualTo("Logs attached.");
		assertThat(over.refusedAttachments()).singleElement().satisfies(refused -> {
			assertThat(refused.fileName()).isEqualTo("huge.zip");
			assertThat(refused.size()).isEqualTo(limit + 1);
			assertThat(refused.note()).isEqualTo(
					"The attachment \"huge.zip\" (20.0 MB) was not added: it is larger than the limit of 20.0 MB.");
		});
	}

	@Test
	void aMessageWithoutMessageIdGetsOneMadeUpFromItsContent() throws Exception {
		byte[] raw = "From: a@example.com\r\nSubject: x\r\n\r\nHello\r\n".getBytes();
		InboundMessage message = InboundMailParser.parse(raw);

		assertThat(message.messageId()).endsWith("@inbound.bellwether.invalid")
			.isEqualTo(InboundMailParser.parse(raw).messageId());
	}

}
