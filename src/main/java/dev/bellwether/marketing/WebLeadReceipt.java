package dev.bellwether.marketing;

/**
 * How a web-to-lead post was answered, when it was not refused for what it carried (an
 * unknown form, a foreign origin and invalid fields are exceptions).
 *
 * @param thankYouUrl where a browser goes next, or {@code null} for Bellwether's page
 * @param retryAfterSeconds for {@link Outcome#RATE_LIMITED}: when the client may post
 * again
 */
public record WebLeadReceipt(Outcome outcome, String thankYouUrl, long retryAfterSeconds) {

	public enum Outcome {

		/** A lead was created. */
		RECEIVED,

		/**
		 * The honeypot was filled in: answered like {@link #RECEIVED}, nothing stored.
		 */
		SPAM,

		/** Too many posts from the client address this minute: nothing stored. */
		RATE_LIMITED,

		/**
		 * The form's owner can't own leads any more (deactivated, say): nothing stored
		 * until an administrator chooses another.
		 */
		UNAVAILABLE

	}

	/** Whether the visitor is told their post was received. */
	public boolean looksReceived() {
		return this.outcome == Outcome.RECEIVED || this.outcome == Outcome.SPAM;
	}

}
