package dev.bellwether.adoption;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.adoption.Score.PeriodKind;
import dev.bellwether.adoption.internal.metrics.KeyFeatureSets;
import dev.bellwether.adoption.internal.metrics.SqlArrays;
import dev.bellwether.adoption.internal.settings.AdoptionSettings;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.OwnerPipelineFreshness;
import dev.bellwether.sales.PipelineHygiene;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adoption scores for objectives (MBO): per person per month and quarter, 0 to 100, from
 * the published formula ({@link ScoreFormula}) with the weights an administrator sets.
 * Computed for everyone at once (a job, daily), stored with the components and weights
 * used, so past scores keep their history when weights change.
 */
@Service
@Transactional(readOnly = true)
public class AdoptionScores {

	/** A deal counts as fresh when touched within this many days. */
	public static final int FRESH_DAYS = 30;

	private static final TypeReference<Map<String, Double>> COMPONENTS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Integer>> WEIGHTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final AdoptionMetrics metrics;

	private final PipelineHygiene hygiene;

	private final OwnerPipelineFreshness freshness;

	private final FiscalCalendar calendar;

	private final JsonMapper json;

	private final Clock clock;

	private final AdoptionSettings settings;

	private final UserDirectory users;

	AdoptionScores(JdbcClient jdbc, AdoptionMetrics metrics, PipelineHygiene hygiene, OwnerPipelineFreshness freshness,
			FiscalCalendar calendar, JsonMapper json, Clock clock, AdoptionSettings settings, UserDirectory users) {
		this.jdbc = jdbc;
		this.users = users;
		this.settings = settings;
		this.metrics = metrics;
		this.hygiene = hygiene;
		this.freshness = freshness;
		this.calendar = calendar;
		this.json = json;
		this.clock = clock;
	}

	public ScoreWeights weights() {
		return this.jdbc.sql("""
				select (settings -> 'scoreWeights' ->> 'activity')::int as activity,
				  (settings -> 'scoreWeights' ->> 'breadth')::int as breadth,
				  (settings -> 'scoreWeights' ->> 'freshness')::int as freshness,
				  (settings -> 'scoreWeights' ->> 'timeliness')::int as timeliness,
				  (settings -> 'scoreWeights' ->> 'reporting')::int as reporting
				from adoption_settings where id = 1 and settings -> 'scoreWeights' is not null
				""")
			.query((rs, n) -> new ScoreWeights(rs.getInt("activity"), rs.getInt("breadth"), rs.getInt("freshness"),
					rs.getInt("timeliness"), rs.getInt("reporting")))
			.optional()
			.orElse(ScoreWeights.DEFAULTS);
	}

	/**
	 * New weights, used from the next computation on; scores already computed keep
	 * theirs.
	 */
	@Transactional
	public ScoreWeights updateWeights(ScoreWeights weights, UUID actorId) {
		this.settings.put("scoreWeights", weights.asMap(), actorId);
		return weights;
	}

	/** The period of the kind that contains the day. */
	public Period period(PeriodKind kind, LocalDate day) {
		if (kind == PeriodKind.MONTH) {
			LocalDate start = day.withDayOfMonth(1);
			return new Period(kind, start, start.plusMonths(1).minusDays(1));
		}
		FiscalCalendar.Period quarter = this.calendar.quarterOf(day);
		return new Period(kind, quarter.start(), quarter.end());
	}

	/**
	 * How much of the period a score computed today measures: up to yesterday while the
	 * period runs (partial), the whole period once it has ended.
	 */
	public ScoreFormula.Measured measured(Period period, LocalDate today) {
		return ScoreFormula.measured(period.start(), period.end(), today);
	}

	/**
	 * Computes and stores every licensed person's score for the period today: up to
	 * yesterday while it runs (a partial score, activity and reporting against the
	 * working days and weeks elapsed), the whole period once it has ended. Nothing is
	 * stored before the period's first working day has ended (too early to score).
	 * @return how many scores were written
	 */
	@Transactional
	public int computeToday(Period period, LocalDate today) {
		return compute(period, measured(period, today).through());
	}

	/**
	 * Computes and stores every licensed person's score for the period, measured from its
	 * start up to and including the day (at most its end; before it, a partial score).
	 * @return how many scores were written: none when no working day is measured (too
	 * early to score)
	 */
	@Transactional
	public int compute(Period period, LocalDate asOf) {
		ScoreFormula.Measured measured = ScoreFormula.measuredThrough(period.start(), period.end(), asOf);
		if (measured.tooEarly()) {
			return 0;
		}
		LocalDate until = measured.through();
		ScoreWeights weights = this.weights();
		KeyFeatureSets keySets = this.metrics.keyFeatureSets();
		// licensed during the period: counted, provisioned by its (scored) end, active or
		// deactivated during it
		Instant after = this.calendar.startOf(until.plusDays(1));
		Instant start = this.calendar.startOf(period.start());
		Map<UUID, String> people = new LinkedHashMap<>();
		Map<UUID, Role> roles = new HashMap<>();
		this.users.people()
			.stream()
			.filter(Person::countedInAdoption)
			.filter(p -> p.provisionedAt().isBefore(after)
					&& (p.active() || p.deactivatedAt() != null && !p.deactivatedAt().isBefore(start)))
			.forEach(p -> {
				people.put(p.id(), p.fullName());
				roles.put(p.id(), p.role());
			});
		if (people.isEmpty()) {
			return 0;
		}
		Map<UUID, long[]> usage = new HashMap<>();
		this.jdbc.sql("""
				select d.user_id, count(*) filter (where d.active) as active_days,
				  count(distinct date_trunc('week', d.day))
				    filter (where d.report_views + d.dashboard_views + d.forecast_views > 0) as reporting_weeks
				from usage_daily d where d.day between :from and :to group by d.user_id
				""")
			.param("from", period.start())
			.param("to", until)
			.query((rs, n) -> usage.put(rs.getObject("user_id", UUID.class),
					new long[] { rs.getLong("active_days"), rs.getLong("reporting_weeks"), 0 }))
			.list();
		// the key features of any list each person used; each counts those of their own
		this.jdbc.sql("""
				select d.user_id, f
				from usage_daily d cross join unnest(d.features) as f
				where d.day between :from and :to and f = any (cast(:keys as text[]))
				group by d.user_id, f
				""")
			.param("from", period.start())
			.param("to", until)
			.param("keys", "{" + String.join(",", keySets.union()) + "}")
			.query((rs, n) -> {
				UUID userId = rs.getObject("user_id", UUID.class);
				Role role = roles.get(userId);
				if (role != null && keySets.of(role).contains(rs.getString("f"))) {
					usage.computeIfAbsent(userId, id -> new long[3])[2]++;
				}
				return userId;
			})
			.list();
		Map<UUID, PipelineHygiene.OwnerLateEntry> late = new HashMap<>();
		this.hygiene.lateEntry(people.keySet(), period.start(), until)
			.forEach(entry -> late.put(entry.ownerId(), entry));
		Map<UUID, OwnerPipelineFreshness.Share> fresh = this.freshness.byOwner(people.keySet(), FRESH_DAYS);
		Instant now = this.clock.instant();
		String weightsJson = this.json.writeValueAsString(weights.asMap());
		int written = 0;
		for (Map.Entry<UUID, String> person : people.entrySet()) {
			long[] used = usage.getOrDefault(person.getKey(), new long[3]);
			Map<String, Double> components = new LinkedHashMap<>();
			components.put("activity", ScoreFormula.activity(used[0], measured));
			List<String> keys = keySets.of(roles.get(person.getKey()));
			components.put("breadth", keys.isEmpty() ? null : Math.min(1.0, (double) used[2] / keys.size()));
			OwnerPipelineFreshness.Share share = fresh.get(person.getKey());
			components.put("freshness", share == null ? null : share.freshShare());
			PipelineHygiene.OwnerLateEntry closed = late.get(person.getKey());
			components.put("timeliness", closed == null || closed.closedDeals() == 0 ? null
					: 1.0 - (double) closed.lateDeals() / closed.closedDeals());
			components.put("reporting", ScoreFormula.reporting(used[1], measured));
			int score = ScoreFormula.score(components, weights);
			written += this.jdbc
				.sql("""
						insert into adoption_scores (user_id, period_kind, period_start, score, components, weights, computed_at,
						  measured_through)
						values (:user, :kind, :start, :score, cast(:components as jsonb), cast(:weights as jsonb), :now, :through)
						on conflict (user_id, period_kind, period_start) do update set score = excluded.score,
						  components = excluded.components, weights = excluded.weights, computed_at = excluded.computed_at,
						  measured_through = excluded.measured_through
						""")
				.param("user", person.getKey())
				.param("kind", period.kind().name())
				.param("start", period.start())
				.param("score", score)
				.param("components", this.json.writeValueAsString(components))
				.param("weights", weightsJson)
				.param("now", utc(now))
				.param("through", until)
				.update();
		}
		return written;
	}

	/**
	 * @return whether no score was computed yet while there is usage to score (a new
	 * installation, the demo company's first start)
	 */
	public boolean nothingScoredYet() {
		return Boolean.TRUE.equals(this.jdbc
			.sql("select not exists (select 1 from adoption_scores) and exists (select 1 from usage_daily)")
			.query(Boolean.class)
			.single());
	}

	/**
	 * The stored scores of the scope for the period, best first.
	 */
	public List<Score> scores(AdoptionScope scope, Period period) {
		Map<String, Object> params = new HashMap<>();
		params.put("kind", period.kind().name());
		params.put("start", period.start());
		String where = "s.period_kind = :kind and s.period_start = :start";
		if (!scope.isEveryone()) {
			if (scope.userIds().isEmpty()) {
				return List.of();
			}
			where += " and s.user_id in (:users)";
			params.put("users", List.copyOf(scope.userIds()));
		}
		Set<UUID> within = scope.isEveryone() ? null : Set.copyOf(scope.userIds());
		List<Person> everyone = this.users.people();
		Map<UUID, String> names = new HashMap<>();
		everyone.forEach(p -> names.put(p.id(), p.fullName()));
		List<Person> people = everyone.stream().filter(p -> within == null || within.contains(p.id())).toList();
		params.put("ids", SqlArrays.of(people.stream().map(Person::id).toList()));
		params.put("names", SqlArrays.ofTexts(people.stream().map(Person::fullName).toList()));
		params.put("managers", SqlArrays.ofTexts(people.stream().map(p -> names.get(p.managerId())).toList()));
		return this.jdbc.sql(SELECT + " where " + where + " order by s.score desc, lower(u.full_name), u.id")
			.params(params)
			.query((rs, n) -> map(rs, period.end()))
			.list();
	}

	/** One person's scores of a kind, newest period first. */
	public List<Score> history(UUID userId, PeriodKind kind) {
		Optional<User> user = this.users.find(userId);
		if (user.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where s.user_id = :user and s.period_kind = :kind order by s.period_start desc")
			.param("ids", SqlArrays.of(List.of(userId)))
			.param("names", SqlArrays.ofTexts(List.of(user.get().fullName())))
			.param("managers", SqlArrays.ofTexts(Collections.singletonList(user.get().managerName())))
			.param("user", userId)
			.param("kind", kind.name())
			.query((rs, n) -> map(rs, period(kind, rs.getObject("period_start", LocalDate.class)).end()))
			.list();
	}

	private static final String SELECT = """
			select s.*, u.full_name, u.manager_name from adoption_scores s
			join unnest(cast(:ids as uuid[]), cast(:names as text[]), cast(:managers as text[]))
			  as u(id, full_name, manager_name) on u.id = s.user_id
			""";

	private Score map(ResultSet rs, LocalDate end) throws SQLException {
		ScoreFormula.Measured measured = ScoreFormula.measuredThrough(rs.getObject("period_start", LocalDate.class),
				end, rs.getObject("measured_through", LocalDate.class));
		return new Score(rs.getObject("user_id", UUID.class), rs.getString("full_name"), rs.getString("manager_name"),
				PeriodKind.valueOf(rs.getString("period_kind")), rs.getObject("period_start", LocalDate.class), end,
				rs.getInt("score"), this.json.readValue(rs.getString("components"), COMPONENTS),
				this.json.readValue(rs.getString("weights"), WEIGHTS),
				rs.getObject("computed_at", OffsetDateTime.class).toInstant(), measured.through(),
				measured.elapsedWorkingDays(), measured.workingDays(), measured.partial());
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A month or a quarter. */
	public record Period(PeriodKind kind, LocalDate start, LocalDate end) {

		public String label() {
			return this.kind == PeriodKind.MONTH
					? this.start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
							+ " " + this.start.getYear()
					: "Quarter from " + this.start;
		}

	}

}
