package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;

/**
 * What the forecasting module shows beside a deal it lists (its name, stage and figures)
 * and the facts its flags are made of: how often the close date was pushed later and the
 * amount changed (from the stage history), whether the deal is stale by
 * {@link OpportunityFreshness}'s rule, its next step and when it was last touched.
 * Callers pass ids of deals the viewer may see (this does not check).
 */
@Service
@Transactional(readOnly = true)
public class DealFacts {

	private final JdbcClient jdbc;

	private final OpportunityFreshness freshness;

	DealFacts(JdbcClient jdbc, OpportunityFreshness freshness) {
		this.jdbc = jdbc;
		this.freshness = freshness;
	}

	/**
	 * @param closeDatePushes how many recorded changes moved the close date later
	 * @param amountChanges how many recorded changes changed the amount (its first entry
	 * not counted)
	 * @param stale open and untouched for longer than its stage allows
	 * @param lastTouchedAt the last update of the deal or activity logged on it
	 */
	public record Facts(UUID id, String name, UUID ownerId, String stageName, StageOutcome outcome, BigDecimal amount,
			LocalDate closeDate, String nextStep, Instant lastTouchedAt, boolean stale, int closeDatePushes,
			int amountChanges) {

	}

	/**
	 * The facts of the given deals that exist and are not in the recycle bin, by id.
	 */
	public Map<UUID, Facts> of(Collection<UUID> ids) {
		Map<UUID, Facts> facts = new HashMap<>();
		List<UUID> all = List.copyOf(ids);
		SqlFilter stale = this.freshness.stale("o", "s");
		for (int from = 0; from < all.size(); from += OpenDealStream.BATCH) {
			this.jdbc.sql("""
					select o.id, o.name, o.owner_id, s.name as stage_name, s.outcome, o.amount, o.close_date,
					       o.next_step, o.last_touched_at, %s as stale,
					       coalesce(h.pushes, 0) as pushes, coalesce(h.amount_changes, 0) as amount_changes
					from opportunities o
					join pipeline_stages s on s.id = o.stage_id
					left join (
					  select opportunity_id,
					         count(*) filter (where to_close_date > from_close_date) as pushes,
					         count(*) filter (where from_stage_id is not null
					                            and from_amount is distinct from to_amount) as amount_changes
					  from opportunity_history where opportunity_id in (:ids) group by opportunity_id
					) h on h.opportunity_id = o.id
					where o.id in (:ids) and o.deleted_at is null
					""".formatted(stale.sql()))
				.params(stale.parameters())
				.param("ids", all.subList(from, Math.min(all.size(), from + OpenDealStream.BATCH)))
				.query(rs -> {
					UUID id = rs.getObject("id", UUID.class);
					facts.put(id,
							new Facts(id, rs.getString("name"), rs.getObject("owner_id", UUID.class),
									rs.getString("stage_name"), StageOutcome.valueOf(rs.getString("outcome")),
									rs.getBigDecimal("amount"), rs.getObject("close_date", LocalDate.class),
									rs.getString("next_step"), instant(rs, "last_touched_at"), rs.getBoolean("stale"),
									rs.getInt("pushes"), rs.getInt("amount_changes")));
				});
		}
		return facts;
	}

	/**
	 * A deal as campaign attribution sees it: what it is worth, when it was opened and
	 * closed, how it ended, and the people it belongs to (by id).
	 *
	 * @param amount zero when the deal has none
	 * @param closedAt when it was closed won or lost; {@code null} while open
	 */
	public record AttributableDeal(UUID id, String name, BigDecimal amount, Instant createdAt, Instant closedAt,
			StageOutcome outcome, LocalDate closeDate, UUID accountId, UUID primaryContactId) {

		public boolean won() {
			return this.outcome == StageOutcome.WON;
		}

	}

	private static final String ATTRIBUTABLE = """
			select o.id, o.name, coalesce(o.amount, 0) as amount, o.created_at, o.closed_at, s.outcome, o.close_date,
			       o.account_id, o.primary_contact_id
			from opportunities o join pipeline_stages s on s.id = o.stage_id
			where o.deleted_at is null and
			""";

	/**
	 * Every deal (not in the recycle bin) created in the span, or won with its close date
	 * in it, in one query — whoever owns it (the caller decides who may see the result).
	 * @param from the first instant of the span
	 * @param to the instant just after it
	 * @param zone the company's time zone, in which close dates are days
	 */
	public List<AttributableDeal> createdOrWon(Instant from, Instant to, java.time.ZoneId zone) {
		LocalDate firstDay = LocalDate.ofInstant(from, zone);
		LocalDate lastDay = LocalDate.ofInstant(to.minusNanos(1), zone);
		return this.jdbc.sql(ATTRIBUTABLE + """
				((o.created_at >= :from and o.created_at < :to)
				 or (s.outcome = 'WON' and o.closed_at is not null and o.close_date between :firstDay and :lastDay))
				""")
			.param("from", dev.bellwether.platform.SqlValues.utc(from))
			.param("to", dev.bellwether.platform.SqlValues.utc(to))
			.param("firstDay", firstDay)
			.param("lastDay", lastDay)
			.query(DealFacts::attributable)
			.list();
	}

	/**
	 * The deal (not in the recycle bin), as attribution sees it; callers check access.
	 */
	public java.util.Optional<AttributableDeal> attributable(UUID id) {
		return this.jdbc.sql(ATTRIBUTABLE + " o.id = :id").param("id", id).query(DealFacts::attributable).optional();
	}

	private static AttributableDeal attributable(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AttributableDeal(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBigDecimal("amount"),
				instant(rs, "created_at"), instant(rs, "closed_at"), StageOutcome.valueOf(rs.getString("outcome")),
				rs.getObject("close_date", LocalDate.class), rs.getObject("account_id", UUID.class),
				rs.getObject("primary_contact_id", UUID.class));
	}

	/**
	 * How far a deal got, for the marketing funnel: when it was opened and won, and
	 * whether it ever left the stage it was created in (from the stage history).
	 *
	 * @param closedAt when it was closed won or lost; {@code null} while open
	 * @param advanced whether a recorded change ever moved it to another stage
	 */
	public record DealProgress(UUID id, Instant createdAt, Instant closedAt, StageOutcome outcome, boolean advanced) {

		public boolean won() {
			return this.outcome == StageOutcome.WON;
		}

		/** Open and still in the stage it was created in. */
		public boolean stuckInFirstStage() {
			return this.outcome == StageOutcome.OPEN && !this.advanced;
		}

	}

	/**
	 * The progress of the given deals that exist and are not in the recycle bin, by id,
	 * in batches of {@link OpenDealStream#BATCH}; callers decide who may see the result.
	 */
	public Map<UUID, DealProgress> progressOf(Collection<UUID> ids) {
		Map<UUID, DealProgress> progress = new HashMap<>();
		List<UUID> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += OpenDealStream.BATCH) {
			this.jdbc.sql("""
					select o.id, o.created_at, o.closed_at, s.outcome,
					       exists (select 1 from opportunity_history h where h.opportunity_id = o.id
					               and h.from_stage_id is not null and h.to_stage_id <> h.from_stage_id) as advanced
					from opportunities o join pipeline_stages s on s.id = o.stage_id
					where o.id in (:ids) and o.deleted_at is null
					""")
				.param("ids", all.subList(from, Math.min(all.size(), from + OpenDealStream.BATCH)))
				.query(rs -> {
					UUID id = rs.getObject("id", UUID.class);
					progress.put(id, new DealProgress(id, instant(rs, "created_at"), instant(rs, "closed_at"),
							StageOutcome.valueOf(rs.getString("outcome")), rs.getBoolean("advanced")));
				});
		}
		return progress;
	}

	/**
	 * @return today in the company's time zone (the day flags are judged on)
	 */
	public LocalDate today() {
		return this.freshness.today();
	}

}
