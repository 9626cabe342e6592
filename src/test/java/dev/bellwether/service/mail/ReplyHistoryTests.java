package dev.bellwether.service.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the reply's own words join the case; the history is cut only where it reliably
 * starts.
 */
class ReplyHistoryTests {

	@Test
	void cutsAtOnWrote() {
		assertThat(ReplyHistory.trim("""
				Works now, thanks!

				On Mon, Dec 7, 2026 at 10:02 AM Support <support@example.com> wrote:
				> Please restart it.
				""")).isEqualTo("Works now, thanks!");
	}

	@Test
	void cutsAtOutlooksOriginalMessageAndHeaderBlock() {
		assertThat(ReplyHistory.trim("""
				Still broken.

				-----Original Message-----
				From: Support
				Sent: Monday
				""")).isEqualTo("Still broken.");
		assertThat(ReplyHistory.trim("""
				Still broken.

				From: Support <support@example.com>
				Sent: Monday, December 7, 2026 10:02 AM
				To: Ana Silva <ana@example.com>
				Subject: RE: Printer down [Case #1042]
				""")).isEqualTo("Still broken.");
	}

	@Test
	void cutsAtGermanAndFrenchHeadersAndATrailingQuote() {
		assertThat(ReplyHistory.trim("Danke.\n\nAm 07.12.2026 um 10:02 schrieb Support <support@example.com>:\n> x"))
			.isEqualTo("Danke.");
		assertThat(ReplyHistory.trim("Merci.\n\nLe lun. 7 déc. 2026 à 10:02, Support a écrit :\n> x"))
			.isEqualTo("Merci.");
		assertThat(ReplyHistory.trim("Yes.\n\n> Is it working?\n> Support")).isEqualTo("Yes.");
	}

	@Test
	void keepsEverythingWhenNothingWouldBeLeftOrNothingIsQuoted() {
		String onlyQuote = "On Mon, Dec 7, 2026 Support wrote:\n> Please restart it.";
		assertThat(ReplyHistory.trim(onlyQuote)).isEqualTo(onlyQuote);
		assertThat(ReplyHistory.trim("From: me, with love\nThanks")).isEqualTo("From: me, with love\nThanks");
		assertThat(ReplyHistory.trim("Keep inline > quotes\nin the middle."))
			.isEqualTo("Keep inline > quotes\nin the middle.");
	}

}
