package dev.bellwether.sales;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomValues;
import dev.bellwether.platform.db.CopyRows;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Many new deals at once, for an import: each checked by the rules a deal a person
 * creates meets (its stage's terms, its account and contact, its owner, the custom fields
 * it needs), the valid ones written in one batch with their first stage-history row at
 * their real creation date, and one event for all of them. What this costs is a few
 * statements for a chunk of deals rather than a handful for each.
 */
@Service
public class DealImports {

	private final Opportunities opportunities;

	private final PipelineStages stages;

	private final CustomerLookups lookups;

	private final RecordOwners owners;

	private final InputValidation validation;

	private final CustomFields customFields;

	private final NamedParameterJdbcTemplate batch;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String currency;

	DealImports(Opportunities opportunities, PipelineStages stages, CustomerLookups lookups, RecordOwners owners,
			InputValidation validation, CustomFields customFields, NamedParameterJdbcTemplate batch,
			ApplicationEventPublisher events, Clock clock, @Value("${bellwether.sales.currency:USD}") String currency) {
		this.opportunities = opportunities;
		this.stages = stages;
		this.lookups = lookups;
		this.owners = owners;
		this.validation = validation;
		this.customFields = customFields;
		this.batch = batch;
		this.events = events;
		this.clock = clock;
		this.currency = currency;
	}

	/**
	 * The columns of {@link Opportunities#INSERT} and the parameter each takes, for
	 * writing the same rows with COPY.
	 */
	private static final String[][] DEAL_COLUMNS = { { "id", "id" }, { "name", "name" }, { "account_id", "accountId" },
			{ "primary_contact_id", "primaryContactId" }, { "owner_id", "ownerId" }, { "stage_id", "stageId" },
			{ "amount", "amount" }, { "currency", "currency" }, { "amount_from_line_items", "amountFromLineItems" },
			{ "close_date", "closeDate" }, { "probability", "probability" },
			{ "forecast_category", "forecastCategory" }, { "next_step", "nextStep" }, { "lead_source", "leadSource" },
			{ "loss_reason", "lossReason" }, { "loss_reason_detail", "lossReasonDetail" },
			{ "competitor", "competitor" }, { "description", "description" }, { "closed_at", "closedAt" },
			{ "first_stage_id", "stageId" }, { "first_forecast_category", "forecastCategory" },
			{ "last_touched_at", "touchedAt" }, { "last_touched_by", "actor" }, { "created_at", "createdAt" },
			{ "created_by", "actor" }, { "updated_at", "now" }, { "updated_by", "actor" }, { "version", "version" },
			{ "import_id", "importId" }, { "external_id", "externalId" } };

	/** The columns of {@link Opportunities#HISTORY_INSERT} and their parameters. */
	private static final String[][] HISTORY_COLUMNS = { { "id", "id" }, { "opportunity_id", "opportunityId" },
			{ "changed_at", "at" }, { "changed_by", "actor" }, { "from_stage_id", "fromStage" },
			{ "to_stage_id", "toStage" }, { "from_amount", "fromAmount" }, { "to_amount", "toAmount" },
			{ "from_close_date", "fromClose" }, { "to_close_date", "toClose" },
			{ "from_probability", "fromProbability" }, { "to_probability", "toProbability" },
			{ "from_forecast_category", "fromCategory" }, { "to_forecast_category", "toCategory" } };

	/**
	 * Writes the rows with one COPY (an INSERT's rows, a chunk at a time: the rows, their
	 * indexes and triggers are the same, what is saved is binding every value of every
	 * row as a statement parameter).
	 */
	private void copy(String table, String[][] columns, List<MapSqlParameterSource> rows) {
		StringBuilder names = new StringBuilder();
		for (String[] column : columns) {
			names.append(names.isEmpty() ? "" : ", ").append(column[0]);
		}
		CopyRows copy = new CopyRows(table, names.toString());
		for (MapSqlParameterSource row : rows) {
			for (String[] column : columns) {
				copy.value(row.hasValue(column[1]) ? row.getValue(column[1]) : null);
			}
			copy.endRow();
		}
		this.batch.getJdbcTemplate().execute((ConnectionCallback<Long>) connection -> {
			try {
				return copy.copyTo(connection.unwrap(PGConnection.class).getCopyAPI());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * A deal an import brings in, and where it comes from.
	 *
	 * @param custom custom field values by key, as a file writes them, or {@code null}
	 */
	public record ImportedDeal(OpportunityDetails details, Map<String, ?> custom, ImportOrigin origin) {
	}

	/**
	 * What became of one deal: created (its id), or refused (why, by field).
	 */
	public record Result(UUID id, Map<String, String> errors) {

		public boolean created() {
			return this.id != null;
		}

	}

	/**
	 * Brings the planner's statistics of the deal tables up to date: a bulk load outgrows
	 * what they say long before autovacuum's next look, and the planner, taking a table
	 * of many thousands of rows for one of a few, then scans it whole for every lookup
	 * (by old id, say). An import calls this as its rows pile up; where the database user
	 * may not analyze the tables, it is left to autovacuum.
	 */
	public void refreshStatistics() {
		dev.bellwether.platform.db.Statistics.refresh(this.batch.getJdbcTemplate(), "opportunities",
				"opportunity_history");
	}

	/**
	 * Creates the valid deals; refuses the others, saying why.
	 * @return one result per deal, in order
	 */
	@Transactional
	public List<Result> create(Viewer viewer, List<ImportedDeal> deals) {
		List<PipelineStage> all = this.stages.all();
		Map<UUID, PipelineStage> stageById = new HashMap<>();
		all.forEach(stage -> stageById.put(stage.id(), stage));
		Set<UUID> accounts = this.lookups
			.existingAccounts(deals.stream().map(deal -> deal.details().accountId()).toList());
		Map<UUID, UUID> contactAccounts = this.lookups
			.accountsOfContacts(deals.stream().map(deal -> deal.details().primaryContactId()).toList());
		// each owner looked up and checked once a chunk
		Map<UUID, String> refusals = new HashMap<>();
		Instant now = this.clock.instant();
		List<Result> results = new ArrayList<>(deals.size());
		List<MapSqlParameterSource> rows = new ArrayList<>();
		List<MapSqlParameterSource> history = new ArrayList<>();
		List<RecordChanged> created = new ArrayList<>();
		List<MapSqlParameterSource> custom = new ArrayList<>();
		for (ImportedDeal deal : deals) {
			Map<String, String> errors = new LinkedHashMap<>();
			OpportunityDetails details = this.opportunities.withListValues(null, deal.details(), errors,
					id -> Optional.ofNullable(stageById.get(id)));
			errors.putAll(this.validation.violations(details));
			if (details.amountFromLineItems()) {
				errors.remove("amount");
			}
			PipelineStage stage = details.stageId() == null ? null : stageById.get(details.stageId());
			if (details.stageId() != null && stage == null) {
				errors.putIfAbsent("stageId", "There is no stage with id " + details.stageId() + ".");
			}
			else if (stage != null && stage.retired()) {
				errors.putIfAbsent("stageId", stage.name() + " is retired; choose an active stage.");
				stage = null;
			}
			if (details.accountId() != null && !accounts.contains(details.accountId())) {
				errors.putIfAbsent("accountId", "There is no account with id " + details.accountId() + ".");
			}
			if (details.primaryContactId() != null) {
				UUID account = contactAccounts.get(details.primaryContactId());
				if (account == null || !account.equals(details.accountId())) {
					errors.putIfAbsent("primaryContactId", "The primary contact doesn't work at the deal's account.");
				}
			}
			if (details.ownerId() != null) {
				String refused = refusals.computeIfAbsent(details.ownerId(),
						id -> this.owners.refusal(viewer, OpportunityAccess.ACCESS, id, "deals").orElse(""));
				if (!refused.isEmpty()) {
					errors.putIfAbsent("ownerId", refused);
				}
			}
			DealTerms terms = stage == null ? null : DealTerms.of(stage, details.probability(),
					details.forecastCategory(), details.lossReason(), errors);
			CustomValues values = this.customFields.apply(Opportunities.RECORD_TYPE, CustomValues.NONE, deal.custom(),
					Opportunities.requiredAt(stage, all), errors);
			if (!errors.isEmpty()) {
				results.add(new Result(null, errors));
				continue;
			}
			UUID id = Ids.newId();
			ImportOrigin origin = deal.origin();
			Instant createdAt = origin.createdAt(now);
			Instant closedAt = this.opportunities.closedAt(stage, details, origin, now);
			BigDecimal amount = details.amountFromLineItems() ? BigDecimal.ZERO.setScale(2) : details.amount();
			rows.add(new MapSqlParameterSource(
					Opportunities.insertParameters(Opportunities.columns(details, terms, amount), id, this.currency,
							closedAt, now, createdAt, origin, viewer.id()))
				.addValue("version", 0));
			history.add(new MapSqlParameterSource().addValue("id", Ids.newId())
				.addValue("opportunityId", id)
				.addValue("at", utc(createdAt))
				.addValue("actor", viewer.id())
				.addValue("fromStage", null)
				.addValue("toStage", stage.id())
				.addValue("fromAmount", null)
				.addValue("toAmount", amount)
				.addValue("fromClose", null)
				.addValue("toClose", details.closeDate())
				.addValue("fromProbability", null)
				.addValue("toProbability", terms.probability())
				.addValue("fromCategory", null)
				.addValue("toCategory", terms.forecastCategory().name()));
			if (!values.equals(CustomValues.NONE)) {
				custom.add(new MapSqlParameterSource().addValue("id", id)
					.addValue("custom", values.json())
					.addValue("text", this.customFields.searchText(Opportunities.RECORD_TYPE, values)));
			}
			created.add(new RecordChanged(Opportunities.RECORD_TYPE, id, ChangeKind.CREATED, viewer.id(), now,
					List.of(), origin.importId()));
			results.add(new Result(id, Map.of()));
		}
		if (!rows.isEmpty()) {
			copy("opportunities", DEAL_COLUMNS, rows);
			copy("opportunity_history", HISTORY_COLUMNS, history);
			if (!custom.isEmpty()) {
				this.batch.batchUpdate(
						"update opportunities set custom = cast(:custom as jsonb), custom_text = :text where id = :id",
						custom.toArray(MapSqlParameterSource[]::new));
			}
			this.events.publishEvent(new RecordsChanged(created));
		}
		return results;
	}

}
