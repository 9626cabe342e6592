package dev.bellwether.sales;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import dev.bellwether.identity.SqlFilter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * When a deal is stale (open and untouched for longer than its stage's
 * {@code stale_after_days}, or {@code bellwether.sales.stale-after-days}, default 30) and
 * when it is overdue (open with its close date in the past, in the company's time zone),
 * as SQL for lists, the board and home pages.
 */
@Component
public class OpportunityFreshness {

	private final Clock clock;

	private final ZoneId zone;

	private final int staleAfterDays;

	OpportunityFreshness(Clock clock, @Value("${bellwether.time-zone:UTC}") ZoneId zone,
			@Value("${bellwether.sales.stale-after-days:30}") int staleAfterDays) {
		if (staleAfterDays < 1) {
			throw new IllegalArgumentException("bellwether.sales.stale-after-days must be at least 1");
		}
		this.clock = clock;
		this.zone = zone;
		this.staleAfterDays = staleAfterDays;
	}

	/**
	 * @return the days after which an open deal is stale, unless its stage says otherwise
	 */
	public int defaultStaleAfterDays() {
		return this.staleAfterDays;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/**
	 * @param opportunity the alias of the {@code opportunities} table
	 * @param stage the alias of the deal's {@code pipeline_stages} row (joined on
	 * {@code stage_id})
	 */
	public SqlFilter stale(String opportunity, String stage) {
		SqlFilter untouched = untouched(opportunity, stage);
		return new SqlFilter("(" + opportunity + ".closed_at is null and " + untouched.sql() + ")",
				untouched.parameters());
	}

	/**
	 * {@link #stale} for a query that reads open deals only: without the test on
	 * {@code closed_at}, an index of open deals answers it alone.
	 */
	public SqlFilter untouched(String opportunity, String stage) {
		return new SqlFilter(
				"(" + opportunity
						+ ".last_touched_at < cast(:freshnessNow as timestamptz) - make_interval(days => coalesce("
						+ stage + ".stale_after_days, :freshnessDays)))",
				Map.of("freshnessNow", utc(this.clock.instant()), "freshnessDays", this.staleAfterDays));
	}

	/**
	 * @param opportunity the alias of the {@code opportunities} table
	 */
	public SqlFilter overdue(String opportunity) {
		SqlFilter pastCloseDate = pastCloseDate(opportunity);
		return new SqlFilter("(" + opportunity + ".closed_at is null and " + pastCloseDate.sql() + ")",
				pastCloseDate.parameters());
	}

	/**
	 * {@link #overdue} for a query that reads open deals only (see {@link #untouched}).
	 */
	public SqlFilter pastCloseDate(String opportunity) {
		return new SqlFilter("(" + opportunity + ".close_date < cast(:freshnessToday as date))",
				Map.of("freshnessToday", today()));
	}

}
