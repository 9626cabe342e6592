package dev.bellwether.adoption.internal.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.Health;
import dev.bellwether.adoption.Headline;
import dev.bellwether.adoption.LateEntry;
import dev.bellwether.adoption.Movers;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.adoption.UserHealth;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.PipelineHygiene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The weekly digest to each manager on their organisation (them and everyone below them,
 * as on their team page): adoption rate and band, WAU, healthy, at-risk and lapsing
 * people (naming those at risk or lapsing), stale and overdue deals, deals entered late
 * this quarter, and who moved most. Sent once per manager and ISO week, as a notification
 * (so e-mailed too when SMTP is on); managers with no one licensed below them get none.
 * Under the aggregate-only privacy policy ({@link PrivacyPolicy}, docs/privacy.md) the
 * digest names nobody and has no movers (counts only), and the digest of an organisation
 * smaller than the minimum group has no figures at all: it says so.
 */
@Component
public class WeeklyDigests {

	public static final String KIND = "WEEKLY_DIGEST";

	/** At most this many people are named at risk or lapsing. */
	public static final int NAMED = 10;

	static final int MOVERS = 3;

	private static final Logger log = LoggerFactory.getLogger(WeeklyDigests.class);

	private final AdoptionMetrics metrics;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	private final AlertLog alerts;

	private final AlertSender sender;

	private final PrivacyPolicy privacy;

	WeeklyDigests(AdoptionMetrics metrics, UserDirectory users, FiscalCalendar calendar, AlertLog alerts,
			AlertSender sender, PrivacyPolicy privacy) {
		this.privacy = privacy;
		this.metrics = metrics;
		this.users = users;
		this.calendar = calendar;
		this.alerts = alerts;
		this.sender = sender;
	}

	/**
	 * Sends each active manager their digest for the week ending on the day, unless it
	 * was sent already.
	 * @return how many digests were sent
	 */
	public int sendAll(LocalDate asOf) {
		String week = AlertPeriods.isoWeek(asOf);
		int sent = 0;
		for (User manager : this.users.activeManagers()) {
			try {
				Optional<Digest> digest = compose(manager.id(), asOf);
				if (digest.isEmpty() || !this.alerts.raise(KIND, manager.id(), week, Map.of("asOf", asOf.toString()))) {
					continue;
				}
				Digest d = digest.get();
				if (this.sender.send(List.of(manager.id()), KIND, d.title(), d.body(), d.link()) > 0) {
					sent++;
				}
				else {
					this.alerts.withdraw(KIND, manager.id(), week);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not send the weekly digest of manager {}", manager.id(), ex);
			}
		}
		return sent;
	}

	/**
	 * The manager's digest for the week ending on the day.
	 * @return empty when no one licensed on the day is below the manager
	 */
	public Optional<Digest> compose(UUID managerId, LocalDate asOf) {
		AdoptionScope scope = this.metrics.organisationOf(managerId);
		List<UserHealth> people = this.metrics.users(scope, asOf);
		if (people.stream().noneMatch(u -> !u.userId().equals(managerId))) {
			return Optional.empty();
		}
		PrivacyPolicy.Settings policy = this.privacy.current();
		if (policy.groupHidden(managerId, scope)) {
			return Optional
				.of(new Digest("Your team this week: " + PrivacyPolicy.HIDDEN.toLowerCase(Locale.ROOT), String
					.format("Your team (you and the people below you) in the week ending %s.%n%n%s: your team has "
							+ "%s, fewer than the %d a group needs for its figures to be shown, so this digest has no "
							+ "figures. Your own figures are on your adoption page.", asOf, PrivacyPolicy.HIDDEN,
							Texts.plural(scope.userIds().size(), "person", "people"), policy.minimumGroupSize()),
						"/adoption/me"));
		}
		boolean individualsHidden = policy.individualsHidden(managerId, scope);
		Headline h = this.metrics.headline(scope, asOf, false);
		StringBuilder body = new StringBuilder();
		body.append(String.format("Your team (you and the people below you) in the week ending %s.%n%n", asOf));
		body.append(String.format("Adoption rate: %s (%s), %d of %d licensed users active in the last 30 days.%n",
				Texts.percent(h.adoptionRate()), Texts.band(h.band()), h.mau(), h.licensedUsers()));
		body.append(String.format("Weekly active users: %d.%n", h.wau()));
		body.append(String.format("Healthy: %d · at risk: %d · lapsing: %d.%n", h.count(Health.HEALTHY),
				h.count(Health.AT_RISK), h.count(Health.LAPSING)));
		List<String> named = people.stream()
			.filter(u -> u.health() == Health.AT_RISK || u.health() == Health.LAPSING)
			.sorted(java.util.Comparator.comparing(UserHealth::health).thenComparing(UserHealth::fullName))
			.map(u -> u.fullName() + " (" + u.health().label().toLowerCase(java.util.Locale.ROOT) + ")")
			.toList();
		if (!named.isEmpty() && !individualsHidden) {
			body.append(String.format("At risk or lapsing: %s.%n", Texts.names(named, NAMED)));
		}
		PipelineHygiene.Freshness freshness = this.metrics.freshness(scope, DeathSpiralAlerts.FRESHNESS_DAYS);
		body.append(String.format("%nOpen deals: %d, of which %d stale (not touched in %d days) and %d overdue.%n",
				freshness.openDeals(), freshness.openDeals() - freshness.freshDeals(), freshness.days(),
				freshness.overdueDeals()));
		FiscalCalendar.Period quarter = this.calendar.quarterOf(asOf);
		LateEntry.Figures late = this.metrics.lateEntry(scope, quarter.start(), asOf).overall();
		body.append(String
			.format("Deals closed this quarter (since %s): %d, of which %d entered late (already committed or won, or "
					+ "created a day before closing).%n", quarter.start(), late.closedDeals(), late.lateDeals()));
		Movers movers = individualsHidden ? new Movers(List.of(), List.of()) : this.metrics.movers(scope, asOf, MOVERS);
		if (individualsHidden) {
			body.append(String.format("%nThe privacy policy shows aggregate figures only: this digest names nobody "
					+ "and lists no movers.%n"));
		}
		if (!movers.risers().isEmpty() || !movers.fallers().isEmpty()) {
			body.append(String.format("%nMovers (active days in the last 28 against the 28 before):%n"));
			movers.risers()
				.forEach(m -> body.append(
						String.format("  ▲ %s: %d → %d%n", m.fullName(), m.previousActiveDays28(), m.activeDays28())));
			movers.fallers()
				.forEach(m -> body.append(
						String.format("  ▼ %s: %d → %d%n", m.fullName(), m.previousActiveDays28(), m.activeDays28())));
		}
		return Optional.of(new Digest(String.format("Your team this week: adoption %s (%s), %d at risk, %d lapsing",
				Texts.percent(h.adoptionRate()), Texts.band(h.band()), h.count(Health.AT_RISK),
				h.count(Health.LAPSING)), body.toString().stripTrailing(), "/adoption/team"));
	}

	/**
	 * A digest ready to send.
	 *
	 * @param link the team page
	 */
	public record Digest(String title, String body, String link) {

	}

}
