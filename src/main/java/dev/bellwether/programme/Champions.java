package dev.bellwether.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Champions (docs/programme.md, "Champions"): a person designated for their team, the
 * coverage of each team against the ratio a lead sets (one champion per 15 people unless
 * changed), and the champions whose own pulse answers turned negative.
 */
@Service
@Transactional(readOnly = true)
public class Champions {

	static final String RECORD_TYPE = "champion";

	/** People one champion covers unless a lead changes it. */
	public static final int DEFAULT_PEOPLE_PER_CHAMPION = 15;

	private final JdbcClient jdbc;

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	private final AdoptionMetrics metrics;

	private final PrivacyPolicy privacy;

	private final Clock clock;

	Champions(JdbcClient jdbc, ProgrammeLeads leads, UserDirectory users, AdoptionMetrics metrics,
			PrivacyPolicy privacy, Clock clock) {
		this.privacy = privacy;
		this.jdbc = jdbc;
		this.leads = leads;
		this.users = users;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @return how many people one champion covers, and the setting's version
	 */
	public Ratio ratio() {
		return this.jdbc.sql("select people_per_champion, version from programme_champion_settings where id = 1")
			.query((rs, row) -> new Ratio(rs.getInt("people_per_champion"), rs.getLong("version")))
			.optional()
			.orElse(new Ratio(DEFAULT_PEOPLE_PER_CHAMPION, 0));
	}

	/**
	 * @throws InvalidInputException for a ratio outside 1 to 1000
	 * @throws StaleRecordException when someone changed it since {@code version}
	 */
	@Transactional
	public Ratio changeRatio(Viewer actor, Integer peoplePerChampion, long version) {
		this.leads.requireLead(actor);
		if (peoplePerChampion == null || peoplePerChampion < 1 || peoplePerChampion > 1000) {
			throw new InvalidInputException("peoplePerChampion", "One champion covers 1 to 1000 people.");
		}
		OffsetDateTime now = utc(this.clock.instant());
		int changed = this.jdbc.sql("""
				insert into programme_champion_settings (id, people_per_champion, created_at, created_by, updated_at,
				  updated_by, version)
				values (1, :ratio, :now, :by, :now, :by, 1)
				on conflict (id) do update set people_per_champion = excluded.people_per_champion,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by,
				  version = programme_champion_settings.version + 1
				where programme_champion_settings.version = :version
				""")
			.param("ratio", peoplePerChampion)
			.param("now", now)
			.param("by", actor.id())
			.param("version", version)
			.update();
		if (changed == 0 || (version != 0 && ratio().version() != version + 1)) {
			throw new StaleRecordException("champion ratio", 1, version);
		}
		return ratio();
	}

	/**
	 * @return every champion, by team and name, with whether they still count (active and
	 * still in the team)
	 */
	public List<Champion> list() {
		Map<UUID, Person> people = people();
		Map<UUID, List<Flag>> flags = flags();
		return this.jdbc.sql("select id, user_id, team, created_at from programme_champions").query((rs, row) -> {
			UUID userId = rs.getObject("user_id", UUID.class);
			Person person = people.get(userId);
			String team = rs.getString("team");
			return new Champion(rs.getObject("id", UUID.class), userId,
					person == null ? "Unknown person" : person.fullName(), team,
					person != null && person.active() && team.equals(person.team()), instant(rs, "created_at"),
					flags.getOrDefault(userId, List.of()));
		})
			.list()
			.stream()
			.sorted(Comparator.comparing((Champion c) -> c.team().toLowerCase(Locale.ROOT))
				.thenComparing(c -> c.fullName().toLowerCase(Locale.ROOT)))
			.toList();
	}

	/**
	 * @return whether the person counts as a champion now
	 */
	public boolean isChampion(UUID userId) {
		return list().stream().anyMatch(c -> c.userId().equals(userId) && c.counts());
	}

	/**
	 * Each team's coverage, and the adoption rate of teams with a champion beside the
	 * others', as of today. Under the aggregate-only privacy policy the adoption rate of
	 * a group (a team, the champion teams together, the others together) of fewer people
	 * than the minimum group is hidden ({@code null}, flagged) for everyone
	 * ({@link PrivacyPolicy.Settings#groupHidden}); the headcounts (people, champions,
	 * coverage) are not usage figures and stay.
	 */
	public Coverage coverage() {
		PrivacyPolicy.Settings policy = this.privacy.current();
		int ratio = ratio().peoplePerChampion();
		LocalDate today = this.metrics.today();
		Map<String, List<UUID>> teams = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Map<String, String> teamNames = new HashMap<>();
		for (Person person : people().values()) {
			if (person.active() && person.countedInAdoption() && person.team() != null && !person.team().isBlank()) {
				teams.computeIfAbsent(person.team(), t -> new ArrayList<>()).add(person.id());
				teamNames.putIfAbsent(person.team(), person.team());
			}
		}
		Map<String, Long> champions = new HashMap<>();
		for (Champion champion : list()) {
			if (champion.counts()) {
				champions.merge(champion.team(), 1L, Long::sum);
			}
		}
		List<TeamCoverage> rows = new ArrayList<>();
		Set<UUID> championTeams = new HashSet<>();
		Set<UUID> otherTeams = new HashSet<>();
		teams.forEach((team, members) -> {
			long count = champions.getOrDefault(team, 0L);
			boolean hidden = policy.groupHidden(null, AdoptionScope.of(members));
			Double rate = hidden ? null : this.metrics.headline(AdoptionScope.of(members), today, false).adoptionRate();
			rows.add(new TeamCoverage(team, members.size(), count, (double) count / members.size(),
					(members.size() + ratio - 1) / ratio, count * ratio < members.size(), rate, hidden));
			(count > 0 ? championTeams : otherTeams).addAll(members);
		});
		// champions of a team nobody active is in any more
		champions.forEach((team, count) -> {
			if (!teams.containsKey(team)) {
				rows.add(new TeamCoverage(team, 0, count, null, 0, false, null, false));
			}
		});
		boolean championTeamsHidden = !championTeams.isEmpty()
				&& policy.groupHidden(null, AdoptionScope.of(championTeams));
		boolean otherTeamsHidden = !otherTeams.isEmpty() && policy.groupHidden(null, AdoptionScope.of(otherTeams));
		return new Coverage(today, ratio, rows, championTeamsHidden ? null : adoptionRate(championTeams, today),
				championTeams.size(), otherTeamsHidden ? null : adoptionRate(otherTeams, today), otherTeams.size(),
				championTeamsHidden, otherTeamsHidden, policy.hiddenBelow());
	}

	private Double adoptionRate(Set<UUID> people, LocalDate asOf) {
		return people.isEmpty() ? null : this.metrics.headline(AdoptionScope.of(people), asOf, false).adoptionRate();
	}

	/**
	 * Designates the person as a champion of their team.
	 * @throws RecordNotFoundException for an unknown person
	 * @throws InvalidInputException for a deactivated person, a person not in the team,
	 * or one already its champion
	 */
	@Transactional
	public Champion designate(Viewer actor, UUID userId, String team) {
		this.leads.requireLead(actor);
		if (userId == null) {
			throw new InvalidInputException("userId", "Choose the person who will be a champion.");
		}
		if (team == null || team.isBlank()) {
			throw new InvalidInputException("team", "Choose the team the champion is for.");
		}
		String name = team.strip();
		Person person = people().get(userId);
		if (person == null) {
			throw new RecordNotFoundException("user", userId);
		}
		if (!person.active()) {
			throw new InvalidInputException("userId", person.fullName() + " is deactivated and cannot be a champion.");
		}
		if (!person.countedInAdoption()) {
			throw new InvalidInputException("userId", person.fullName() + " is not counted in adoption figures.");
		}
		if (!name.equals(person.team())) {
			throw new InvalidInputException("team", person.fullName() + " is not in team " + name + ".");
		}
		OffsetDateTime now = utc(this.clock.instant());
		UUID id = Ids.newId();
		int added = this.jdbc.sql("""
				insert into programme_champions (id, user_id, team, created_at, created_by, updated_at, updated_by)
				values (:id, :user, :team, :now, :by, :now, :by) on conflict (user_id, team) do nothing
				""")
			.param("id", id)
			.param("user", userId)
			.param("team", name)
			.param("now", now)
			.param("by", actor.id())
			.update();
		if (added == 0) {
			throw new InvalidInputException("userId", person.fullName() + " is already a champion of " + name + ".");
		}
		return list().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * @throws RecordNotFoundException for an unknown champion
	 */
	@Transactional
	public void remove(Viewer actor, UUID id) {
		this.leads.requireLead(actor);
		if (this.jdbc.sql("delete from programme_champions where id = :id").param("id", id).update() == 0) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
	}

	/**
	 * The pulse surveys' hook: flags a champion whose own pulse answers turned negative,
	 * so that the champions page shows it early.
	 * @param championId the champion's user id (a pulse answer knows who gave it)
	 * @param reason what turned negative, e.g. "ADKAR ability 2 of 5"
	 * @return whether the person is a champion (nothing is kept otherwise)
	 */
	@Transactional
	public boolean flagNegativePulse(UUID championId, String reason) {
		if (championId == null || reason == null || reason.isBlank() || !isChampion(championId)) {
			return false;
		}
		this.jdbc
			.sql("""
					insert into programme_champion_flags (id, user_id, reason, created_at) values (:id, :user, :reason, :now)
					""")
			.param("id", Ids.newId())
			.param("user", championId)
			.param("reason", reason.strip())
			.param("now", utc(this.clock.instant()))
			.update();
		return true;
	}

	private Map<UUID, List<Flag>> flags() {
		Map<UUID, List<Flag>> flags = new HashMap<>();
		this.jdbc.sql("select user_id, reason, created_at from programme_champion_flags order by created_at desc, id")
			.query((rs, row) -> flags.computeIfAbsent(rs.getObject("user_id", UUID.class), id -> new ArrayList<>())
				.add(new Flag(rs.getString("reason"), instant(rs, "created_at"))))
			.list();
		return flags;
	}

	private Map<UUID, Person> people() {
		Map<UUID, Person> people = new HashMap<>();
		this.users.people().forEach(p -> people.put(p.id(), p));
		return people;
	}

	/**
	 * @param version the setting's version (0 while the default holds)
	 */
	public record Ratio(int peoplePerChampion, long version) {

	}

	/**
	 * A champion.
	 *
	 * @param counts whether they count in their team's coverage: active and still in the
	 * team
	 * @param flags negative pulse answers reported for them, newest first
	 */
	public record Champion(UUID id, UUID userId, String fullName, String team, boolean counts, Instant since,
			List<Flag> flags) {

	}

	/**
	 * A negative pulse answer of a champion.
	 */
	public record Flag(String reason, Instant at) {

	}

	/**
	 * A team's coverage.
	 *
	 * @param people active people of the team counted in adoption figures
	 * @param champions champions who count (active, still in the team)
	 * @param coverage {@code champions ÷ people}, {@code null} without people
	 * @param needed champions the ratio asks for: {@code ⌈people ÷ ratio⌉}
	 * @param gap whether {@code champions × ratio < people}
	 * @param adoptionRate the team's adoption rate today ({@code null} when hidden)
	 * @param adoptionRateHidden whether the privacy policy hides the team's adoption rate
	 * (aggregate-only, fewer people than the minimum group)
	 */
	public record TeamCoverage(String team, long people, long champions, Double coverage, long needed, boolean gap,
			Double adoptionRate, boolean adoptionRateHidden) {

	}

	/**
	 * Coverage by team, and the adoption rate of the people in teams with a champion
	 * beside that of the people in teams without one.
	 *
	 * @param championTeamsHidden whether the privacy policy hides the champion teams'
	 * adoption rate (fewer people together than the minimum group)
	 * @param otherTeamsHidden the same for the other teams
	 * @param hiddenBelow the minimum group under aggregate-only, else 0
	 */
	public record Coverage(LocalDate asOf, int peoplePerChampion, List<TeamCoverage> teams,
			Double championTeamsAdoptionRate, long championTeamsPeople, Double otherTeamsAdoptionRate,
			long otherTeamsPeople, boolean championTeamsHidden, boolean otherTeamsHidden, int hiddenBelow) {

		public long gaps() {
			return this.teams.stream().filter(TeamCoverage::gap).count();
		}

	}

}
