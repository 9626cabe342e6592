package dev.bellwether.demo;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for generated deals, checked in SQL over the rows as written: their
 * stage history explains each deal's current values, the first recorded stage is kept,
 * and the mix of outcomes is realistic. {@code scope} limits the checks to the deals of
 * interest (a predicate over {@code o}, the opportunities table).
 */
public final class PipelineChecks {

	private final JdbcTemplate jdbc;

	private final String scope;

	public PipelineChecks(JdbcTemplate jdbc, String scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	public long deals() {
		return count("select count(*) from opportunities o where " + this.scope);
	}

	public long activities() {
		return count("select count(*) from activities a join opportunities o on o.id = a.opportunity_id where "
				+ this.scope);
	}

	public void assertConsistent(Instant now) {
		// the last save's values are the deal's
		assertThat(count("""
				select count(*) from opportunities o
				join lateral (select * from opportunity_history h where h.opportunity_id = o.id
				              order by h.changed_at desc, h.id desc limit 1) last on true
				where %s and (last.to_stage_id <> o.stage_id or last.to_amount is distinct from o.amount
				  or last.to_close_date <> o.close_date or last.to_probability <> o.probability
				  or last.to_forecast_category <> o.forecast_category or last.changed_at <> o.updated_at)
				""".formatted(this.scope))).as("deals whose values differ from their last history row").isZero();
		// the first row records the creation, and is what first_stage_id keeps
		assertThat(count("""
				select count(*) from opportunities o
				join lateral (select * from opportunity_history h where h.opportunity_id = o.id
				              order by h.changed_at, h.id limit 1) first on true
				where %s and (first.from_stage_id is not null or first.from_amount is not null
				  or first.to_stage_id <> o.first_stage_id or first.to_forecast_category <> o.first_forecast_category
				  or first.changed_at <> o.created_at)
				""".formatted(this.scope))).as("deals whose first history row is not their creation").isZero();
		// each row starts where the one before ended
		assertThat(count("""
				select count(*) from (
				  select h.*, lag(h.to_stage_id) over w as prev_stage, lag(h.to_amount) over w as prev_amount,
				         lag(h.to_close_date) over w as prev_close, lag(h.to_probability) over w as prev_probability,
				         lag(h.to_forecast_category) over w as prev_category, row_number() over w as n
				  from opportunity_history h join opportunities o on o.id = h.opportunity_id
				  where %s
				  window w as (partition by h.opportunity_id order by h.changed_at, h.id)) x
				where n > 1 and (from_stage_id <> prev_stage or from_amount is distinct from prev_amount
				  or from_close_date <> prev_close or from_probability <> prev_probability
				  or from_forecast_category <> prev_category)
				""".formatted(this.scope))).as("history rows that do not follow on from the row before").isZero();
		assertThat(count("""
				select count(*) from opportunities o join pipeline_stages s on s.id = o.stage_id
				where %s and ((s.outcome = 'OPEN') <> (o.closed_at is null)
				  or (s.outcome = 'LOST' and (o.loss_reason is null or o.forecast_category <> 'OMITTED'))
				  or (s.outcome = 'WON' and o.forecast_category <> 'CLOSED')
				  or (s.outcome = 'OPEN' and o.forecast_category not in ('PIPELINE', 'BEST_CASE', 'COMMIT')))
				""".formatted(this.scope))).as("deals whose outcome, close time, category or loss reason disagree")
			.isZero();
		// freshness: touched no earlier than the last save or activity, never in the
		// future
		assertThat(count("""
				select count(*) from opportunities o
				left join (select a.opportunity_id, max(greatest(a.created_at, a.completed_at)) as at
				           from activities a group by a.opportunity_id) logged on logged.opportunity_id = o.id
				where %s and (o.last_touched_at < o.updated_at or o.last_touched_at > ?
				  or o.last_touched_at < coalesce(logged.at, o.created_at))
				""".formatted(this.scope), java.sql.Timestamp.from(now))).as("deals touched before their last change")
			.isZero();
		assertThat(count("""
				select count(*) from activities a join opportunities o on o.id = a.opportunity_id
				where %s and (a.created_at < o.created_at or a.created_at > ? or a.account_id <> o.account_id)
				""".formatted(this.scope), java.sql.Timestamp.from(now)))
			.as("activities outside their deal's life or on another account")
			.isZero();
		assertThat(count("""
				select count(*) from opportunities o where %s and (o.created_at < ?::timestamptz - interval '549 days'
				  or o.close_date > cast(? as date) + 183)
				""".formatted(this.scope), java.sql.Timestamp.from(now), java.sql.Date.valueOf(today(now))))
			.as("deals created more than 18 months ago or closing more than 6 months ahead")
			.isZero();
	}

	public void assertRealisticMix(Instant now) {
		Map<String, Object> mix = this.jdbc.queryForMap("""
				select count(*) filter (where s.outcome = 'WON') as won,
				       count(*) filter (where s.outcome = 'LOST') as lost,
				       count(*) filter (where s.outcome = 'OPEN') as open,
				       count(*) filter (where s.outcome = 'OPEN' and o.close_date < ?) as overdue,
				       count(*) filter (where o.first_forecast_category in ('COMMIT', 'CLOSED')) as late,
				       count(*) filter (where o.first_stage_id = o.stage_id and s.outcome = 'WON') as entered_won,
				       count(distinct o.loss_reason) as reasons,
				       count(distinct o.competitor) filter (where s.outcome = 'LOST') as competitors
				from opportunities o join pipeline_stages s on s.id = o.stage_id where %s
				""".formatted(this.scope), java.sql.Date.valueOf(today(now)));
		long won = ((Number) mix.get("won")).longValue();
		long lost = ((Number) mix.get("lost")).longValue();
		assertThat(won + lost).as("closed deals").isPositive();
		assertThat((double) won / (won + lost)).as("win rate").isBetween(0.2, 0.4);
		assertThat(((Number) mix.get("open")).longValue()).as("open deals").isPositive();
		assertThat(((Number) mix.get("overdue")).longValue()).as("overdue deals").isPositive();
		assertThat(((Number) mix.get("late")).longValue()).as("deals entered late").isPositive();
		assertThat(((Number) mix.get("entered_won")).longValue()).as("deals entered already won").isPositive();
		assertThat(((Number) mix.get("reasons")).longValue()).as("different loss reasons").isGreaterThan(3);
		assertThat(((Number) mix.get("competitors")).longValue()).as("competitors deals were lost to").isGreaterThan(1);
		assertThat(count("""
				select count(*) from opportunity_history h join opportunities o on o.id = h.opportunity_id
				where %s and h.to_close_date > h.from_close_date and h.to_stage_id = h.from_stage_id
				""".formatted(this.scope))).as("close dates pushed").isPositive();
		assertThat(count("""
				select count(*) from opportunity_history h join opportunities o on o.id = h.opportunity_id
				where %s and h.to_amount <> h.from_amount
				""".formatted(this.scope))).as("amounts changed").isPositive();
		assertThat(count("""
				select count(*) from (select h.opportunity_id from opportunity_history h
				  join opportunities o on o.id = h.opportunity_id where %s
				  group by h.opportunity_id having count(*) >= 4) x
				""".formatted(this.scope))).as("deals with a path of several saves").isPositive();
		assertThat(count("""
				select count(distinct a.kind) from activities a join opportunities o on o.id = a.opportunity_id
				where %s
				""".formatted(this.scope))).as("kinds of activity").isEqualTo(4);
		assertThat(count("""
				select count(*) from activities a join opportunities o on o.id = a.opportunity_id
				where %s and a.kind = 'TASK' and a.status = 'OPEN'
				""".formatted(this.scope))).as("open tasks").isPositive();
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return count == null ? 0 : count;
	}

	private static java.time.LocalDate today(Instant now) {
		return java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
	}

}
