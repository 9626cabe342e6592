package dev.bellwether.adoption.internal.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sponsor inactivity: an (active) executive sponsor with no active day in the
 * {@value #DAYS} days ending on the day → the sponsor and every administrator, once per
 * fortnight ({@link AlertPeriods#fortnight}).
 */
@Component
public class SponsorInactivityAlerts {

	public static final String KIND = "SPONSOR_INACTIVE";

	public static final int DAYS = 14;

	private static final Logger log = LoggerFactory.getLogger(SponsorInactivityAlerts.class);

	private final AdoptionSponsors sponsors;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	private final AlertLog alerts;

	private final AlertSender sender;

	private final PrivacyPolicy privacy;

	SponsorInactivityAlerts(AdoptionSponsors sponsors, UserDirectory users, JdbcClient jdbc, AlertLog alerts,
			AlertSender sender, PrivacyPolicy privacy) {
		this.privacy = privacy;
		this.sponsors = sponsors;
		this.users = users;
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.sender = sender;
	}

	/**
	 * @return how many sponsors were reported inactive
	 */
	public int evaluate(LocalDate asOf) {
		List<AdoptionSponsors.Sponsor> active = this.sponsors.list()
			.stream()
			.filter(AdoptionSponsors.Sponsor::active)
			.toList();
		if (active.isEmpty()) {
			return 0;
		}
		Map<UUID, LocalDate> lastActive = lastActiveDays(active.stream().map(AdoptionSponsors.Sponsor::userId).toList(),
				asOf);
		List<UUID> administrators = new ArrayList<>();
		// a sponsor's active days are their own figures: under aggregate-only, told to
		// them alone
		boolean individualsHidden = this.privacy.current().aggregateOnly();
		this.users.activeUsers()
			.stream()
			.filter(u -> u.role() == Role.ADMIN && !individualsHidden)
			.map(User::id)
			.forEach(administrators::add);
		String period = AlertPeriods.fortnight(asOf);
		LocalDate from = asOf.minusDays(DAYS - 1);
		int raised = 0;
		for (AdoptionSponsors.Sponsor sponsor : active) {
			LocalDate last = lastActive.get(sponsor.userId());
			if (last != null && !last.isBefore(from)) {
				continue;
			}
			try {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("asOf", asOf.toString());
				details.put("lastActiveDay", last == null ? null : last.toString());
				if (!this.alerts.raise(KIND, sponsor.userId(), period, details)) {
					continue;
				}
				raised++;
				String since = last == null ? "has never been active in Bellwether" : "was last active on " + last
						+ " (" + (asOf.toEpochDay() - last.toEpochDay()) + " days before)";
				String body = String.format(
						"%s, an executive sponsor of Bellwether, had no active day in the %d days from %s to %s: %s.%n%n"
								+ "People follow what their leaders do: a sponsor who stops using the CRM is the "
								+ "first step of a company that stops using it.",
						sponsor.fullName(), DAYS, from, asOf, since);
				List<UUID> recipients = new ArrayList<>();
				recipients.add(sponsor.userId());
				recipients.addAll(administrators);
				this.sender.send(recipients, KIND,
						"Adoption warning: sponsor " + sponsor.fullName() + " inactive for " + DAYS + " days", body,
						"/adoption");
			}
			catch (RuntimeException ex) {
				log.warn("Could not raise the inactivity alert of sponsor {}", sponsor.userId(), ex);
			}
		}
		return raised;
	}

	private Map<UUID, LocalDate> lastActiveDays(List<UUID> userIds, LocalDate asOf) {
		Map<UUID, LocalDate> last = new HashMap<>();
		this.jdbc.sql("""
				select user_id, max(day) as day from usage_daily
				where active and day <= :asOf and user_id = any(cast(:ids as uuid[]))
				group by user_id
				""")
			.param("asOf", asOf)
			.param("ids", "{" + String.join(",", userIds.stream().map(UUID::toString).toList()) + "}")
			.query((rs, row) -> last.put(rs.getObject("user_id", UUID.class), rs.getObject("day", LocalDate.class)))
			.list();
		return last;
	}

}
