package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomValues;
import dev.bellwether.platform.edit.BulkOperation.Outcome;
import dev.bellwether.platform.edit.RecordEditing;
import dev.bellwether.platform.edit.RecordEditing.Written;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * One field of many deals set at once, for bulk changes: close date, amount, owner, next
 * step and stage. The deals are read in one statement, rights checked per deal as
 * {@link OpportunityAccess} checks them, the versioned update is one statement, the stage
 * history of a new close date, amount or stage one, and the changed deals are published
 * together as one {@link RecordsChanged} of the {@link RecordChanged} each
 * {@link Opportunities#update} would have published (field history, usage).
 * <p>
 * A new stage follows the rules of {@link Opportunities#changeStage}: the stage's
 * probability and forecast category, a closed stage closes the deal today (its close date
 * too), a reopened deal is no longer closed, a lost stage needs a loss reason (kept only
 * on lost deals) — the one given with the bulk change, which every deal moved takes, or
 * else the deal's own — and a deal needs the custom fields its new stage requires. A deal
 * that breaks a rule is refused with the reason, the others are moved. A deal at the
 * stage already is left as it is, its loss reason too.
 */
@Component
class OpportunityFieldUpdates {

	/**
	 * Between a stage's id and the loss reason a deal had in it, in the value before a
	 * stage change (what its undo sets back): ids have no line breaks, pick-list labels
	 * neither.
	 */
	static final char REASON_SEPARATOR = '\n';

	private static final Map<String, String> COLUMNS = Map.of("closeDate", "close_date", "amount", "amount", "ownerId",
			"owner_id", "nextStep", "next_step", "stageId", "stage_id");

	private final JdbcClient jdbc;

	private final OpportunityAccess access;

	private final UserDirectory users;

	private final RecordOwners owners;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PipelineStages stages;

	private final CustomFields customFields;

	private final OpportunityFreshness freshness;

	private final PickLists pickLists;

	OpportunityFieldUpdates(JdbcClient jdbc, OpportunityAccess access, UserDirectory users, RecordOwners owners,
			ApplicationEventPublisher events, Clock clock, PipelineStages stages, CustomFields customFields,
			OpportunityFreshness freshness, PickLists pickLists) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.owners = owners;
		this.events = events;
		this.clock = clock;
		this.stages = stages;
		this.customFields = customFields;
		this.freshness = freshness;
		this.pickLists = pickLists;
	}

	static boolean handles(String field) {
		return COLUMNS.containsKey(field);
	}

	/**
	 * @param value the field's new value, parsed (a date, a user's id, text)
	 * @param versions the version each deal must still be at (others are skipped, naming
	 * who changed them), or {@code null}
	 * @param reason for a lost stage: the loss reason every deal moved takes (a value of
	 * the loss-reason pick list; when undoing, the deals' own before, kept as it was), or
	 * {@code null} for the deals' own
	 * @return one result per deal, in the order given
	 * @throws InvalidInputException when the value or the reason is not one any deal may
	 * take
	 */
	@Transactional
	List<Written> setAll(Viewer viewer, List<UUID> ids, String field, Object value, String reason,
			List<Long> versions) {
		String column = COLUMNS.get(field);
		PipelineStage stage = check(viewer, field, value);
		String lossReason = null;
		if (reason != null) {
			if (stage == null || stage.outcome() != StageOutcome.LOST) {
				throw new InvalidInputException("reason", "A loss reason goes only with a lost stage"
						+ (stage == null ? "." : "; " + stage.name() + " is not one."));
			}
			// an undo sets back the reason the deals had, even one retired since
			lossReason = this.pickLists.resolve("loss-reason", "reason", reason, versions == null ? null : reason);
		}
		Map<UUID, Before> found = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, name, owner_id, stage_id, amount, amount_from_line_items, close_date, probability,
				  forecast_category, next_step, loss_reason, custom, version, updated_by, deleted_at
				from opportunities where id in (:ids)
				""").param("ids", ids).query((rs, n) -> {
			Before deal = new Before(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("owner_id", UUID.class), rs.getObject("stage_id", UUID.class),
					rs.getBigDecimal("amount"), rs.getBoolean("amount_from_line_items"),
					rs.getObject("close_date", LocalDate.class), rs.getInt("probability"),
					rs.getString("forecast_category"), rs.getString("next_step"), rs.getString("loss_reason"),
					CustomValues.fromJson(rs.getString("custom")), rs.getLong("version"),
					rs.getObject("updated_by", UUID.class), rs.getObject("deleted_at") != null);
			return found.put(deal.id(), deal);
		}).list();
		Written[] results = new Written[ids.size()];
		List<Integer> toChange = new ArrayList<>();
		// the rights depend on the owner only, and a bulk change's deals have few owners
		Map<UUID, Boolean> readable = new HashMap<>();
		Map<UUID, Boolean> editable = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			UUID id = ids.get(i);
			Before deal = found.get(id);
			if (deal == null || deal.deleted()
					|| !readable.computeIfAbsent(deal.ownerId(), owner -> this.access.canRead(viewer, owner))) {
				results[i] = Written.refused(id, RecordEditing.NOT_FOUND);
			}
			else if (!editable.computeIfAbsent(deal.ownerId(), owner -> this.access.canEdit(viewer, owner))) {
				results[i] = Written.refused(id, "You can't change " + deal.name()
						+ ": only its owner, the owner's managers, sales administrators and administrators can.");
			}
			else if (versions != null && versions.get(i) != deal.version()) {
				results[i] = new Written(id, Outcome.SKIPPED, "Changed since by "
						+ this.users.namesOf(List.of(deal.updatedBy())).getOrDefault(deal.updatedBy(), "someone")
						+ "; left as it is.", null, null);
			}
			else if (field.equals("amount") ? StageChange.sameAmount(deal.amount(), (BigDecimal) value)
					: Objects.equals(deal.value(field), value)) {
				results[i] = new Written(id, Outcome.UNCHANGED, null, null, null);
			}
			else if (field.equals("amount") && deal.amountFromLineItems()) {
				results[i] = Written.refused(id, "Not changed: the amount of " + deal.name()
						+ " is the sum of its line items; change them on the deal.");
			}
			else {
				String refusal = stage == null ? null : refusedAt(stage, deal, lossReason);
				if (refusal != null) {
					results[i] = Written.refused(id, refusal);
				}
				else {
					toChange.add(i);
				}
			}
		}
		if (toChange.isEmpty()) {
			return List.of(results);
		}
		Instant now = this.clock.instant();
		List<Before> changing = toChange.stream().map(i -> found.get(ids.get(i))).toList();
		if (stage != null) {
			return moveAll(viewer, stage, lossReason, ids, found, toChange, results, now);
		}
		// one statement for all the deals, each at the version read
		Set<UUID> updated = updateAll(viewer, now, changing, column + " = :value",
				Collections.singletonMap("value", value));
		List<Before> history = new ArrayList<>();
		List<RecordChanged> changes = new ArrayList<>();
		for (int i : toChange) {
			Before deal = found.get(ids.get(i));
			if (!updated.contains(deal.id())) {
				results[i] = Written.refused(deal.id(),
						new StaleRecordException(Opportunities.RECORD_TYPE, deal.id(), deal.version()).getMessage());
				continue;
			}
			results[i] = new Written(deal.id(), Outcome.APPLIED, null, deal.value(field), deal.version() + 1);
			if (field.equals("closeDate") || field.equals("amount")) {
				history.add(deal);
			}
			changes.add(new RecordChanged(Opportunities.RECORD_TYPE, deal.id(), ChangeKind.UPDATED, viewer.id(), now,
					new FieldChange.Diff().compare(field, deal.value(field), value).changes()));
		}
		if (!changes.isEmpty()) {
			// one publication for the chunk: field history and usage take each change
			this.events.publishEvent(new RecordsChanged(changes));
		}
		if (!history.isEmpty()) {
			// the stage history of a new close date or amount, one statement for all the
			// deals
			this.jdbc.sql("""
					insert into opportunity_history (id, opportunity_id, changed_at, changed_by, from_stage_id,
					  to_stage_id, from_amount, to_amount, from_close_date, to_close_date, from_probability,
					  to_probability, from_forecast_category, to_forecast_category)
					select t.history_id, o.id, :now, :actor, o.stage_id, o.stage_id, t.from_amount, o.amount,
					  t.from_close, o.close_date, o.probability, o.probability, o.forecast_category, o.forecast_category
					from unnest(cast(:historyIds as uuid[]), cast(:ids as uuid[]), cast(:fromCloses as date[]),
					  cast(:fromAmounts as numeric[])) as t(history_id, id, from_close, from_amount)
					join opportunities o on o.id = t.id
					""")
				.param("now", utc(now))
				.param("actor", viewer.id())
				.param("historyIds", SqlArrays.of(history.stream().map(deal -> Ids.newId()).toList()))
				.param("ids", SqlArrays.of(history.stream().map(Before::id).toList()))
				.param("fromCloses", SqlArrays.of(history.stream().map(Before::closeDate).toList()))
				.param("fromAmounts", SqlArrays.of(history.stream().map(Before::amount).toList()))
				.update();
		}
		return List.of(results);
	}

	/**
	 * Why the deal may not enter the stage, or null: a lost stage needs a loss reason
	 * (the one given, or the deal's own), and the stage may require custom fields the
	 * deal has no value of.
	 */
	private String refusedAt(PipelineStage stage, Before deal, String lossReason) {
		Map<String, String> errors = new LinkedHashMap<>();
		DealTerms.of(stage, null, null, lossReason != null ? lossReason : deal.lossReason(), errors);
		this.customFields.apply(Opportunities.RECORD_TYPE, deal.custom(), null,
				Opportunities.requiredAt(stage, this.stages.all()), errors);
		if (errors.isEmpty()) {
			return null;
		}
		return "Not moved to " + stage.name() + ": " + String.join(" ", errors.values())
				+ (errors.containsKey("lossReason")
						? " Choose a loss reason with the bulk change, or open the deal to complete it."
						: " Open the deal to complete it.");
	}

	/**
	 * Moves the deals to the stage: one versioned update, one insert of their stage
	 * history, one publication of their field changes, and the stage change of each.
	 */
	private List<Written> moveAll(Viewer viewer, PipelineStage stage, String lossReason, List<UUID> ids,
			Map<UUID, Before> found, List<Integer> toChange, Written[] results, Instant now) {
		// the stage's probability and category (a lost deal takes the reason given, or
		// keeps its own: checked by refusedAt)
		DealTerms terms = DealTerms.of(stage, null, null, "kept", new LinkedHashMap<>());
		boolean closed = stage.outcome().isClosed();
		LocalDate today = this.freshness.today();
		List<Before> changing = toChange.stream().map(i -> found.get(ids.get(i))).toList();
		Map<String, Object> values = new HashMap<>();
		values.put("stage", stage.id());
		values.put("probability", terms.probability());
		values.put("category", terms.forecastCategory().name());
		boolean lost = stage.outcome() == StageOutcome.LOST;
		values.put("lost", lost);
		values.put("reason", lossReason);
		values.put("closed", closed);
		values.put("today", today);
		Set<UUID> updated = updateAll(viewer, now, changing,
				"""
						stage_id = :stage, probability = :probability, forecast_category = :category,
						  loss_reason = case when :lost then coalesce(cast(:reason as text), o.loss_reason) else null end,
						  loss_reason_detail = case when :lost and cast(:reason as text) is null then o.loss_reason_detail else null end,
						  closed_at = case when :closed then :now else null end,
						  close_date = case when :closed then :today else o.close_date end""",
				values);
		Map<UUID, String> stageNames = new HashMap<>();
		this.stages.all().forEach(s -> stageNames.put(s.id(), s.name()));
		List<Before> moved = new ArrayList<>();
		List<RecordChanged> changes = new ArrayList<>();
		for (int i : toChange) {
			Before deal = found.get(ids.get(i));
			if (!updated.contains(deal.id())) {
				results[i] = Written.refused(deal.id(),
						new StaleRecordException(Opportunities.RECORD_TYPE, deal.id(), deal.version()).getMessage());
				continue;
			}
			results[i] = new Written(deal.id(), Outcome.APPLIED, null, deal.stageId(), deal.version() + 1,
					stageBefore(deal));
			moved.add(deal);
			changes.add(new RecordChanged(Opportunities.RECORD_TYPE, deal.id(), ChangeKind.UPDATED, viewer.id(), now,
					new FieldChange.Diff().compare("stage", stageNames.get(deal.stageId()), stage.name())
						.compare("closeDate", deal.closeDate(), closed ? today : deal.closeDate())
						.compare("probability", deal.probability(), terms.probability())
						.compare("forecastCategory", ForecastCategory.valueOf(deal.forecastCategory()),
								terms.forecastCategory())
						.compare("lossReason", deal.lossReason(),
								lost ? (lossReason != null ? lossReason : deal.lossReason()) : null)
						.changes()));
		}
		if (moved.isEmpty()) {
			return List.of(results);
		}
		this.events.publishEvent(new RecordsChanged(changes));
		// the stage history of each deal, one statement for all of them
		this.jdbc.sql("""
				insert into opportunity_history (id, opportunity_id, changed_at, changed_by, from_stage_id,
				  to_stage_id, from_amount, to_amount, from_close_date, to_close_date, from_probability,
				  to_probability, from_forecast_category, to_forecast_category)
				select t.history_id, o.id, :now, :actor, t.from_stage, o.stage_id, o.amount, o.amount, t.from_close,
				  o.close_date, t.from_probability, o.probability, t.from_category, o.forecast_category
				from unnest(cast(:historyIds as uuid[]), cast(:ids as uuid[]), cast(:fromStages as uuid[]),
				  cast(:fromCloses as date[]), cast(:fromProbabilities as int[]), cast(:fromCategories as text[]))
				  as t(history_id, id, from_stage, from_close, from_probability, from_category)
				join opportunities o on o.id = t.id
				""")
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("historyIds", SqlArrays.of(moved.stream().map(deal -> Ids.newId()).toList()))
			.param("ids", SqlArrays.of(moved.stream().map(Before::id).toList()))
			.param("fromStages", SqlArrays.of(moved.stream().map(Before::stageId).toList()))
			.param("fromCloses", SqlArrays.of(moved.stream().map(Before::closeDate).toList()))
			.param("fromProbabilities", SqlArrays.of(moved.stream().map(Before::probability).toList()))
			.param("fromCategories", SqlArrays.of(moved.stream().map(Before::forecastCategory).toList()))
			.update();
		for (Before deal : moved) {
			this.events.publishEvent(new OpportunityStageChanged(deal.id(), deal.ownerId(), deal.stageId(), stage.id(),
					stage.outcome(), viewer.id(), now));
		}
		return List.of(results);
	}

	/**
	 * The stage a deal was at as its undo sets it back: with the loss reason, when it was
	 * lost with one; {@code null} for the stage's id alone.
	 */
	private String stageBefore(Before deal) {
		boolean wasLost = this.stages.find(deal.stageId()).map(s -> s.outcome() == StageOutcome.LOST).orElse(false);
		return wasLost && deal.lossReason() != null ? deal.stageId().toString() + REASON_SEPARATOR + deal.lossReason()
				: null;
	}

	/**
	 * One versioned update of the deals, each at the version read: the columns set as
	 * given, and who changed them and when.
	 * @return the deals updated (the others had changed since)
	 */
	private Set<UUID> updateAll(Viewer viewer, Instant now, List<Before> deals, String assignments,
			Map<String, ?> values) {
		return new HashSet<>(this.jdbc.sql("""
				update opportunities o set %s, updated_at = :now, updated_by = :actor,
				  last_touched_at = case when :touches then :now else o.last_touched_at end,
				  last_touched_by = case when :touches then :actor else o.last_touched_by end, version = o.version + 1
				from unnest(cast(:ids as uuid[]), cast(:versions as bigint[])) as t(id, version)
				where o.id = t.id and o.version = t.version and o.deleted_at is null
				returning o.id
				""".formatted(assignments))
			.params(values)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("touches", this.users.touchesRecords(viewer.id()))
			.param("ids", SqlArrays.of(deals.stream().map(Before::id).toList()))
			.param("versions", SqlArrays.of(deals.stream().map(Before::version).toList()))
			.query(UUID.class)
			.list());
	}

	/** The stage the deals move to, when the field is the stage (null otherwise). */
	private PipelineStage check(Viewer viewer, String field, Object value) {
		if (field.equals("stageId")) {
			PipelineStage stage = value == null ? null : this.stages.find((UUID) value).orElse(null);
			if (stage == null) {
				throw new InvalidInputException("stageId", value == null ? "Choose the stage to move the deals to."
						: "There is no stage with id " + value + ".");
			}
			if (stage.retired()) {
				throw new InvalidInputException("stageId", stage.name() + " is retired; choose an active stage.");
			}
			return stage;
		}
		switch (field) {
			case "closeDate" -> {
				if (value == null) {
					throw new InvalidInputException("closeDate", "Enter the expected close date.");
				}
			}
			case "ownerId" -> {
				Optional<User> owner = value == null ? Optional.empty() : this.users.find((UUID) value);
				if (owner.isEmpty()) {
					throw new InvalidInputException("ownerId", "Choose an owner.");
				}
				if (!owner.get().active()) {
					throw new InvalidInputException("ownerId",
							owner.get().fullName() + " is deactivated and can't own deals.");
				}
				this.owners.requireAssignable(viewer, OpportunityAccess.ACCESS, owner.get().id(), null);
			}
			case "amount" -> {
				if (value != null && ((BigDecimal) value).signum() < 0) {
					throw new InvalidInputException("amount", "The amount can't be negative.");
				}
				if (value != null && (((BigDecimal) value).scale() > 2
						|| ((BigDecimal) value).precision() - ((BigDecimal) value).scale() > 17)) {
					throw new InvalidInputException("amount", "The amount can have at most 17 digits and 2 decimals.");
				}
			}
			case "nextStep" -> {
				if (value != null && value.toString().length() > 255) {
					throw new InvalidInputException("nextStep", "Keep the next step to 255 characters.");
				}
			}
			default -> throw new IllegalArgumentException(field);
		}
		return null;
	}

	private record Before(UUID id, String name, UUID ownerId, UUID stageId, BigDecimal amount,
			boolean amountFromLineItems, LocalDate closeDate, int probability, String forecastCategory, String nextStep,
			String lossReason, CustomValues custom, long version, UUID updatedBy, boolean deleted) {

		Object value(String field) {
			return switch (field) {
				case "stageId" -> this.stageId;
				case "closeDate" -> this.closeDate;
				case "amount" -> this.amount;
				case "ownerId" -> this.ownerId;
				case "nextStep" -> this.nextStep;
				default -> throw new IllegalArgumentException(field);
			};
		}

	}

}
