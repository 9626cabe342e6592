package dev.bellwether.adoption.internal.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.adoption.SponsorAct;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sponsor inactivity: an (active) executive sponsor with no sponsor activity
 * ({@link AdoptionSponsors#activity}: own use of records, dashboards reviewed, programme
 * messages sent, committee meetings chaired) in the {@value #DAYS} days ending on the day
 * → the sponsor and every administrator, once per fortnight
 * ({@link AlertPeriods#fortnight}).
 */
@Component
public class SponsorInactivityAlerts {

	public static final String KIND = "SPONSOR_INACTIVE";

	public static final int DAYS = AdoptionSponsors.ACTIVITY_DAYS;

	private static final Logger log = LoggerFactory.getLogger(SponsorInactivityAlerts.class);

	private final AdoptionSponsors sponsors;

	private final UserDirectory users;

	private final AlertLog alerts;

	private final AlertSender sender;

	private final PrivacyPolicy privacy;

	SponsorInactivityAlerts(AdoptionSponsors sponsors, UserDirectory users, AlertLog alerts, AlertSender sender,
			PrivacyPolicy privacy) {
		this.privacy = privacy;
		this.sponsors = sponsors;
		this.users = users;
		this.alerts = alerts;
		this.sender = sender;
	}

	/**
	 * @return how many sponsors were reported inactive
	 */
	public int evaluate(LocalDate asOf) {
		List<AdoptionSponsors.SponsorActivity> activity = this.sponsors.activity(asOf);
		if (activity.isEmpty()) {
			return 0;
		}
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
		for (AdoptionSponsors.SponsorActivity sponsorActivity : activity) {
			if (!sponsorActivity.inactive()) {
				continue;
			}
			AdoptionSponsors.Sponsor sponsor = sponsorActivity.sponsor();
			LocalDate last = sponsorActivity.lastActDay();
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
						"%s, an executive sponsor of Bellwether, had no sponsor activity in the %d "
								+ "days from %s to %s: %s.%n%nSponsor activity is any of: %s.%n%n"
								+ "People follow what their leaders do: a sponsor who stops using the CRM is the "
								+ "first step of a company that stops using it.",
						sponsor.fullName(), DAYS, from, asOf, since,
						Arrays.stream(SponsorAct.Kind.values())
							.map(SponsorAct.Kind::label)
							.collect(Collectors.joining("; ")));
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

}
