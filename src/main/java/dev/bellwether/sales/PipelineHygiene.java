package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.platform.FiscalCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * How well people keep the pipeline in the CRM, for adoption figures: how fresh the open
 * pipeline is, deals pushed or neglected, deals entered only when they were already won,
 * and when each person first moved a deal of their own forward. Every figure is for a set
 * of owners (or users), or for everyone when the set is {@code null}, and is computed in
 * one query, whatever the number of people.
 */
@Service
@Transactional(readOnly = true)
public class PipelineHygiene {

	/** A deal closing within this many days... */
	public static final int NEGLECTED_CLOSING_WITHIN_DAYS = 60;

	/** ...and not touched in this many days is neglected. */
	public static final int NEGLECTED_UNTOUCHED_DAYS = 14;

	private final JdbcClient jdbc;

	private final FiscalCalendar calendar;

	private final Clock clock;

	PipelineHygiene(JdbcClient jdbc, FiscalCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * The freshness of the owners' open pipeline now.
	 * @param ownerIds whose deals, or {@code null} for every owner
	 * @param days a deal is fresh when touched within this many days, or within its
	 * stage's {@code stale_after_days} where the stage sets one (as
	 * {@link OpportunityFreshness} does)
	 */
	public Freshness freshness(Collection<UUID> ownerIds, int days) {
		if (days < 1) {
			throw new IllegalArgumentException("days must be at least 1");
		}
		if (ownerIds != null && ownerIds.isEmpty()) {
			FiscalCalendar.Period quarter = this.calendar.thisQuarter();
			return new Freshness(days, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 0, quarter, 0, 0);
		}
		Instant now = this.clock.instant();
		LocalDate today = this.calendar.today();
		Map<String, Object> params = new HashMap<>();
		String owners = owners(ownerIds, "o.owner_id", params);
		params.put("now", utc(now));
		params.put("today", today);
		params.put("days", days);
		params.put("neglectedUntil", today.plusDays(NEGLECTED_CLOSING_WITHIN_DAYS));
		params.put("neglectedTouched", utc(now.minus(java.time.Duration.ofDays(NEGLECTED_UNTOUCHED_DAYS))));
		FiscalCalendar.Period quarter = this.calendar.thisQuarter();
		Freshness open = this.jdbc
			.sql("""
					select count(*) as deals, coalesce(sum(o.amount), 0) as amount,
					  count(*) filter (where fresh) as fresh, coalesce(sum(o.amount) filter (where fresh), 0) as fresh_amount,
					  count(*) filter (where o.close_date < :today) as overdue,
					  count(*) filter (where o.close_date between :today and :neglectedUntil
					    and o.last_touched_at < :neglectedTouched) as neglected
					from (select o.*, o.last_touched_at >= cast(:now as timestamptz)
					        - make_interval(days => coalesce(s.stale_after_days, :days)) as fresh
					      from opportunities o join pipeline_stages s on s.id = o.stage_id
					      where o.deleted_at is null and o.closed_at is null and %s) o
					"""
				.formatted(owners))
			.params(params)
			.query((rs, n) -> new Freshness(days, rs.getLong("deals"), rs.getBigDecimal("amount"), rs.getLong("fresh"),
					rs.getBigDecimal("fresh_amount"), rs.getLong("overdue"), rs.getLong("neglected"), quarter, 0, 0))
			.single();
		params.put("quarterFrom", utc(this.calendar.startOf(quarter.start())));
		params.put("quarterTo", utc(this.calendar.startOf(quarter.end().plusDays(1))));
		return this.jdbc.sql("""
				select count(*) as pushes, count(distinct h.opportunity_id) as deals
				from opportunity_history h join opportunities o on o.id = h.opportunity_id
				where h.changed_at >= :quarterFrom and h.changed_at < :quarterTo
				  and h.to_close_date > h.from_close_date and o.deleted_at is null and %s
				""".formatted(owners))
			.params(params)
			.query((rs, n) -> open.withPushes(rs.getLong("pushes"), rs.getLong("deals")))
			.single();
	}

	/**
	 * Deals closed (won or lost) in a period, per owner, and how many of them were
	 * entered late: their first recorded forecast category was already {@code COMMIT} or
	 * {@code CLOSED}, or they were created at most one day before they closed. A deal is
	 * closed in the period of its close date, as on the board and the home pages (closing
	 * a deal without entering a close date sets it to the closing day). Deals an import
	 * created are left out: they were entered in another system, and their dates are
	 * history, not anyone's behaviour here.
	 * @param ownerIds whose deals, or {@code null} for every owner
	 * @param from the first close date of the period
	 * @param to the last close date of the period
	 */
	public List<OwnerLateEntry> lateEntry(Collection<UUID> ownerIds, LocalDate from, LocalDate to) {
		if (ownerIds != null && ownerIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String owners = owners(ownerIds, "o.owner_id", params);
		params.put("from", from);
		params.put("to", to);
		return this.jdbc.sql("""
				select o.owner_id, count(*) as closed, coalesce(sum(o.amount), 0) as closed_amount,
				  count(*) filter (where late) as late, coalesce(sum(o.amount) filter (where late), 0) as late_amount
				from (select o.*, (o.first_forecast_category in ('COMMIT', 'CLOSED')
				        or o.closed_at <= o.created_at + interval '1 day') as late
				      from opportunities o
				      where o.closed_at is not null and o.close_date between :from and :to
				        and o.deleted_at is null and o.import_id is null and %s) o
				group by o.owner_id
				""".formatted(owners))
			.params(params)
			.query((rs, n) -> new OwnerLateEntry(rs.getObject("owner_id", UUID.class), rs.getLong("closed"),
					rs.getBigDecimal("closed_amount"), rs.getLong("late"), rs.getBigDecimal("late_amount")))
			.list();
	}

	/**
	 * When each user first moved a deal they had created to a later stage (a higher
	 * position, not a lost stage): the moment the CRM first paid off for them.
	 * @param userIds whose deals, or {@code null} for everyone
	 * @param until only moves before this instant
	 * @return the instant per user; users who never did are left out
	 */
	public Map<UUID, Instant> firstAdvancedOwnDeal(Collection<UUID> userIds, Instant until) {
		if (userIds != null && userIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> params = new HashMap<>();
		String users = owners(userIds, "h.changed_by", params);
		params.put("until", utc(until));
		Map<UUID, Instant> first = new HashMap<>();
		this.jdbc.sql("""
				select h.changed_by as user_id, min(h.changed_at) as first_at
				from opportunity_history h
				  join opportunities o on o.id = h.opportunity_id and o.created_by = h.changed_by
				  join pipeline_stages f on f.id = h.from_stage_id
				  join pipeline_stages t on t.id = h.to_stage_id
				where h.from_stage_id is not null and h.changed_at < :until and t.position > f.position
				  and t.outcome <> 'LOST' and %s
				group by h.changed_by
				""".formatted(users))
			.params(params)
			.query((rs, n) -> first.put(rs.getObject("user_id", UUID.class), instant(rs, "first_at")))
			.list();
		return first;
	}

	private static String owners(Collection<UUID> ids, String column, Map<String, Object> params) {
		if (ids == null) {
			return "true";
		}
		// one array parameter, however many people: a team of thousands stays one value;
		// unnested in a sub-query, so that PostgreSQL hashes it rather than comparing
		// each
		// row with every element (= any of a parameter: 20,000 deals × 5,000 people)
		params.put("hygieneIds", ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
		return column + " in (select unnest(cast(:hygieneIds as uuid[])))";
	}

	/**
	 * The open pipeline's freshness now.
	 *
	 * @param days the freshness window asked for
	 * @param openDeals open deals
	 * @param freshDeals open deals touched within the window (or their stage's)
	 * @param overdueDeals open deals whose close date has passed
	 * @param neglectedDeals open deals closing within
	 * {@value #NEGLECTED_CLOSING_WITHIN_DAYS} days and not touched (updated, or an
	 * activity logged on them: {@code last_touched_at}) in
	 * {@value #NEGLECTED_UNTOUCHED_DAYS}
	 * @param quarter this fiscal quarter
	 * @param closeDatePushes changes this quarter that moved a deal's close date later
	 * @param dealsPushed how many deals those changes were to
	 */
	public record Freshness(int days, long openDeals, BigDecimal openAmount, long freshDeals, BigDecimal freshAmount,
			long overdueDeals, long neglectedDeals, FiscalCalendar.Period quarter, long closeDatePushes,
			long dealsPushed) {

		/**
		 * @return fresh deals ÷ open deals, or {@code null} with no open deals
		 */
		public Double freshShareByCount() {
			return this.openDeals == 0 ? null : (double) this.freshDeals / this.openDeals;
		}

		/**
		 * @return the amount of fresh deals ÷ the open amount, or {@code null} when that
		 * is zero
		 */
		public Double freshShareByValue() {
			return this.openAmount.signum() == 0 ? null
					: this.freshAmount.doubleValue() / this.openAmount.doubleValue();
		}

		Freshness withPushes(long pushes, long deals) {
			return new Freshness(this.days, this.openDeals, this.openAmount, this.freshDeals, this.freshAmount,
					this.overdueDeals, this.neglectedDeals, this.quarter, pushes, deals);
		}

	}

	/**
	 * One owner's deals closed in a period, and those entered late.
	 */
	public record OwnerLateEntry(UUID ownerId, long closedDeals, BigDecimal closedAmount, long lateDeals,
			BigDecimal lateAmount) {
	}

}
