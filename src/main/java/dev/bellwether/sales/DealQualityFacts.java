package dev.bellwether.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.bellwether.identity.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;

/**
 * Which fields the open deals have filled, and whether each is stale or overdue, for the
 * data-quality module's completeness scores and broken-record checks: one set-based read
 * of the open deals not in the recycle bin, each deal's filled fields as bits of a mask
 * (in the order of {@link #FIELDS}). Stale and overdue are {@link OpportunityFreshness}'
 * rules, the same the lists, the board, the home pages and {@link PipelineHygiene} use.
 */
@Service
@Transactional(readOnly = true)
public class DealQualityFacts {

	/** The deal fields completeness rules may count, in mask order. */
	public static final List<String> FIELDS = List.of("amount", "nextStep", "contact", "leadSource", "description",
			"competitor");

	private static final String FILLED = """
			(case when o.amount is not null and o.amount > 0 then 1 else 0 end)
			| (case when nullif(btrim(o.next_step), '') is not null then 2 else 0 end)
			| (case when o.primary_contact_id is not null then 4 else 0 end)
			| (case when nullif(btrim(o.lead_source), '') is not null then 8 else 0 end)
			| (case when nullif(btrim(o.description), '') is not null then 16 else 0 end)
			| (case when nullif(btrim(o.competitor), '') is not null then 32 else 0 end)
			""";

	private final JdbcClient jdbc;

	private final OpportunityFreshness freshness;

	DealQualityFacts(JdbcClient jdbc, OpportunityFreshness freshness) {
		this.jdbc = jdbc;
		this.freshness = freshness;
	}

	/**
	 * Each open deal not in the recycle bin, with its filled fields, stage and freshness.
	 * @param ownerIds whose deals, or {@code null} for everyone's
	 */
	public void openDeals(Collection<UUID> ownerIds, Consumer<OpenDealFields> each) {
		if (ownerIds != null && ownerIds.isEmpty()) {
			return;
		}
		SqlFilter untouched = this.freshness.untouched("o", "s");
		SqlFilter pastCloseDate = this.freshness.pastCloseDate("o");
		Map<String, Object> params = new HashMap<>();
		params.putAll(untouched.parameters());
		params.putAll(pastCloseDate.parameters());
		String owners = "true";
		if (ownerIds != null) {
			// one array parameter, unnested so that PostgreSQL hashes it (see
			// PipelineHygiene)
			params.put("qualityOwners",
					ownerIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
			owners = "o.owner_id in (select unnest(cast(:qualityOwners as uuid[])))";
		}
		this.jdbc
			.sql("""
					select o.id, o.name, o.owner_id, o.version, o.stage_id, s.name as stage_name, o.close_date, o.last_touched_at,
					  coalesce(s.stale_after_days, :freshnessDays) as stale_after_days,
					  %s as filled, %s as stale, %s as overdue
					from opportunities o join pipeline_stages s on s.id = o.stage_id
					where o.deleted_at is null and o.closed_at is null and %s
					"""
				.formatted(FILLED, untouched.sql(), pastCloseDate.sql(), owners))
			.params(params)
			.query(rs -> {
				each.accept(new OpenDealFields(rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getObject("owner_id", UUID.class), rs.getLong("version"),
						rs.getObject("stage_id", UUID.class), rs.getString("stage_name"),
						rs.getObject("close_date", LocalDate.class), instant(rs, "last_touched_at"),
						rs.getInt("stale_after_days"), rs.getInt("filled"), rs.getBoolean("stale"),
						rs.getBoolean("overdue")));
			});
	}

	/**
	 * @return today in the company's time zone (the day "overdue" is judged on)
	 */
	public LocalDate today() {
		return this.freshness.today();
	}

	/**
	 * An open deal's filled fields and freshness.
	 *
	 * @param filled bit {@code i} set when field {@code i} of {@link #FIELDS} is filled
	 * (an amount above zero, text not blank, a primary contact)
	 * @param staleAfterDays the days untouched after which it is stale (its stage's, or
	 * the company's default)
	 * @param stale open and untouched (updated, or an activity logged on it) for longer
	 * than {@code staleAfterDays}
	 * @param overdue open with its close date before today
	 * @param version the deal's version, for changing it in place
	 */
	public record OpenDealFields(UUID id, String name, UUID ownerId, long version, UUID stageId, String stageName,
			LocalDate closeDate, Instant lastTouchedAt, int staleAfterDays, int filled, boolean stale,
			boolean overdue) {

		public boolean has(String field) {
			int index = FIELDS.indexOf(field);
			return index >= 0 && (this.filled & (1 << index)) != 0;
		}

	}

}
