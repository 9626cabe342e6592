package dev.bellwether.adoption;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bellwether.adoption.internal.metrics.DeclaredUsage;
import dev.bellwether.adoption.internal.metrics.FiguresCache;
import dev.bellwether.adoption.internal.metrics.KeyFeatureSets;
import dev.bellwether.adoption.internal.metrics.KeyFeatures;
import dev.bellwether.adoption.internal.metrics.UsageQueries;
import dev.bellwether.adoption.internal.metrics.UserUsage;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserFilter;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.PipelineHygiene;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The adoption figures of a scope (everyone, one user, a manager's organisation) as of a
 * day, as plain records for pages and the API. Usage figures come from the daily roll-ups
 * ({@code usage_daily}) in one set-based query per call, never from the raw events; sales
 * figures from {@link PipelineHygiene}. Integration accounts and users not licensed on
 * the day are left out of everything. The formulas are in docs/adoption-metrics.md and
 * {@link AdoptionMetric}.
 * <p>
 * What the database computes is kept in a {@link FiguresCache} shared by every request
 * and refreshed in the background once older than
 * {@code bellwether.adoption.figures.max-age}: pages show figures up to that old (plus
 * the minute the roll-up takes), and say when they were computed.
 */
@Service
@Transactional(readOnly = true)
public class AdoptionMetrics {

	/** How many weeks {@link #trend} covers. */
	public static final int TREND_WEEKS = 26;

	private final UsageQueries usage;

	private final KeyFeatures keyFeatures;

	private final OrgChart orgChart;

	private final PipelineHygiene hygiene;

	private final FiscalCalendar calendar;

	private final ZoneId zone;

	private final FiguresCache figures;

	private final Figures.Measured measured;

	private final UserDirectory directory;

	AdoptionMetrics(UsageQueries usage, KeyFeatures keyFeatures, OrgChart orgChart, PipelineHygiene hygiene,
			FiscalCalendar calendar, @Value("${bellwether.time-zone:UTC}") ZoneId zone, FiguresCache figures,
			DeclaredUsage declared, UserDirectory directory) {
		this.usage = usage;
		this.directory = directory;
		this.measured = new Figures.Measured(declared.capturesReporting(), declared.capturesExports());
		this.figures = figures;
		this.keyFeatures = keyFeatures;
		this.orgChart = orgChart;
		this.hygiene = hygiene;
		this.calendar = calendar;
		this.zone = zone;
	}

	/**
	 * @return today in the company's time zone, the usual "as of" day
	 */
	public LocalDate today() {
		return this.calendar.today();
	}

	/**
	 * @return the manager and everyone below them, at any depth
	 */
	public AdoptionScope organisationOf(UUID managerId) {
		return AdoptionScope.of(this.orgChart.organisationOf(managerId));
	}

	/**
	 * @return the company-wide key features breadth counts ({@code module:KIND}), for
	 * every role without a list of its own
	 */
	public List<String> keyFeatures() {
		return this.keyFeatures.current();
	}

	/**
	 * @return the key features a person of the role is measured against: the role's own
	 * list (marketing and service by default), else the company-wide one
	 */
	public List<String> keyFeatures(Role role) {
		return this.keyFeatures.sets().of(role);
	}

	KeyFeatureSets keyFeatureSets() {
		return this.keyFeatures.sets();
	}

	/**
	 * @return when the scope's usage figures as of the day were computed (they may be up
	 * to {@code bellwether.adoption.figures.max-age} old)
	 */
	public Instant computedAt(AdoptionScope scope, LocalDate asOf) {
		return keptUsers(scope, asOf, this.keyFeatures.sets()).at();
	}

	/**
	 * Drops every kept figure, so that the next page computes them from the current
	 * roll-ups.
	 */
	public void recompute() {
		this.figures.clear();
	}

	public Headline headline(AdoptionScope scope, LocalDate asOf, boolean businessDays) {
		return computedHeadline(scope, asOf, businessDays).figures();
	}

	/**
	 * {@link #headline} and when the figures behind it were computed.
	 */
	public Computed<Headline> computedHeadline(AdoptionScope scope, LocalDate asOf, boolean businessDays) {
		KeyFeatureSets keys = this.keyFeatures.sets();
		return derived(Arrays.asList("headline", businessDays), scope, asOf, keys,
				users -> Figures.headline(users, asOf, businessDays, this.measured));
	}

	/**
	 * Every licensed user of the scope with their figures, by name: the drill-down behind
	 * the headline figures.
	 */
	public List<UserHealth> users(AdoptionScope scope, LocalDate asOf) {
		return computedUsers(scope, asOf).figures();
	}

	/**
	 * {@link #users} and when their figures were computed.
	 */
	public Computed<List<UserHealth>> computedUsers(AdoptionScope scope, LocalDate asOf) {
		FiguresCache.Computed<List<UserUsage>> users = users(scope, asOf, this.keyFeatures.sets());
		return new Computed<>(users.value().stream().map(u -> Figures.userHealth(u, this.measured)).toList(),
				users.at());
	}

	/**
	 * @return the users of each health class, by name (every class present)
	 */
	public Map<Health, List<UserHealth>> usersByHealth(AdoptionScope scope, LocalDate asOf) {
		Map<Health, List<UserHealth>> byHealth = new LinkedHashMap<>();
		for (Health health : Health.values()) {
			byHealth.put(health, new ArrayList<>());
		}
		users(scope, asOf).forEach(user -> byHealth.get(user.health()).add(user));
		return byHealth;
	}

	/**
	 * The headline figures by org level, each manager beside their team, and whether
	 * executives look at team figures.
	 */
	public Cascade cascade(AdoptionScope scope, LocalDate asOf, boolean businessDays) {
		return computedCascade(scope, asOf, businessDays).figures();
	}

	/**
	 * {@link #cascade} and when the figures behind it were computed.
	 */
	public Computed<Cascade> computedCascade(AdoptionScope scope, LocalDate asOf, boolean businessDays) {
		KeyFeatureSets keys = this.keyFeatures.sets();
		return derived(Arrays.asList("cascade", businessDays), scope, asOf, keys,
				users -> cascade(users, asOf, businessDays));
	}

	private Cascade cascade(List<UserUsage> users, LocalDate asOf, boolean businessDays) {
		Map<UUID, List<UUID>> reports = new HashMap<>();
		Map<UUID, UserUsage> byId = new HashMap<>();
		for (UserUsage user : users) {
			byId.put(user.userId(), user);
		}
		for (UserUsage user : users) {
			if (user.managerId() != null && byId.containsKey(user.managerId())) {
				reports.computeIfAbsent(user.managerId(), id -> new ArrayList<>()).add(user.userId());
			}
		}
		List<UserUsage> executives = new ArrayList<>();
		Map<Integer, List<UserUsage>> managersByDepth = new TreeMap<>();
		List<UserUsage> reps = new ArrayList<>();
		for (UserUsage user : users) {
			if (user.role() == Role.EXECUTIVE) {
				executives.add(user);
			}
			else if (reports.containsKey(user.userId())) {
				managersByDepth.computeIfAbsent(user.depth(), d -> new ArrayList<>()).add(user);
			}
			else {
				reps.add(user);
			}
		}
		List<LevelFigures> levels = new ArrayList<>();
		if (!executives.isEmpty()) {
			levels.add(level(OrgLevel.EXECUTIVES, 0, "Executives", executives, asOf, businessDays));
		}
		managersByDepth.forEach((depth, managers) -> levels
			.add(level(OrgLevel.MANAGERS, depth, "Managers, level " + depth, managers, asOf, businessDays)));
		if (!reps.isEmpty()) {
			levels.add(level(OrgLevel.REPS, 0, "Reps", reps, asOf, businessDays));
		}
		List<ManagerAdoption> managers = new ArrayList<>();
		for (UserUsage user : users) {
			if (reports.containsKey(user.userId())) {
				managers.add(managerAdoption(user, reports, byId));
			}
		}
		managers.sort(Comparator.comparing((ManagerAdoption m) -> !m.teamOutUsesManager())
			.thenComparing(ManagerAdoption::depth)
			.thenComparing(ManagerAdoption::fullName));
		long looking = executives.stream().filter(e -> e.teamFigureViews7() > 0).count();
		return new Cascade(asOf, levels, managers, executives.size(), looking,
				Figures.share(looking, executives.size()));
	}

	/**
	 * The headline figures for the {@value #TREND_WEEKS} weeks ending on the day.
	 */
	public Trend trend(AdoptionScope scope, LocalDate asOf, boolean businessDays) {
		return computedTrend(scope, asOf, businessDays).figures();
	}

	/**
	 * {@link #trend} and when the weekly counts behind it were computed.
	 */
	public Computed<Trend> computedTrend(AdoptionScope scope, LocalDate asOf, boolean businessDays) {
		List<Trend.Week> weeks = new ArrayList<>();
		FiguresCache.Computed<List<UsageQueries.WeekCounts>> kept = this.figures.get(
				Arrays.asList("trend", scope.userIds(), asOf, TREND_WEEKS),
				() -> this.usage.weekly(scope.userIds(), asOf, TREND_WEEKS));
		List<UsageQueries.WeekCounts> counts = kept.value();
		LocalDate firstUsage = this.usage.firstUsageDay(scope.userIds()).orElse(null);
		for (UsageQueries.WeekCounts week : counts) {
			if (firstUsage == null || week.day().isBefore(firstUsage)) {
				// before any usage was captured: no data, not 0%
				weeks.add(0, new Trend.Week(week.day(), week.licensed(), 0, 0, null, null, null, false));
				continue;
			}
			Double averageDau = week.licensed() == 0 ? null : businessDays
					? (double) week.weekdays30() / Figures.weekdaysIn30DaysEnding(week.day()) : week.days30() / 30.0;
			weeks.add(0, new Trend.Week(week.day(), week.licensed(), week.wau(), week.mau(),
					Figures.share(week.mau(), week.licensed()), week.mau() == 0 ? null : averageDau / week.mau(),
					Figures.share(week.healthy(), week.licensed()), true));
		}
		return new Computed<>(new Trend(asOf, businessDays, weeks), kept.at());
	}

	/**
	 * @param limit how many users in each list
	 */
	public Movers movers(AdoptionScope scope, LocalDate asOf, int limit) {
		return computedMovers(scope, asOf, limit).figures();
	}

	/**
	 * {@link #movers} and when the figures behind them were computed.
	 */
	public Computed<Movers> computedMovers(AdoptionScope scope, LocalDate asOf, int limit) {
		KeyFeatureSets keys = this.keyFeatures.sets();
		return derived(Arrays.asList("movers", limit), scope, asOf, keys, users -> movers(users, limit));
	}

	private static Movers movers(List<UserUsage> users, int limit) {
		List<Movers.Mover> changed = users.stream()
			.filter(u -> u.activeDays28() != u.previousActiveDays28())
			.map(u -> new Movers.Mover(u.userId(), u.fullName(), u.managerId(), u.activeDays28(),
					u.previousActiveDays28(), u.activeDays28() - u.previousActiveDays28()))
			.toList();
		Comparator<Movers.Mover> byName = Comparator.comparing(Movers.Mover::fullName);
		return new Movers(
				changed.stream()
					.filter(m -> m.change() > 0)
					.sorted(Comparator.comparingInt((Movers.Mover m) -> -m.change()).thenComparing(byName))
					.limit(limit)
					.toList(),
				changed.stream()
					.filter(m -> m.change() < 0)
					.sorted(Comparator.comparingInt(Movers.Mover::change).thenComparing(byName))
					.limit(limit)
					.toList());
	}

	/**
	 * Provisioning to first value for the licensed users of the scope, and the median per
	 * monthly cohort of provisioning (oldest first).
	 */
	public TimeToFirstValue timeToFirstValue(AdoptionScope scope, LocalDate asOf) {
		return computedTimeToFirstValue(scope, asOf).figures();
	}

	/**
	 * {@link #timeToFirstValue} and when the figures behind it were computed.
	 */
	public Computed<TimeToFirstValue> computedTimeToFirstValue(AdoptionScope scope, LocalDate asOf) {
		KeyFeatureSets keys = this.keyFeatures.sets();
		return derived(Arrays.asList("first-value"), scope, asOf, keys, users -> timeToFirstValue(users, asOf));
	}

	private TimeToFirstValue timeToFirstValue(List<UserUsage> users, LocalDate asOf) {
		var firsts = this.hygiene.firstAdvancedOwnDeal(ids(users), this.calendar.startOf(asOf.plusDays(1)));
		List<TimeToFirstValue.User> rows = new ArrayList<>();
		Map<YearMonth, List<TimeToFirstValue.User>> cohorts = new TreeMap<>();
		for (UserUsage user : users) {
			var first = firsts.get(user.userId());
			Double days = first == null ? null
					: Math.max(0, Duration.between(user.provisionedAt(), first).toMinutes()) / (24.0 * 60);
			TimeToFirstValue.User row = new TimeToFirstValue.User(user.userId(), user.fullName(), user.provisionedAt(),
					first, days);
			rows.add(row);
			cohorts.computeIfAbsent(YearMonth.from(user.provisionedAt().atZone(this.zone)), m -> new ArrayList<>())
				.add(row);
		}
		List<TimeToFirstValue.Cohort> figures = new ArrayList<>();
		cohorts.forEach((month, members) -> {
			List<Double> reached = members.stream().map(TimeToFirstValue.User::days).filter(d -> d != null).toList();
			figures.add(new TimeToFirstValue.Cohort(month, members.size(), reached.size(), Figures.median(reached)));
		});
		return new TimeToFirstValue(figures, rows);
	}

	/**
	 * Deals closed from {@code from} to {@code to} (both included, the company's days) by
	 * the licensed users of the scope (as of {@code to}).
	 */
	public LateEntry lateEntry(AdoptionScope scope, LocalDate from, LocalDate to) {
		return computedLateEntry(scope, from, to).figures();
	}

	/**
	 * {@link #lateEntry} and when the figures behind it were computed.
	 */
	public Computed<LateEntry> computedLateEntry(AdoptionScope scope, LocalDate from, LocalDate to) {
		KeyFeatureSets keys = this.keyFeatures.sets();
		return derived(Arrays.asList("late-entry", from), scope, to, keys, users -> lateEntry(users, from, to));
	}

	private LateEntry lateEntry(List<UserUsage> users, LocalDate from, LocalDate to) {
		Map<UUID, PipelineHygiene.OwnerLateEntry> byOwner = new HashMap<>();
		this.hygiene.lateEntry(ids(users), from, to).forEach(row -> byOwner.put(row.ownerId(), row));
		List<LateEntry.Figures> owners = new ArrayList<>();
		for (UserUsage user : users) {
			PipelineHygiene.OwnerLateEntry row = byOwner.get(user.userId());
			if (row != null) {
				owners.add(new LateEntry.Figures(user.userId(), user.fullName(), row.closedDeals(), row.closedAmount(),
						row.lateDeals(), row.lateAmount()));
			}
		}
		Map<UUID, List<UUID>> reports = new HashMap<>();
		Set<UUID> inScope = ids(users);
		for (UserUsage user : users) {
			if (user.managerId() != null && inScope.contains(user.managerId())) {
				reports.computeIfAbsent(user.managerId(), id -> new ArrayList<>()).add(user.userId());
			}
		}
		List<LateEntry.Figures> managers = new ArrayList<>();
		for (UserUsage user : users) {
			if (reports.containsKey(user.userId())) {
				Set<UUID> organisation = subtree(user.userId(), reports);
				organisation.add(user.userId());
				managers.add(sum(user.userId(), user.fullName(),
						organisation.stream().map(byOwner::get).filter(r -> r != null).toList()));
			}
		}
		return new LateEntry(from, to, sum(null, null, byOwner.values()), owners, managers);
	}

	/**
	 * The freshness of the open pipeline of the scope's licensed users now, and of the
	 * scope's deactivated people: their open deals wait for a new owner and are still
	 * open pipeline that nobody active looks after (fresh only when touched within the
	 * window, like any deal).
	 * @param days fresh when touched within this many days (30 by default), or within the
	 * stage's own stale days
	 */
	public PipelineHygiene.Freshness freshness(AdoptionScope scope, int days) {
		return computedFreshness(scope, days).figures();
	}

	/**
	 * {@link #freshness} and when it was computed: freshness is known as of now only
	 * (deals keep their last touch, not a history of touches), whatever day is asked for.
	 */
	public Computed<PipelineHygiene.Freshness> computedFreshness(AdoptionScope scope, int days) {
		LocalDate today = today();
		KeyFeatureSets keys = this.keyFeatures.sets();
		return derived(Arrays.asList("freshness", days), scope, today, keys, users -> {
			Set<UUID> owners = ids(users);
			owners.addAll(deactivatedPeople(scope));
			return this.hygiene.freshness(owners, days);
		});
	}

	/**
	 * @return the scope's deactivated people (not integration accounts), whose open deals
	 * need a new owner
	 */
	private Set<UUID> deactivatedPeople(AdoptionScope scope) {
		Set<UUID> ids = new HashSet<>();
		UserFilter deactivated = new UserFilter(null, null, Boolean.FALSE, null);
		org.springframework.data.domain.Page<User> page = this.directory.list(deactivated,
				org.springframework.data.domain.PageRequest.of(0, 500));
		while (true) {
			page.forEach(user -> {
				if (!user.integrationAccount() && (scope.isEveryone() || scope.userIds().contains(user.id()))) {
					ids.add(user.id());
				}
			});
			if (!page.hasNext()) {
				return ids;
			}
			page = this.directory.list(deactivated, page.nextPageable());
		}
	}

	/**
	 * A figure computed from the scope's per-person figures, kept like them, with when
	 * those were computed (a kept headline computed a while after the per-person figures
	 * it sums shows them as of their computation).
	 * @param identity the figure's name and the arguments it depends on besides the
	 * scope, the day and the key features
	 */
	private <T> Computed<T> derived(List<Object> identity, AdoptionScope scope, LocalDate asOf, KeyFeatureSets keys,
			Function<List<UserUsage>, T> compute) {
		List<Object> key = new ArrayList<>(identity);
		key.addAll(Arrays.asList(scope.userIds(), asOf, keys));
		return this.figures.get(key, () -> {
			FiguresCache.Computed<List<UserUsage>> users = users(scope, asOf, keys);
			return new Computed<>(compute.apply(users.value()), users.at());
		}).value();
	}

	private FiguresCache.Computed<List<UserUsage>> users(AdoptionScope scope, LocalDate asOf, KeyFeatureSets keys) {
		// a dashboard asks for the same people's figures for several cards: read them
		// once per web request
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return keptUsers(scope, asOf, keys);
		}
		String name = AdoptionMetrics.class.getName() + ".users";
		@SuppressWarnings("unchecked")
		Map<List<Object>, FiguresCache.Computed<List<UserUsage>>> cache = (Map<List<Object>, FiguresCache.Computed<List<UserUsage>>>) request
			.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
		if (cache == null) {
			cache = new HashMap<>();
			request.setAttribute(name, cache, RequestAttributes.SCOPE_REQUEST);
		}
		List<Object> key = Arrays.asList(scope.userIds(), asOf, keys);
		return cache.computeIfAbsent(key, k -> keptUsers(scope, asOf, keys));
	}

	private FiguresCache.Computed<List<UserUsage>> keptUsers(AdoptionScope scope, LocalDate asOf, KeyFeatureSets keys) {
		return this.figures.get(Arrays.asList("users", scope.userIds(), asOf, keys),
				() -> this.usage.perUser(scope.userIds(), asOf, keys));
	}

	private LevelFigures level(OrgLevel level, int depth, String label, List<UserUsage> users, LocalDate asOf,
			boolean businessDays) {
		return new LevelFigures(level, depth, label, Figures.headline(users, asOf, businessDays, this.measured),
				users.stream().map(UserUsage::userId).toList());
	}

	private static ManagerAdoption managerAdoption(UserUsage manager, Map<UUID, List<UUID>> reports,
			Map<UUID, UserUsage> byId) {
		Set<UUID> team = subtree(manager.userId(), reports);
		Double average = team.isEmpty() ? null
				: team.stream().mapToInt(id -> byId.get(id).activeDays28()).average().orElse(0);
		return new ManagerAdoption(manager.userId(), manager.fullName(), manager.depth(), manager.activeDays28(),
				team.size(), average, average != null && average > manager.activeDays28());
	}

	/**
	 * @return everyone below the manager (not the manager), at any depth
	 */
	private static Set<UUID> subtree(UUID managerId, Map<UUID, List<UUID>> reports) {
		Set<UUID> below = new HashSet<>();
		List<UUID> next = new ArrayList<>(reports.getOrDefault(managerId, List.of()));
		while (!next.isEmpty()) {
			UUID id = next.remove(next.size() - 1);
			if (!id.equals(managerId) && below.add(id)) {
				next.addAll(reports.getOrDefault(id, List.of()));
			}
		}
		return below;
	}

	private static LateEntry.Figures sum(UUID userId, String fullName,
			java.util.Collection<PipelineHygiene.OwnerLateEntry> rows) {
		long closed = 0;
		long late = 0;
		BigDecimal closedAmount = BigDecimal.ZERO;
		BigDecimal lateAmount = BigDecimal.ZERO;
		for (PipelineHygiene.OwnerLateEntry row : rows) {
			closed += row.closedDeals();
			late += row.lateDeals();
			closedAmount = closedAmount.add(row.closedAmount());
			lateAmount = lateAmount.add(row.lateAmount());
		}
		return new LateEntry.Figures(userId, fullName, closed, closedAmount, late, lateAmount);
	}

	private static Set<UUID> ids(List<UserUsage> users) {
		return users.stream().map(UserUsage::userId).collect(Collectors.toCollection(HashSet::new));
	}

}
