package dev.bellwether.service;

/**
 * A customer's request that arrived without an agent (an e-mail, a web form), for
 * {@link Cases#openFromCustomer}.
 *
 * @param channel {@link CaseChannel#EMAIL} or {@link CaseChannel#WEB} (or
 * {@link CaseChannel#PORTAL})
 * @param requesterEmail the sender's address; the contact is matched by it
 * @param requesterName the sender's display name, if any
 * @param subject the subject (a blank one becomes "(no subject)"; a long one is cut to
 * 300 characters)
 * @param body the message text (cut to 100,000 characters)
 * @param priority {@code null} means {@link CasePriority#NORMAL}
 */
public record InboundCase(CaseChannel channel, String requesterEmail, String requesterName, String subject, String body,
		CasePriority priority) {

	public InboundCase(CaseChannel channel, String requesterEmail, String requesterName, String subject, String body) {
		this(channel, requesterEmail, requesterName, subject, body, null);
	}

}
