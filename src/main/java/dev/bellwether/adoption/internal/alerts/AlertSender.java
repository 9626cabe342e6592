package dev.bellwether.adoption.internal.alerts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;

import dev.bellwether.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends one message to several people through the notification centre; a recipient that
 * cannot be reached (an unknown user, a failing database write) is logged and skipped,
 * never failing the others or the job.
 */
@Component
class AlertSender {

	private static final Logger log = LoggerFactory.getLogger(AlertSender.class);

	private final Notifications notifications;

	AlertSender(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * @param recipients each receives it once, however often listed ({@code null}s are
	 * skipped)
	 * @return how many received it
	 */
	int send(Collection<UUID> recipients, String kind, String title, String body, String link) {
		int sent = 0;
		for (UUID recipient : new LinkedHashSet<>(recipients)) {
			if (recipient == null) {
				continue;
			}
			try {
				this.notifications.send(recipient, kind, title, body, link);
				sent++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not send a {} notification to user {}: {}", kind, recipient, ex.toString());
			}
		}
		return sent;
	}

}
