package dev.bellwether.service.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The support mailbox ({@code bellwether.service.mailbox.*}; docs/service.md, "E-mail to
 * case").
 *
 * @param enabled whether the mailbox is polled over IMAP (off by default)
 * @param host the IMAP server
 * @param port its port (993 with SSL, 143 without)
 * @param username the mailbox's user
 * @param password its password (never logged)
 * @param folder the folder polled for unseen messages
 * @param ssl IMAPS (true) or IMAP (false; STARTTLS when the server offers it)
 * @param processedFolder when set, each processed message is moved there; otherwise it is
 * only marked seen
 * @param address the support address: the sender of replies and acknowledgements, and
 * mail from it is a loop; {@code bellwether.notifications.from} when blank
 * @param aliases other addresses of the same mailbox (mail from them is a loop too)
 * @param pollInterval how long between polls
 * @param batchSize the most messages taken in one poll
 * @param maxMessageSize the largest message taken whole (over IMAP, or posted)
 * @param acknowledge whether a new case is acknowledged by e-mail (never to an automatic
 * message)
 * @param senderLimit how many messages one address may send in {@code senderWindow}; more
 * are held (a loop with another system, a flood)
 * @param senderWindow see {@code senderLimit}
 */
@ConfigurationProperties("bellwether.service.mailbox")
public record MailboxProperties(@DefaultValue("false") boolean enabled, String host, @DefaultValue("993") int port,
		String username, String password, @DefaultValue("INBOX") String folder, @DefaultValue("true") boolean ssl,
		String processedFolder, String address, @DefaultValue List<String> aliases,
		@DefaultValue("1m") Duration pollInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("50MB") DataSize maxMessageSize, @DefaultValue("true") boolean acknowledge,
		@DefaultValue("20") int senderLimit, @DefaultValue("10m") Duration senderWindow) {

	public MailboxProperties {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
	}

	/** The support mailbox's addresses, lower case. */
	List<String> ownAddresses(String fallback) {
		List<String> own = new ArrayList<>();
		own.add(supportAddress(fallback).toLowerCase(Locale.ROOT));
		aliases.forEach(alias -> own.add(alias.strip().toLowerCase(Locale.ROOT)));
		if (this.username != null && this.username.contains("@")) {
			own.add(this.username.strip().toLowerCase(Locale.ROOT));
		}
		return own;
	}

	String supportAddress(String fallback) {
		return this.address == null || this.address.isBlank() ? fallback : this.address.strip();
	}

	/** Without the password, which must never reach a log. */
	@Override
	public String toString() {
		return "MailboxProperties[enabled=" + this.enabled + ", host=" + this.host + ", port=" + this.port
				+ ", username=" + this.username + ", password=" + (this.password == null ? "(none)" : "(hidden)")
				+ ", folder=" + this.folder + ", ssl=" + this.ssl + ", processedFolder=" + this.processedFolder
				+ ", address=" + this.address + "]";
	}

}
