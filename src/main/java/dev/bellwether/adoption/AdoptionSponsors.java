package dev.bellwether.adoption;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The executive sponsors of the CRM: the people whose own use the adoption programme
 * depends on. Administrators designate and remove them; a sponsor inactive for 14 days
 * raises an alert to them and to every administrator (docs/adoption-metrics.md, "Alerts
 * and digests").
 */
@Service
@Transactional(readOnly = true)
public class AdoptionSponsors {

	/** The window of sponsor activity: the sponsor-inactivity alert's 14 days. */
	public static final int ACTIVITY_DAYS = 14;

	/**
	 * How far back the acts other modules report are read to find a sponsor's last act.
	 */
	public static final int LOOK_BACK_DAYS = 365;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final Clock clock;

	private final List<SponsorActivitySource> sources;

	AdoptionSponsors(JdbcClient jdbc, UserDirectory users, Clock clock, List<SponsorActivitySource> sources) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		this.sources = List.copyOf(sources);
	}

	/**
	 * @return every sponsor, by name, including deactivated users still designated
	 */
	public List<Sponsor> list() {
		record Designation(UUID userId, Instant at, UUID by) {
		}
		List<Designation> designations = this.jdbc.sql("select user_id, created_at, created_by from adoption_sponsors")
			.query((rs, row) -> new Designation(rs.getObject("user_id", UUID.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("created_by", UUID.class)))
			.list();
		if (designations.isEmpty()) {
			return List.of();
		}
		Map<UUID, Person> people = new HashMap<>();
		this.users.people().forEach(person -> people.put(person.id(), person));
		return designations.stream()
			.filter(designation -> people.containsKey(designation.userId()))
			.map(designation -> {
				Person sponsor = people.get(designation.userId());
				Person by = designation.by() == null ? null : people.get(designation.by());
				return new Sponsor(sponsor.id(), sponsor.fullName(), sponsor.email(), sponsor.title(), sponsor.active(),
						designation.at(), designation.by(), by == null ? null : by.fullName());
			})
			// by name, then id (as PostgreSQL orders uuids: their text)
			.sorted(Comparator.comparing((Sponsor sponsor) -> sponsor.fullName().toLowerCase(Locale.ROOT))
				.thenComparing(sponsor -> sponsor.userId().toString()))
			.toList();
	}

	public boolean isSponsor(UUID userId) {
		return this.jdbc.sql("select exists (select 1 from adoption_sponsors where user_id = :id)")
			.param("id", userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Makes the user an executive sponsor; designating a sponsor again changes nothing.
	 * @throws ForbiddenException for anyone but an administrator
	 * @throws RecordNotFoundException for an unknown user
	 * @throws InvalidInputException for a deactivated user or an integration account
	 */
	@Transactional
	public void designate(Viewer actor, UUID userId) {
		requireAdmin(actor);
		User user = this.users.find(userId).orElseThrow(() -> new RecordNotFoundException("user", userId));
		if (!user.active()) {
			throw new InvalidInputException("userId", user.fullName() + " is deactivated and cannot be a sponsor.");
		}
		if (user.integrationAccount()) {
			throw new InvalidInputException("userId", "An integration account cannot be a sponsor.");
		}
		this.jdbc.sql("""
				insert into adoption_sponsors (user_id, created_at, created_by) values (:id, :at, :by)
				on conflict (user_id) do nothing
				""").param("id", userId).param("at", utc(Instant.now(this.clock))).param("by", actor.id()).update();
	}

	/**
	 * @return whether the user was a sponsor
	 * @throws ForbiddenException for anyone but an administrator
	 */
	@Transactional
	public boolean remove(Viewer actor, UUID userId) {
		requireAdmin(actor);
		return this.jdbc.sql("delete from adoption_sponsors where user_id = :id").param("id", userId).update() > 0;
	}

	private static void requireAdmin(Viewer actor) {
		if (!actor.isAdmin()) {
			throw new ForbiddenException("Only administrators designate executive sponsors.");
		}
	}

	/**
	 * What each active sponsor visibly did for the CRM in the {@value #ACTIVITY_DAYS}
	 * days ending on the day: their own use of records, dashboards, reports and forecasts
	 * reviewed, and the acts other modules report ({@link SponsorActivitySource}:
	 * messages sent in their name, committee meetings chaired). A sponsor with none of
	 * these in the window is inactive, the condition of the sponsor-inactivity alert.
	 * @param asOf the last day of the window
	 * @return one per active sponsor, by name
	 */
	public List<SponsorActivity> activity(LocalDate asOf) {
		List<Sponsor> active = list().stream().filter(Sponsor::active).toList();
		if (active.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = active.stream().map(Sponsor::userId).toList();
		LocalDate from = asOf.minusDays(ACTIVITY_DAYS - 1);
		String idArray = SqlArrays.of(ids);
		List<SponsorAct> acts = new ArrayList<>(this.jdbc.sql("""
				select user_id, day, active,
				    dashboard_views + report_views + forecast_views > 0 as reviewed
				from usage_daily
				where user_id = any(cast(:ids as uuid[])) and day between :from and :asOf
				  and (active or dashboard_views + report_views + forecast_views > 0)
				""").param("ids", idArray).param("from", from).param("asOf", asOf).query((rs, row) -> {
			List<SponsorAct> day = new ArrayList<>(2);
			UUID user = rs.getObject("user_id", UUID.class);
			LocalDate on = rs.getObject("day", LocalDate.class);
			if (rs.getBoolean("active")) {
				day.add(new SponsorAct(user, on, SponsorAct.Kind.OWN_USE, null));
			}
			if (rs.getBoolean("reviewed")) {
				day.add(new SponsorAct(user, on, SponsorAct.Kind.DASHBOARD_REVIEWED, null));
			}
			return day;
		}).list().stream().flatMap(List::stream).toList());
		Map<UUID, LocalDate> last = new HashMap<>();
		this.jdbc.sql("""
				select user_id, max(day) as day from usage_daily
				where user_id = any(cast(:ids as uuid[])) and day <= :asOf
				  and (active or dashboard_views + report_views + forecast_views > 0)
				group by user_id
				""")
			.param("ids", idArray)
			.param("asOf", asOf)
			.query((rs, row) -> last.put(rs.getObject("user_id", UUID.class), rs.getObject("day", LocalDate.class)))
			.list();
		for (SponsorActivitySource source : this.sources) {
			for (SponsorAct act : source.acts(ids, asOf.minusDays(LOOK_BACK_DAYS - 1), asOf)) {
				last.merge(act.userId(), act.day(), (a, b) -> a.isAfter(b) ? a : b);
				if (!act.day().isBefore(from)) {
					acts.add(act);
				}
			}
		}
		Map<UUID, List<SponsorAct>> bySponsor = acts.stream()
			.sorted(Comparator.comparing(SponsorAct::day).reversed().thenComparing(SponsorAct::kind))
			.collect(Collectors.groupingBy(SponsorAct::userId));
		return active.stream().map(sponsor -> {
			List<SponsorAct> own = bySponsor.getOrDefault(sponsor.userId(), List.of());
			Map<SponsorAct.Kind, Integer> counts = new EnumMap<>(SponsorAct.Kind.class);
			for (SponsorAct.Kind kind : SponsorAct.Kind.values()) {
				counts.put(kind, (int) own.stream().filter(act -> act.kind() == kind).count());
			}
			return new SponsorActivity(sponsor, from, asOf, counts, own, last.get(sponsor.userId()));
		}).toList();
	}

	/**
	 * What a sponsor visibly did in a window of {@value #ACTIVITY_DAYS} days.
	 *
	 * @param counts per kind of act: for own use and reviews the days with them, for the
	 * others the acts
	 * @param acts the acts in the window, the latest first
	 * @param lastActDay the sponsor's last act of any kind on or before the window's end
	 * ({@value #LOOK_BACK_DAYS} days back at most for the acts of other modules);
	 * {@code null} for none
	 * @param inactive whether the sponsor did nothing visible in the window: no act
	 */
	public record SponsorActivity(Sponsor sponsor, LocalDate from, LocalDate asOf, Map<SponsorAct.Kind, Integer> counts,
			List<SponsorAct> acts, LocalDate lastActDay, boolean inactive) {

		public SponsorActivity(Sponsor sponsor, LocalDate from, LocalDate asOf, Map<SponsorAct.Kind, Integer> counts,
				List<SponsorAct> acts, LocalDate lastActDay) {
			this(sponsor, from, asOf, counts, acts, lastActDay, acts.isEmpty());
		}

		public int count(SponsorAct.Kind kind) {
			return this.counts.getOrDefault(kind, 0);
		}

	}

	/**
	 * An executive sponsor.
	 *
	 * @param active whether the user is active (a deactivated sponsor raises no alerts)
	 * @param designatedBy the administrator who designated them, {@code null} if unknown
	 */
	public record Sponsor(UUID userId, String fullName, String email, String title, boolean active,
			Instant designatedAt, UUID designatedBy, String designatedByName) {

	}

}
