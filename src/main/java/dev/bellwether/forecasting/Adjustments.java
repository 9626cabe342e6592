package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.sales.ForecastCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Forecast adjustments: a manager adjusts the Commit, Best case or Pipeline figure of a
 * direct report's forecast, or of their own, for a period, with a note. Adjustments are a
 * layer over the gross figures, never a change to them, and each is kept: the latest per
 * person, period and category is in effect. Nobody adjusts anyone above them, nor anyone
 * but themself and their direct reports.
 */
@Service
@Transactional(readOnly = true)
public class Adjustments {

	public static final String RECORD_TYPE = "forecast adjustment";

	static final Set<ForecastCategory> ADJUSTABLE = EnumSet.of(ForecastCategory.COMMIT, ForecastCategory.BEST_CASE,
			ForecastCategory.PIPELINE);

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	private final java.time.Clock clock;

	Adjustments(JdbcClient jdbc, OrgChart orgChart, UserDirectory users, FiscalCalendar calendar,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * @return whether the viewer may adjust the person's forecast: a manager their own
	 * and their direct reports'
	 */
	public boolean canAdjust(Viewer viewer, UUID userId) {
		List<UUID> reports = this.orgChart.directReports(viewer.id());
		return !reports.isEmpty() && (viewer.id().equals(userId) || reports.contains(userId));
	}

	/**
	 * @return whose forecasts the viewer may adjust: none for someone without reports,
	 * else their own and their direct reports'
	 */
	public Set<UUID> adjustable(Viewer viewer) {
		List<UUID> reports = this.orgChart.directReports(viewer.id());
		if (reports.isEmpty()) {
			return Set.of();
		}
		Set<UUID> ids = new java.util.HashSet<>(reports);
		ids.add(viewer.id());
		return ids;
	}

	/**
	 * Adjusts (or, with {@code amount} null, takes back the adjustment of) a person's
	 * forecast in one category.
	 * @param expectedSequence the sequence of the adjustment in effect that was read (0
	 * for none)
	 * @throws ForbiddenException for anyone but the viewer (a manager) and their direct
	 * reports
	 * @throws StaleRecordException when someone adjusted it since
	 */
	@Transactional
	public Adjustment adjust(Viewer viewer, UUID userId, String periodCode, ForecastCategory category,
			BigDecimal amount, String note, long expectedSequence) {
		FiscalPeriod period = this.calendar.period(periodCode, "period");
		if (userId == null || this.users.find(userId).isEmpty()) {
			throw new InvalidInputException("userId", "There is no user with id " + userId + ".");
		}
		if (category == null || !ADJUSTABLE.contains(category)) {
			throw new InvalidInputException("category", "Adjust COMMIT, BEST_CASE or PIPELINE.");
		}
		if (amount != null && amount.signum() < 0) {
			throw new InvalidInputException("amount", "An adjusted figure can't be negative.");
		}
		if (amount != null && amount.stripTrailingZeros().scale() > 2) {
			throw new InvalidInputException("amount", "An adjusted figure has at most 2 decimals.");
		}
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "Say why: an adjustment needs a note.");
		}
		if (note.strip().length() > 500) {
			throw new InvalidInputException("note", "Keep the note to 500 characters.");
		}
		if (!canAdjust(viewer, userId)) {
			throw new ForbiddenException("userId",
					this.orgChart.isAbove(userId, viewer.id()) ? "You can't adjust the forecast of someone above you."
							: "A manager adjusts their own forecast and those of their direct reports only.");
		}
		// one adjustment at a time per person, period and category
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
			.param("key", "forecast-adjustment " + userId + " " + period.code() + " " + category)
			.query((rs, n) -> 1)
			.single();
		long current = this.jdbc.sql("""
				select coalesce(max(sequence), 0) from forecast_adjustments
				where user_id = :userId and period_code = :period and category = :category
				""")
			.param("userId", userId)
			.param("period", period.code())
			.param("category", category.name())
			.query(Long.class)
			.single();
		if (current != expectedSequence) {
			throw new StaleRecordException(RECORD_TYPE, userId + " " + period.code() + " " + category,
					expectedSequence);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into forecast_adjustments (id, user_id, period_code, category, sequence, amount, note,
				  adjusted_by, adjusted_at)
				values (:id, :userId, :period, :category, :sequence, :amount, :note, :actor, :now)
				""")
			.param("id", Ids.newId())
			.param("userId", userId)
			.param("period", period.code())
			.param("category", category.name())
			.param("sequence", current + 1)
			.param("amount", amount)
			.param("note", note.strip())
			.param("actor", viewer.id())
			.param("now", utc(now))
			.update();
		BigDecimal previous = current == 0 ? null : this.jdbc.sql("""
				select amount from forecast_adjustments
				where user_id = :userId and period_code = :period and category = :category and sequence = :sequence
				""")
			.param("userId", userId)
			.param("period", period.code())
			.param("category", category.name())
			.param("sequence", current)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getBigDecimal(1)))
			.single()
			.orElse(null);
		return new Adjustment(userId, period.code(), category, current + 1, amount, previous, note.strip(), viewer.id(),
				now);
	}

	/**
	 * @return every adjustment of the people's forecasts for the period, oldest first
	 */
	public List<Adjustment> history(Collection<UUID> userIds, String periodCode) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		List<Adjustment> made = this.jdbc.sql("""
				select * from forecast_adjustments where user_id in (:users) and period_code = :period
				order by adjusted_at, sequence
				""")
			.param("users", List.copyOf(userIds))
			.param("period", periodCode)
			.query((rs, n) -> new Adjustment(rs.getObject("user_id", UUID.class), rs.getString("period_code"),
					ForecastCategory.valueOf(rs.getString("category")), rs.getLong("sequence"),
					rs.getBigDecimal("amount"), null, rs.getString("note"), rs.getObject("adjusted_by", UUID.class),
					instant(rs, "adjusted_at")))
			.list();
		// each with the figure it replaced: the one before it of the same person and
		// category
		Map<String, BigDecimal> before = new HashMap<>();
		List<Adjustment> history = new java.util.ArrayList<>(made.size());
		for (Adjustment a : made) {
			String key = a.userId() + " " + a.category();
			history.add(new Adjustment(a.userId(), a.period(), a.category(), a.sequence(), a.amount(), before.get(key),
					a.note(), a.adjustedBy(), a.adjustedAt()));
			before.put(key, a.amount());
		}
		return history;
	}

	/**
	 * @return the adjustment in effect (the latest) per person and category; taken-back
	 * ones included, with a null amount
	 */
	Map<UUID, Map<ForecastCategory, Adjustment>> inEffect(Collection<UUID> userIds, String periodCode) {
		Map<UUID, Map<ForecastCategory, Adjustment>> latest = new HashMap<>();
		for (Adjustment adjustment : history(userIds, periodCode)) {
			Map<ForecastCategory, Adjustment> byCategory = latest.computeIfAbsent(adjustment.userId(),
					id -> new HashMap<>());
			Adjustment before = byCategory.get(adjustment.category());
			if (before == null || before.sequence() < adjustment.sequence()) {
				byCategory.put(adjustment.category(), adjustment);
			}
		}
		return latest;
	}

}
