package dev.bellwether.adoption.internal.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.adoption.Cascade;
import dev.bellwether.adoption.Headline;
import dev.bellwether.adoption.ManagerAdoption;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.adoption.UserHealth;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.sales.PipelineHygiene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Death-spiral warnings, evaluated for a week (ending on a Sunday, or any day on demand):
 * <ul>
 * <li>a manager or executive whose own active days in the last 28 were below their team's
 * average at the end of this week and of the week before → them and their own
 * manager;</li>
 * <li>a team's pipeline freshness (share of the open pipeline's value touched in the last
 * 30 days) lower than the week before, three weeks running → the team's manager;</li>
 * <li>the company's, or a top-level team's, adoption rate in a lower band than at the end
 * of the week before → every executive and sponsor.</li>
 * </ul>
 * Each alert is raised once per subject and ISO week. One failing subject is logged and
 * the others are evaluated still. Under the aggregate-only privacy policy
 * ({@link PrivacyPolicy}, docs/privacy.md) no alert is about a team smaller than the
 * minimum group, and a manager's own active days go to them alone, not to their manager.
 */
@Component
public class DeathSpiralAlerts {

	/** The kind of every death-spiral notification. */
	public static final String NOTIFICATION_KIND = "DEATH_SPIRAL";

	public static final String MANAGER_BELOW_TEAM = "MANAGER_BELOW_TEAM";

	public static final String FRESHNESS_FALLING = "FRESHNESS_FALLING";

	public static final String BAND_FELL = "ADOPTION_BAND_FELL";

	/** The subject of the company's band alerts. */
	public static final UUID COMPANY = new UUID(0, 0);

	/** Fresh: touched within this many days. */
	public static final int FRESHNESS_DAYS = 30;

	/** Falls in a row that raise a freshness alert. */
	public static final int FRESHNESS_FALLS = 3;

	private static final Logger log = LoggerFactory.getLogger(DeathSpiralAlerts.class);

	private final AdoptionMetrics metrics;

	private final AdoptionSponsors sponsors;

	private final UserDirectory users;

	private final AlertLog alerts;

	private final AlertSender sender;

	private final PrivacyPolicy privacy;

	DeathSpiralAlerts(AdoptionMetrics metrics, AdoptionSponsors sponsors, UserDirectory users, AlertLog alerts,
			AlertSender sender, PrivacyPolicy privacy) {
		this.privacy = privacy;
		this.metrics = metrics;
		this.sponsors = sponsors;
		this.users = users;
		this.alerts = alerts;
		this.sender = sender;
	}

	/**
	 * Evaluates every warning for the week ending on the day.
	 */
	public Result evaluate(LocalDate weekEnd) {
		Cascade cascade = this.metrics.cascade(AdoptionScope.everyone(), weekEnd, false);
		return new Result(managersBelowTheirTeam(cascade, weekEnd), freshnessFalling(cascade, weekEnd),
				bandsFallen(weekEnd));
	}

	/**
	 * @return how many managers were warned
	 */
	public int managersBelowTheirTeam(LocalDate weekEnd) {
		return managersBelowTheirTeam(this.metrics.cascade(AdoptionScope.everyone(), weekEnd, false), weekEnd);
	}

	/**
	 * @return how many teams' managers were warned
	 */
	public int freshnessFalling(LocalDate weekEnd) {
		return freshnessFalling(this.metrics.cascade(AdoptionScope.everyone(), weekEnd, false), weekEnd);
	}

	private int managersBelowTheirTeam(Cascade cascade, LocalDate weekEnd) {
		LocalDate previousEnd = weekEnd.minusDays(7);
		Map<UUID, ManagerAdoption> before = this.metrics.cascade(AdoptionScope.everyone(), previousEnd, false)
			.managers()
			.stream()
			.collect(Collectors.toMap(ManagerAdoption::managerId, Function.identity()));
		String week = AlertPeriods.isoWeek(weekEnd);
		PrivacyPolicy.Settings policy = this.privacy.current();
		int raised = 0;
		for (ManagerAdoption now : cascade.managers()) {
			ManagerAdoption then = before.get(now.managerId());
			if (!now.teamOutUsesManager() || then == null || !then.teamOutUsesManager()) {
				continue;
			}
			try {
				if (policy.groupHidden(now.managerId(), this.metrics.organisationOf(now.managerId()))) {
					continue;
				}
				raised += warnManager(now, then, weekEnd, week, policy.aggregateOnly()) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Could not raise the manager-below-team alert for {}", now.managerId(), ex);
			}
		}
		return raised;
	}

	/**
	 * @param ownOnly whether the manager's own figures go to them alone (aggregate-only)
	 */
	private boolean warnManager(ManagerAdoption now, ManagerAdoption then, LocalDate weekEnd, String week,
			boolean ownOnly) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("weekEnd", weekEnd.toString());
		details.put("ownActiveDays28", now.ownActiveDays28());
		details.put("teamAverageActiveDays28", now.teamAverageActiveDays28());
		details.put("teamSize", now.teamSize());
		details.put("previousOwnActiveDays28", then.ownActiveDays28());
		details.put("previousTeamAverageActiveDays28", then.teamAverageActiveDays28());
		if (!this.alerts.raise(MANAGER_BELOW_TEAM, now.managerId(), week, details)) {
			return false;
		}
		String link = "/adoption/team?manager=" + now.managerId();
		String figures = "In the 28 days to %s %s active on %s; the %s in %s team averaged %s days. "
				+ "At the end of the week before: %s against %s.";
		String why = "\n\nTeams follow their manager's example: when a manager stops working in the CRM, their people "
				+ "tend to follow within weeks. This warning comes once a week while it lasts.";
		String own = String.format(figures, weekEnd, "you were", Texts.plural(now.ownActiveDays28(), "day", "days"),
				Texts.plural(now.teamSize(), "person", "people"), "your", Texts.decimal(now.teamAverageActiveDays28()),
				then.ownActiveDays28(), Texts.decimal(then.teamAverageActiveDays28()));
		this.sender.send(List.of(now.managerId()), NOTIFICATION_KIND,
				"Adoption warning: your team uses Bellwether more than you do", own + why, link);
		UUID above = ownOnly ? null : this.users.find(now.managerId()).map(User::managerId).orElse(null);
		if (above != null) {
			String theirs = String.format(figures, weekEnd, now.fullName() + " was",
					Texts.plural(now.ownActiveDays28(), "day", "days"),
					Texts.plural(now.teamSize(), "person", "people"), "their",
					Texts.decimal(now.teamAverageActiveDays28()), then.ownActiveDays28(),
					Texts.decimal(then.teamAverageActiveDays28()));
			this.sender.send(List.of(above), NOTIFICATION_KIND,
					"Adoption warning: " + now.fullName() + " uses Bellwether less than their team", theirs + why,
					link);
		}
		return true;
	}

	private int freshnessFalling(Cascade cascade, LocalDate weekEnd) {
		boolean current = !weekEnd.isBefore(this.metrics.today().minusDays(7));
		List<String> weeks = new ArrayList<>();
		for (int back = FRESHNESS_FALLS; back >= 0; back--) {
			weeks.add(AlertPeriods.isoWeek(weekEnd.minusWeeks(back)));
		}
		String week = weeks.get(weeks.size() - 1);
		int raised = 0;
		for (ManagerAdoption manager : cascade.managers()) {
			try {
				raised += freshnessFalling(manager, weekEnd, weeks, current) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Could not evaluate the pipeline freshness of {}'s team", manager.managerId(), ex);
			}
		}
		return raised;
	}

	/**
	 * @param current whether the week is the last one, whose reading is taken now (the
	 * freshness of a past week cannot be computed)
	 */
	private boolean freshnessFalling(ManagerAdoption manager, LocalDate weekEnd, List<String> weeks, boolean current) {
		String week = weeks.get(weeks.size() - 1);
		PipelineHygiene.Freshness freshness = null;
		if (current) {
			freshness = this.metrics.freshness(this.metrics.organisationOf(manager.managerId()), FRESHNESS_DAYS);
			if (freshness.freshShareByValue() != null) {
				this.alerts.recordFreshness(manager.managerId(), week, freshness.freshShareByValue());
			}
		}
		Map<String, Double> readings = this.alerts.freshnessReadings(manager.managerId(), weeks);
		List<Double> shares = new ArrayList<>();
		for (String w : weeks) {
			shares.add(readings.get(w));
		}
		if (shares.contains(null)) {
			return false;
		}
		for (int i = 1; i < shares.size(); i++) {
			if (shares.get(i) >= shares.get(i - 1)) {
				return false;
			}
		}
		if (this.privacy.groupHidden(manager.managerId(), this.metrics.organisationOf(manager.managerId()))) {
			return false;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("weeks", weeks);
		details.put("freshShareByValue", shares);
		if (!this.alerts.raise(FRESHNESS_FALLING, manager.managerId(), week, details)) {
			return false;
		}
		String trail = shares.stream().map(Texts::percent).collect(Collectors.joining(" → "));
		StringBuilder body = new StringBuilder();
		body.append(String.format(
				"The share of your team's open pipeline value touched in the last %d days fell %d weeks running: %s "
						+ "(weeks %s to %s).",
				FRESHNESS_DAYS, FRESHNESS_FALLS, trail, weeks.get(0), week));
		if (freshness != null) {
			body.append(String.format(" Now %s of %s open deals were touched in the last %d days.",
					freshness.freshDeals(), freshness.openDeals(), FRESHNESS_DAYS));
		}
		body.append("\n\nA pipeline nobody updates hides the real forecast, and its owners usually stop using the "
				+ "CRM next. Ask your team to update their stale deals.");
		this.sender.send(List.of(manager.managerId()), NOTIFICATION_KIND,
				"Adoption warning: your team's pipeline is going stale", body.toString(),
				"/adoption/team?manager=" + manager.managerId());
		return true;
	}

	/**
	 * @return how many band alerts were raised (the company and each top-level team)
	 */
	public int bandsFallen(LocalDate weekEnd) {
		LocalDate previousEnd = weekEnd.minusDays(7);
		List<UserHealth> licensed = this.metrics.users(AdoptionScope.everyone(), weekEnd);
		Set<UUID> recipients = new LinkedHashSet<>();
		licensed.stream().filter(u -> u.role() == Role.EXECUTIVE).forEach(u -> recipients.add(u.userId()));
		this.sponsors.list().stream().filter(AdoptionSponsors.Sponsor::active).forEach(s -> recipients.add(s.userId()));
		String week = AlertPeriods.isoWeek(weekEnd);
		int raised = 0;
		Map<UUID, String> subjects = new LinkedHashMap<>();
		subjects.put(COMPANY, "the company");
		topLevelTeams(licensed).forEach(m -> subjects.put(m.userId(), m.fullName() + "'s team"));
		for (Map.Entry<UUID, String> subject : subjects.entrySet()) {
			try {
				AdoptionScope scope = subject.getKey().equals(COMPANY) ? AdoptionScope.everyone()
						: this.metrics.organisationOf(subject.getKey());
				if (this.privacy.groupHidden(null, scope)) {
					continue;
				}
				Headline now = this.metrics.headline(scope, weekEnd, false);
				Headline then = this.metrics.headline(scope, previousEnd, false);
				if (now.band() == null || then.band() == null || now.band().ordinal() <= then.band().ordinal()) {
					continue;
				}
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("weekEnd", weekEnd.toString());
				details.put("adoptionRate", now.adoptionRate());
				details.put("band", now.band().name());
				details.put("previousAdoptionRate", then.adoptionRate());
				details.put("previousBand", then.band().name());
				if (!this.alerts.raise(BAND_FELL, subject.getKey(), week, details)) {
					continue;
				}
				raised++;
				String label = subject.getValue();
				String body = String.format(
						"The adoption rate of %s fell from %s (%s) in the week ending %s to %s (%s) in the week ending "
								+ "%s: %d of %d licensed users were active in the last 30 days.\n\n"
								+ "Bands: green from 80%%, amber from 60%%, red below. Adoption that slips a band "
								+ "rarely recovers on its own; the cascade shows where it started.",
						label, Texts.percent(then.adoptionRate()), Texts.band(then.band()), previousEnd,
						Texts.percent(now.adoptionRate()), Texts.band(now.band()), weekEnd, now.mau(),
						now.licensedUsers());
				this.sender.send(recipients, NOTIFICATION_KIND,
						"Adoption warning: " + label + " fell to " + Texts.band(now.band()), body,
						subject.getKey().equals(COMPANY) ? "/adoption" : "/adoption/team?manager=" + subject.getKey());
			}
			catch (RuntimeException ex) {
				log.warn("Could not evaluate the adoption band of {}", subject.getValue(), ex);
			}
		}
		return raised;
	}

	/**
	 * The teams right below the executives: managers (anyone with a licensed report) who
	 * are not executives themselves and whose own manager is an executive, or who have
	 * none (or none licensed).
	 */
	static List<UserHealth> topLevelTeams(List<UserHealth> licensed) {
		Map<UUID, UserHealth> byId = new HashMap<>();
		licensed.forEach(u -> byId.put(u.userId(), u));
		Set<UUID> managers = new LinkedHashSet<>();
		licensed.stream()
			.filter(u -> u.managerId() != null && byId.containsKey(u.managerId()))
			.forEach(u -> managers.add(u.managerId()));
		List<UserHealth> teams = new ArrayList<>();
		for (UUID id : managers) {
			UserHealth manager = byId.get(id);
			UserHealth above = manager.managerId() == null ? null : byId.get(manager.managerId());
			if (manager.role() != Role.EXECUTIVE && (above == null || above.role() == Role.EXECUTIVE)) {
				teams.add(manager);
			}
		}
		teams.sort(java.util.Comparator.comparing(UserHealth::fullName));
		return teams;
	}

	/**
	 * How many alerts of each warning were raised.
	 */
	public record Result(int managersBelowTheirTeam, int freshnessFalling, int bandsFallen) {

	}

}
