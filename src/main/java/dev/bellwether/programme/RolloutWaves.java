package dev.bellwether.programme;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.Health;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.adoption.TimeToFirstValue;
import dev.bellwether.adoption.UsageDays;
import dev.bellwether.adoption.UserHealth;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Top-down rollout waves (docs/programme.md, "Rollout waves"): who is in each, their
 * gates, their funnel, and the rule that a wave opens only when the waves ahead of it
 * passed their gates, or when a lead gives a reason to open it anyway (kept).
 * <p>
 * A person belongs to one wave at most: the waves already opened keep who was in them
 * when they opened, and each planned wave, in order, takes the people it names that no
 * wave before took. Only active people counted in adoption figures are in waves.
 */
@Service
@Transactional(readOnly = true)
public class RolloutWaves {

	static final String RECORD_TYPE = "rollout wave";

	private static final int MAX_REASON = 2000;

	private final JdbcClient jdbc;

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	private final AdoptionMetrics metrics;

	private final UsageDays usageDays;

	private final PrivacyPolicy privacy;

	private final Clock clock;

	private final ZoneId zone;

	RolloutWaves(JdbcClient jdbc, ProgrammeLeads leads, UserDirectory users, AdoptionMetrics metrics,
			UsageDays usageDays, PrivacyPolicy privacy, Clock clock,
			@Value("${bellwether.time-zone:UTC}") ZoneId zone) {
		this.privacy = privacy;
		this.jdbc = jdbc;
		this.leads = leads;
		this.users = users;
		this.metrics = metrics;
		this.usageDays = usageDays;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * @return every wave, in order
	 */
	public List<Wave> list() {
		List<Wave> waves = this.jdbc.sql("select * from programme_waves order by position, created_at, id")
			.query(this::wave)
			.list();
		if (waves.isEmpty()) {
			return waves;
		}
		Map<UUID, List<UUID>> people = new HashMap<>();
		this.jdbc.sql("select wave_id, user_id from programme_wave_people order by user_id")
			.query((rs, row) -> people.computeIfAbsent(rs.getObject("wave_id", UUID.class), id -> new ArrayList<>())
				.add(rs.getObject("user_id", UUID.class)))
			.list();
		return waves.stream().map(w -> withPeople(w, people.getOrDefault(w.id(), List.of()))).toList();
	}

	/**
	 * @throws RecordNotFoundException for an unknown wave
	 */
	public Wave get(UUID id) {
		return list().stream()
			.filter(w -> w.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * @return the wave the person is in, if any
	 */
	public Optional<Wave> waveOf(UUID userId) {
		List<Wave> waves = list();
		UUID waveId = assignment(waves, this.users.people()).get(userId);
		return waves.stream().filter(w -> w.id().equals(waveId)).findFirst();
	}

	/**
	 * @return the wave's members: who was in it when it opened, or who is in it now while
	 * it is planned
	 */
	public Set<UUID> members(UUID waveId) {
		List<Wave> waves = list();
		Wave wave = waves.stream()
			.filter(w -> w.id().equals(waveId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, waveId));
		return membersOf(wave, waves, this.users.people());
	}

	/**
	 * @return the overrides of the wave's opening, oldest first
	 */
	public List<WaveOverride> overrides(UUID waveId) {
		List<WaveOverride> rows = this.jdbc
			.sql("select * from programme_wave_overrides where wave_id = :id order by created_at, id")
			.param("id", waveId)
			.query((rs, row) -> new WaveOverride(rs.getObject("wave_id", UUID.class), rs.getString("reason"),
					rs.getString("unmet"), instant(rs, "created_at"), rs.getObject("created_by", UUID.class), null))
			.list();
		Map<UUID, String> names = this.users
			.namesOf(rows.stream().map(WaveOverride::by).filter(b -> b != null).collect(Collectors.toSet()));
		return rows.stream()
			.map(o -> new WaveOverride(o.waveId(), o.reason(), o.unmet(), o.at(), o.by(), names.get(o.by())))
			.toList();
	}

	/**
	 * The wave's gates and funnel: as of today while it is open, as of the day it closed
	 * once closed; a planned wave has no figures but its members.
	 */
	public WaveFigures figures(Wave wave) {
		List<Wave> waves = list();
		Set<UUID> members = membersOf(wave, waves, this.users.people());
		if (wave.status() == WaveStatus.PLANNED) {
			return new WaveFigures(null, List.of(), new WaveFigures.Funnel(members.size(), 0, 0, 0, 0));
		}
		LocalDate asOf = wave.closedAt() != null ? day(wave.closedAt()) : this.metrics.today();
		return figures(wave, members, asOf);
	}

	/**
	 * The wave's gates and funnel as the viewer may see them under the privacy policy
	 * ({@link PrivacyPolicy.Settings#groupHidden}, the rule adoption's pages follow):
	 * under aggregate-only, a wave of fewer members than the minimum group shows its gate
	 * decisions (met or not) and its headcount, not the gates' figures nor the funnel.
	 * Decisions (opening, closing) always use the real figures, {@link #figures(Wave)}.
	 */
	public WaveFigures figures(Viewer viewer, Wave wave) {
		WaveFigures figures = figures(wave);
		if (wave.status() == WaveStatus.PLANNED) {
			return figures;
		}
		PrivacyPolicy.Settings policy = this.privacy.current();
		Set<UUID> members = membersOf(wave, list(), this.users.people());
		return policy.groupHidden(viewer.id(), AdoptionScope.of(members)) ? figures.withoutFigures(hidden(policy))
				: figures;
	}

	private static String hidden(PrivacyPolicy.Settings policy) {
		return PrivacyPolicy.HIDDEN + ": the wave has fewer than the " + policy.minimumGroupSize()
				+ " members a group needs for its figures to be shown.";
	}

	WaveFigures figures(Wave wave, Set<UUID> members, LocalDate asOf) {
		LocalDate opened = day(wave.openedAt());
		Map<UUID, List<UsageDays.Day>> days = new HashMap<>();
		this.usageDays.days(members, opened, asOf)
			.forEach(d -> days.computeIfAbsent(d.userId(), id -> new ArrayList<>()).add(d));
		List<WaveFigures.Gate> gates = new ArrayList<>();
		WaveGates target = wave.gates();
		long total = members.size();
		if (target.activationDays() != null) {
			int within = target.activationDays();
			long activated = members.stream()
				.filter(id -> days.getOrDefault(id, List.of())
					.stream()
					.anyMatch(d -> !d.day().isAfter(opened.plusDays(within))))
				.count();
			Double share = total == 0 ? null : (double) activated / total;
			gates.add(new WaveFigures.Gate("ACTIVATION", "Activation",
					"≥ " + percent(target.activationPercent()) + " within " + within + " days", share,
					share == null ? "no members" : percent(share) + " (" + activated + " of " + total + ")",
					share != null && share * 100 >= target.activationPercent().doubleValue() - 1e-9,
					"Members who used the CRM (a sign-in or any use) on the opening day or within the " + within
							+ " days after it, ÷ members when the wave opened."));
		}
		if (target.adoptionPercent() != null) {
			Double rate = total == 0 ? null
					: this.metrics.headline(AdoptionScope.of(members), asOf, false).adoptionRate();
			gates.add(new WaveFigures.Gate("ADOPTION_RATE", "Adoption rate", "≥ " + percent(target.adoptionPercent()),
					rate, rate == null ? "no licensed members" : percent(rate),
					rate != null && rate * 100 >= target.adoptionPercent().doubleValue() - 1e-9,
					"The members' adoption rate as the adoption figures count it: members active in the 30 days "
							+ "ending on the day ÷ members licensed on the day."));
		}
		if (target.firstValueDays() != null) {
			Double median = total == 0 ? null : medianFirstValue(wave, members, asOf);
			gates.add(new WaveFigures.Gate("TIME_TO_FIRST_VALUE", "Time to first value",
					"median ≤ " + target.firstValueDays() + " days", median,
					median == null ? (total == 0 ? "no members" : "fewer than half reached it")
							: String.format(Locale.ROOT, "%.1f days", median),
					median != null && median <= target.firstValueDays(),
					"The median over every member of the days from the later of their provisioning and the wave "
							+ "opening to first moving a deal of their own forward; a member who has not counts as "
							+ "never reaching it."));
		}
		Set<UUID> signedIn = new HashSet<>();
		Set<UUID> firstRecord = new HashSet<>();
		Set<UUID> week2 = new HashSet<>();
		for (UUID id : members) {
			List<UsageDays.Day> own = days.getOrDefault(id, List.of());
			if (own.isEmpty()) {
				continue;
			}
			signedIn.add(id);
			if (own.stream().anyMatch(d -> d.creates() > 0)) {
				firstRecord.add(id);
				if (own.stream()
					.anyMatch(d -> d.active() && !d.day().isBefore(opened.plusDays(8))
							&& !d.day().isAfter(opened.plusDays(14)))) {
					week2.add(id);
				}
			}
		}
		long healthy = week2.isEmpty() ? 0
				: this.metrics.users(AdoptionScope.of(week2), asOf)
					.stream()
					.filter(u -> u.health() == Health.HEALTHY)
					.map(UserHealth::userId)
					.filter(week2::contains)
					.count();
		return new WaveFigures(asOf, gates,
				new WaveFigures.Funnel(total, signedIn.size(), firstRecord.size(), week2.size(), healthy));
	}

	private Double medianFirstValue(Wave wave, Set<UUID> members, LocalDate asOf) {
		Map<UUID, TimeToFirstValue.User> reached = new HashMap<>();
		this.metrics.timeToFirstValue(AdoptionScope.of(members), asOf).users().forEach(u -> reached.put(u.userId(), u));
		List<Double> days = new ArrayList<>();
		for (UUID id : members) {
			TimeToFirstValue.User user = reached.get(id);
			if (user == null || user.firstValueAt() == null) {
				days.add(Double.POSITIVE_INFINITY);
				continue;
			}
			Instant from = user.provisionedAt() != null && user.provisionedAt().isAfter(wave.openedAt())
					? user.provisionedAt() : wave.openedAt();
			days.add(Math.max(0, Duration.between(from, user.firstValueAt()).toMinutes()) / (24.0 * 60));
		}
		days.sort(Comparator.naturalOrder());
		int n = days.size();
		double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2;
		return Double.isInfinite(median) ? null : median;
	}

	/**
	 * Plans a wave.
	 * @throws InvalidInputException for a wave without a name, members, start or gate, a
	 * gate's threshold out of range, or an order another wave has
	 */
	@Transactional
	public Wave create(Viewer actor, WaveDetails details) {
		this.leads.requireLead(actor);
		List<Wave> waves = list();
		if (details.position() == null) {
			details = new WaveDetails(details.name(), waves.stream().mapToInt(Wave::position).max().orElse(0) + 1,
					details.levels(), details.teams(), details.people(), details.plannedStart(), details.gates());
		}
		validate(details, null, waves);
		UUID id = Ids.newId();
		OffsetDateTime now = utc(this.clock.instant());
		WaveGates g = details.gates();
		this.jdbc
			.sql("""
					insert into programme_waves (id, name, position, levels, teams, planned_start, status, activation_days,
					  activation_percent, adoption_percent, first_value_days, created_at, created_by, updated_at, updated_by)
					values (:id, :name, :position, cast(:levels as int[]), cast(:teams as text[]), :start, 'PLANNED',
					  :activationDays, :activationPercent, :adoptionPercent, :firstValueDays, :now, :by, :now, :by)
					""")
			.param("id", id)
			.param("name", details.name().strip())
			.param("position", details.position())
			.param("levels", intArray(details.levels()))
			.param("teams", textArray(details.teams()))
			.param("start", details.plannedStart())
			.param("activationDays", g.activationDays())
			.param("activationPercent", g.activationPercent())
			.param("adoptionPercent", g.adoptionPercent())
			.param("firstValueDays", g.firstValueDays())
			.param("now", now)
			.param("by", actor.id())
			.update();
		savePeople(id, details.people());
		return get(id);
	}

	/**
	 * Changes a planned wave.
	 * @throws StaleRecordException when someone changed it since {@code version}
	 * @throws InvalidInputException as {@link #create}, and for a wave already opened
	 */
	@Transactional
	public Wave update(Viewer actor, UUID id, long version, WaveDetails details) {
		this.leads.requireLead(actor);
		List<Wave> waves = list();
		Wave wave = get(id);
		if (wave.status() != WaveStatus.PLANNED) {
			throw new InvalidInputException("status",
					wave.name() + " is " + wave.status().label().toLowerCase(Locale.ROOT)
							+ ": only a planned wave changes (who was in an opened wave stays as it was).");
		}
		if (details.position() == null) {
			details = new WaveDetails(details.name(), wave.position(), details.levels(), details.teams(),
					details.people(), details.plannedStart(), details.gates());
		}
		validate(details, id, waves);
		WaveGates g = details.gates();
		int updated = this.jdbc.sql("""
				update programme_waves set name = :name, position = :position, levels = cast(:levels as int[]),
				  teams = cast(:teams as text[]), planned_start = :start, activation_days = :activationDays,
				  activation_percent = :activationPercent, adoption_percent = :adoptionPercent,
				  first_value_days = :firstValueDays, updated_at = :now, updated_by = :by, version = version + 1
				where id = :id and version = :version
				""")
			.param("name", details.name().strip())
			.param("position", details.position())
			.param("levels", intArray(details.levels()))
			.param("teams", textArray(details.teams()))
			.param("start", details.plannedStart())
			.param("activationDays", g.activationDays())
			.param("activationPercent", g.activationPercent())
			.param("adoptionPercent", g.adoptionPercent())
			.param("firstValueDays", g.firstValueDays())
			.param("now", utc(this.clock.instant()))
			.param("by", actor.id())
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new StaleRecordException(RECORD_TYPE, id, version);
		}
		this.jdbc.sql("delete from programme_wave_people where wave_id = :id").param("id", id).update();
		savePeople(id, details.people());
		return get(id);
	}

	/**
	 * Deletes a planned wave.
	 * @throws InvalidInputException for a wave that has opened, or that a queued
	 * programme message is addressed to (docs/programme.md, "Communications"; messages
	 * sent already keep naming it as a deleted wave)
	 */
	@Transactional
	public void delete(Viewer actor, UUID id) {
		this.leads.requireLead(actor);
		Wave wave = get(id);
		if (wave.status() != WaveStatus.PLANNED) {
			throw new InvalidInputException("status", wave.name() + " has opened: it stays on record.");
		}
		List<String> queued = this.jdbc.sql("""
				select m.title from programme_messages m join programme_message_audiences a on a.message_id = m.id
				where a.kind = 'WAVE' and a.value = :id and m.released_at is null order by m.send_on, m.title
				""").param("id", id.toString()).query(String.class).list();
		if (!queued.isEmpty()) {
			throw new InvalidInputException("status", wave.name() + " is the audience of "
					+ (queued.size() == 1 ? "a queued message" : "queued messages") + ": "
					+ queued.stream().map(t -> "“" + t + "”").collect(Collectors.joining(", ")) + ". Change "
					+ (queued.size() == 1 ? "its audience or delete it" : "their audience or delete them") + " first.");
		}
		this.jdbc.sql("delete from programme_waves where id = :id").param("id", id).update();
	}

	/**
	 * Opens a planned wave and keeps who is in it now. Waves ahead of it that are open
	 * with every gate met close as passed.
	 * @param reason why the wave opens although a wave ahead of it has not passed its
	 * gates (kept with who and when); ignored when every wave ahead passed
	 * @throws InvalidInputException for a wave not planned, or a wave ahead not passed
	 * and no reason
	 */
	@Transactional
	public Wave open(Viewer actor, UUID id, String reason) {
		this.leads.requireLead(actor);
		List<Wave> waves = list();
		Wave wave = waves.stream()
			.filter(w -> w.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (wave.status() != WaveStatus.PLANNED) {
			throw new InvalidInputException("status",
					wave.name() + " is already " + wave.status().label().toLowerCase(Locale.ROOT) + ".");
		}
		List<Person> people = this.users.people();
		List<String> unmet = new ArrayList<>();
		List<Wave> passing = new ArrayList<>();
		LocalDate today = this.metrics.today();
		for (Wave ahead : waves) {
			if (ahead.position() >= wave.position() || ahead.id().equals(id)) {
				continue;
			}
			switch (ahead.status()) {
				case PASSED -> {
				}
				case PLANNED -> unmet.add(ahead.name() + " has not opened");
				case FAILED -> unmet.add(ahead.name() + " failed its gates");
				case OPEN -> {
					Set<UUID> aheadMembers = membersOf(ahead, waves, people);
					WaveFigures figures = figures(ahead, aheadMembers, today);
					// the reason is shown to every lead: no figure of a wave the policy
					// hides
					boolean hideFigures = this.privacy.groupHidden(null, AdoptionScope.of(aheadMembers));
					if (figures.gatesMet()) {
						passing.add(ahead);
					}
					else {
						unmet.add(ahead.name() + " has not met "
								+ figures.gates()
									.stream()
									.filter(g -> !g.met())
									.map(g -> g.label().toLowerCase(Locale.ROOT) + " " + g.target()
											+ (hideFigures ? "" : " (now " + g.valueText() + ")"))
									.collect(Collectors.joining(", ")));
					}
				}
			}
		}
		String why = reason == null ? "" : reason.strip();
		if (!unmet.isEmpty() && why.isEmpty()) {
			throw new InvalidInputException("reason", "Waves open in order: " + String.join("; ", unmet)
					+ ". Give a reason to open " + wave.name() + " anyway.");
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "A reason is at most " + MAX_REASON + " characters.");
		}
		Instant now = this.clock.instant();
		for (Wave ahead : passing) {
			close(ahead, WaveStatus.PASSED, actor, now);
		}
		Set<UUID> members = membersOf(wave, waves, people);
		for (UUID member : members) {
			this.jdbc.sql("insert into programme_wave_members (wave_id, user_id) values (:wave, :user)")
				.param("wave", id)
				.param("user", member)
				.update();
		}
		this.jdbc.sql("""
				update programme_waves set status = 'OPEN', opened_at = :now, opened_by = :by, updated_at = :now,
				  updated_by = :by, version = version + 1 where id = :id
				""").param("now", utc(now)).param("by", actor.id()).param("id", id).update();
		if (!unmet.isEmpty()) {
			this.jdbc.sql("""
					insert into programme_wave_overrides (id, wave_id, reason, unmet, created_at, created_by)
					values (:id, :wave, :reason, :unmet, :now, :by)
					""")
				.param("id", Ids.newId())
				.param("wave", id)
				.param("reason", why)
				.param("unmet", String.join("; ", unmet))
				.param("now", utc(now))
				.param("by", actor.id())
				.update();
		}
		return get(id);
	}

	/**
	 * Closes an open wave: passed when every gate is met today, failed otherwise.
	 */
	@Transactional
	public Wave close(Viewer actor, UUID id) {
		this.leads.requireLead(actor);
		List<Wave> waves = list();
		Wave wave = get(id);
		if (wave.status() != WaveStatus.OPEN) {
			throw new InvalidInputException("status", wave.name() + " is not open.");
		}
		WaveFigures figures = figures(wave, membersOf(wave, waves, this.users.people()), this.metrics.today());
		close(wave, figures.gatesMet() ? WaveStatus.PASSED : WaveStatus.FAILED, actor, this.clock.instant());
		return get(id);
	}

	private void close(Wave wave, WaveStatus status, Viewer actor, Instant at) {
		this.jdbc.sql("""
				update programme_waves set status = :status, closed_at = :now, closed_by = :by, updated_at = :now,
				  updated_by = :by, version = version + 1 where id = :id
				""")
			.param("status", status.name())
			.param("now", utc(at))
			.param("by", actor.id())
			.param("id", wave.id())
			.update();
	}

	/**
	 * @return each person's wave: opened waves keep their members; planned waves, in
	 * order, take the people they name whom no wave took before
	 */
	Map<UUID, UUID> assignment(List<Wave> waves, List<Person> people) {
		Map<UUID, UUID> assigned = new LinkedHashMap<>();
		Map<UUID, List<UUID>> kept = new HashMap<>();
		this.jdbc.sql("select wave_id, user_id from programme_wave_members")
			.query((rs, row) -> kept.computeIfAbsent(rs.getObject("wave_id", UUID.class), id -> new ArrayList<>())
				.add(rs.getObject("user_id", UUID.class)))
			.list();
		for (Wave wave : waves) {
			if (wave.status() != WaveStatus.PLANNED) {
				kept.getOrDefault(wave.id(), List.of()).forEach(user -> assigned.putIfAbsent(user, wave.id()));
			}
		}
		for (Wave wave : waves) {
			if (wave.status() != WaveStatus.PLANNED) {
				continue;
			}
			Set<UUID> named = new HashSet<>(wave.people());
			for (Person person : people) {
				if (person.active() && person.countedInAdoption() && !assigned.containsKey(person.id())
						&& (named.contains(person.id()) || matches(wave, person))) {
					assigned.put(person.id(), wave.id());
				}
			}
		}
		return assigned;
	}

	private Set<UUID> membersOf(Wave wave, List<Wave> waves, List<Person> people) {
		return assignment(waves, people).entrySet()
			.stream()
			.filter(e -> e.getValue().equals(wave.id()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static boolean matches(Wave wave, Person person) {
		if (wave.levels().isEmpty() && wave.teams().isEmpty()) {
			return false;
		}
		return (wave.levels().isEmpty() || wave.levels().contains(person.level()))
				&& (wave.teams().isEmpty() || wave.teams().contains(person.team()));
	}

	private void validate(WaveDetails details, UUID id, List<Wave> waves) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (details.name() == null || details.name().isBlank()) {
			errors.put("name", "Name the wave.");
		}
		else if (details.name().strip().length() > 100) {
			errors.put("name", "A name is at most 100 characters.");
		}
		if (details.position() == null || details.position() < 1 || details.position() > 1000) {
			errors.put("position", "The order is a number from 1 to 1000.");
		}
		else {
			waves.stream()
				.filter(w -> !w.id().equals(id) && w.position() == details.position())
				.findFirst()
				.ifPresent(w -> errors.put("position", w.name() + " is already wave " + w.position() + "."));
		}
		if (details.plannedStart() == null) {
			errors.put("plannedStart", "Give the day the wave is planned to start.");
		}
		if (details.levels().isEmpty() && details.teams().isEmpty() && details.people().isEmpty()) {
			errors.put("members", "Say who is in the wave: org levels, teams or people.");
		}
		if (details.levels().stream().anyMatch(l -> l == null || l < 0 || l > 100)) {
			errors.put("levels", "Org levels are numbers from 0 (the top of the company) to 100.");
		}
		if (details.teams().stream().anyMatch(t -> t.length() > 100)) {
			errors.put("teams", "A team's name is at most 100 characters.");
		}
		if (!details.people().isEmpty()) {
			Set<UUID> known = this.users.people().stream().map(Person::id).collect(Collectors.toSet());
			if (details.people().stream().anyMatch(p -> p == null || !known.contains(p))) {
				errors.put("people", "Some of the people named are unknown.");
			}
		}
		WaveGates g = details.gates();
		if (!g.any()) {
			errors.put("gates", "A wave needs at least one gate: activation, adoption rate or time to first value.");
		}
		if ((g.activationDays() == null) != (g.activationPercent() == null)) {
			errors.put(g.activationDays() == null ? "activationDays" : "activationPercent",
					"The activation gate needs both its days and its share.");
		}
		if (g.activationDays() != null && (g.activationDays() < 1 || g.activationDays() > 365)) {
			errors.put("activationDays", "Activation is measured within 1 to 365 days.");
		}
		if (g.activationPercent() != null && !percentInRange(g.activationPercent())) {
			errors.put("activationPercent", "A share is above 0% and at most 100%.");
		}
		if (g.adoptionPercent() != null && !percentInRange(g.adoptionPercent())) {
			errors.put("adoptionPercent", "An adoption rate is above 0% and at most 100%.");
		}
		if (g.firstValueDays() != null && (g.firstValueDays() < 1 || g.firstValueDays() > 365)) {
			errors.put("firstValueDays", "Time to first value is 1 to 365 days.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static boolean percentInRange(BigDecimal percent) {
		return percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0 && percent.scale() <= 2;
	}

	private void savePeople(UUID id, List<UUID> people) {
		for (UUID person : people) {
			this.jdbc.sql("insert into programme_wave_people (wave_id, user_id) values (:wave, :user)")
				.param("wave", id)
				.param("user", person)
				.update();
		}
	}

	private LocalDate day(Instant instant) {
		return instant.atZone(this.zone).toLocalDate();
	}

	static String percent(double share) {
		return String.format(Locale.ROOT, "%.0f%%", share * 100);
	}

	static String percent(BigDecimal percent) {
		return percent.stripTrailingZeros().toPlainString() + "%";
	}

	private static String intArray(List<Integer> values) {
		return values.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static String textArray(List<String> values) {
		return values.stream()
			.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	private Wave wave(ResultSet rs, int row) throws SQLException {
		Instant opened = rs.getObject("opened_at") == null ? null : instant(rs, "opened_at");
		Instant closed = rs.getObject("closed_at") == null ? null : instant(rs, "closed_at");
		return new Wave(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"),
				Arrays.stream((Integer[]) array(rs.getArray("levels"))).toList(),
				Arrays.stream((String[]) array(rs.getArray("teams"))).toList(), List.of(),
				rs.getObject("planned_start", LocalDate.class), WaveStatus.valueOf(rs.getString("status")),
				new WaveGates((Integer) rs.getObject("activation_days"), rs.getBigDecimal("activation_percent"),
						rs.getBigDecimal("adoption_percent"), (Integer) rs.getObject("first_value_days")),
				opened, rs.getObject("opened_by", UUID.class), closed, rs.getObject("closed_by", UUID.class),
				rs.getLong("version"));
	}

	private static Object array(Array array) throws SQLException {
		return array.getArray();
	}

	private static Wave withPeople(Wave w, List<UUID> people) {
		return new Wave(w.id(), w.name(), w.position(), w.levels(), w.teams(), List.copyOf(people), w.plannedStart(),
				w.status(), w.gates(), w.openedAt(), w.openedBy(), w.closedAt(), w.closedBy(), w.version());
	}

}
