package dev.bellwether.service.mail;

/**
 * What became of a message received for the support mailbox. Only {@link #CASE_OPENED},
 * {@link #THREADED} and {@link #RELEASED} reach a case; the others are kept, with the
 * message as received, for an administrator ({@code /admin/mailbox}).
 */
public enum InboundOutcome {

	CASE_OPENED("Case opened", false), THREADED("Added to its case", false), RELEASED("Released, case opened", false),
	HELD_AUTO_REPLY("Held: automatic reply", true), HELD_BOUNCE("Held: delivery failure", true),
	HELD_MAILING_LIST("Held: mailing list or bulk mail", true), HELD_LOOP("Held: mail loop", true),
	HELD_RATE_LIMIT("Held: too many messages from this sender", true), NO_SENDER("Kept: no sender", false),
	UNREADABLE("Kept: unreadable", false);

	private final String label;

	private final boolean held;

	InboundOutcome(String label, boolean held) {
		this.label = label;
		this.held = held;
	}

	public String label() {
		return this.label;
	}

	/** Held for being automatic or too many: an administrator may release it. */
	public boolean held() {
		return this.held;
	}

	public boolean reachedACase() {
		return this == CASE_OPENED || this == THREADED || this == RELEASED;
	}

}
