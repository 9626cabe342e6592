package dev.bellwether.service.mail;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail no person wrote, and mail that would loop, is told apart before it opens a case.
 */
class AutomaticMailTests {

	AutomaticMail automatic = new AutomaticMail(List.of("Support@Example.com", "help@example.com"));

	@Test
	void anOutOfOfficeReplyIsAnAutoReply() throws Exception {
		assertThat(outcome(InboundMailParser.parse(MailFixtures.file("out-of-office.eml"))))
			.isEqualTo(InboundOutcome.HELD_AUTO_REPLY);
	}

	@Test
	void aDeliveryFailureIsABounce() throws Exception {
		assertThat(outcome(InboundMailParser.parse(MailFixtures.file("bounce.eml"))))
			.isEqualTo(InboundOutcome.HELD_BOUNCE);
	}

	@Test
	void aMailingListMessageIsHeld() throws Exception {
		assertThat(outcome(InboundMailParser.parse(MailFixtures.file("mailing-list.eml"))))
			.isEqualTo(InboundOutcome.HELD_MAILING_LIST);
	}

	@Test
	void aPersonsMessageIsNotHeld() throws Exception {
		assertThat(this.automatic.check(InboundMailParser.parse(MailFixtures.file("gmail-reply.eml")))).isEmpty();
		assertThat(this.automatic.check(InboundMailParser.parse(MailFixtures.file("outlook-reply.eml")))).isEmpty();
	}

	@Test
	void autoSubmittedNoIsAPersonAndAnyOtherValueIsNot() throws Exception {
		assertThat(this.automatic.check(withHeaders("Auto-Submitted: no"))).isEmpty();
		assertThat(outcome(withHeaders("Auto-Submitted: auto-generated; owner-email=\"x@example.com\"")))
			.isEqualTo(InboundOutcome.HELD_AUTO_REPLY);
		assertThat(outcome(withHeaders("X-Autoreply: yes"))).isEqualTo(InboundOutcome.HELD_AUTO_REPLY);
		assertThat(outcome(withHeaders("X-Autorespond: on vacation"))).isEqualTo(InboundOutcome.HELD_AUTO_REPLY);
		assertThat(outcome(withHeaders("Precedence: bulk"))).isEqualTo(InboundOutcome.HELD_MAILING_LIST);
		assertThat(outcome(withHeaders("Precedence: junk"))).isEqualTo(InboundOutcome.HELD_MAILING_LIST);
	}

	@Test
	void ourOwnAddressOrLoopHeaderComingBackIsALoop() throws Exception {
		InboundMessage fromUs = InboundMailParser
			.parse("From: Support <support@example.com>\r\nSubject: Re: x\r\n\r\nHello\r\n".getBytes());
		assertThat(outcome(fromUs)).isEqualTo(InboundOutcome.HELD_LOOP);
		InboundMessage fromAlias = InboundMailParser
			.parse("From: HELP@example.com\r\nSubject: Re: x\r\n\r\nHello\r\n".getBytes());
		assertThat(outcome(fromAlias)).isEqualTo(InboundOutcome.HELD_LOOP);
		assertThat(outcome(withHeaders("X-Bellwether-Loop: support@other.example")))
			.isEqualTo(InboundOutcome.HELD_LOOP);
	}

	private InboundOutcome outcome(InboundMessage message) {
		return this.automatic.check(message).orElseThrow().outcome();
	}

	private static InboundMessage withHeaders(String headers) throws UnreadableMailException {
		return InboundMailParser
			.parse(("From: ana@customer.example\r\n" + headers + "\r\nSubject: Hi\r\n\r\nHello\r\n").getBytes());
	}

}
