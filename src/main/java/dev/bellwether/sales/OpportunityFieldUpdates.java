package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import dev.bellwether.platform.edit.BulkOperation.Outcome;
import dev.bellwether.platform.edit.RecordEditing;
import dev.bellwether.platform.edit.RecordEditing.Written;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * One field of many deals set at once, for bulk changes: the fields whose change needs no
 * rule of the deal's stage (close date, owner, next step). The deals are read in one
 * statement, rights checked per deal as {@link OpportunityAccess} checks them, the
 * versioned update is one statement, the stage history of a new close date one, and the
 * changed deals are published together as one {@link RecordsChanged} of the
 * {@link RecordChanged} each {@link Opportunities#update} would have published (field
 * history, usage).
 */
@Component
class OpportunityFieldUpdates {

	private static final Map<String, String> COLUMNS = Map.of("closeDate", "close_date", "ownerId", "owner_id",
			"nextStep", "next_step");

	private final JdbcClient jdbc;

	private final OpportunityAccess access;

	private final UserDirectory users;

	private final RecordOwners owners;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OpportunityFieldUpdates(JdbcClient jdbc, OpportunityAccess access, UserDirectory users, RecordOwners owners,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.owners = owners;
		this.events = events;
		this.clock = clock;
	}

	static boolean handles(String field) {
		return COLUMNS.containsKey(field);
	}

	/**
	 * @param value the field's new value, parsed (a date, a user's id, text)
	 * @param versions the version each deal must still be at (others are skipped, naming
	 * who changed them), or {@code null}
	 * @return one result per deal, in the order given
	 * @throws InvalidInputException when the value is not one any deal may take
	 */
	@Transactional
	List<Written> setAll(Viewer viewer, List<UUID> ids, String field, Object value, List<Long> versions) {
		String column = COLUMNS.get(field);
		check(viewer, field, value);
		Map<UUID, Before> found = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, name, owner_id, stage_id, amount, close_date, probability, forecast_category, next_step,
				  version, updated_by, deleted_at from opportunities where id in (:ids)
				""").param("ids", ids).query((rs, n) -> {
			Before deal = new Before(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("owner_id", UUID.class), rs.getObject("stage_id", UUID.class),
					rs.getBigDecimal("amount"), rs.getObject("close_date", LocalDate.class), rs.getInt("probability"),
					rs.getString("forecast_category"), rs.getString("next_step"), rs.getLong("version"),
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
			else if (Objects.equals(deal.value(field), value)) {
				results[i] = new Written(id, Outcome.UNCHANGED, null, null, null);
			}
			else {
				toChange.add(i);
			}
		}
		if (toChange.isEmpty()) {
			return List.of(results);
		}
		Instant now = this.clock.instant();
		List<Before> changing = toChange.stream().map(i -> found.get(ids.get(i))).toList();
		// one statement for all the deals, each at the version read
		Set<UUID> updated = new HashSet<>(this.jdbc.sql("""
				update opportunities o set %s = :value, updated_at = :now, updated_by = :actor,
				  last_touched_at = case when :touches then :now else o.last_touched_at end,
				  last_touched_by = case when :touches then :actor else o.last_touched_by end, version = o.version + 1
				from unnest(cast(:ids as uuid[]), cast(:versions as bigint[])) as t(id, version)
				where o.id = t.id and o.version = t.version and o.deleted_at is null
				returning o.id
				""".formatted(column))
			.param("value", value)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("touches", this.users.touchesRecords(viewer.id()))
			.param("ids", SqlArrays.of(changing.stream().map(Before::id).toList()))
			.param("versions", SqlArrays.of(changing.stream().map(Before::version).toList()))
			.query(UUID.class)
			.list());
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
			if (field.equals("closeDate")) {
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
			// the stage history of a new close date, one statement for all the deals
			this.jdbc.sql("""
					insert into opportunity_history (id, opportunity_id, changed_at, changed_by, from_stage_id,
					  to_stage_id, from_amount, to_amount, from_close_date, to_close_date, from_probability,
					  to_probability, from_forecast_category, to_forecast_category)
					select t.history_id, o.id, :now, :actor, o.stage_id, o.stage_id, o.amount, o.amount, t.from_close,
					  o.close_date, o.probability, o.probability, o.forecast_category, o.forecast_category
					from unnest(cast(:historyIds as uuid[]), cast(:ids as uuid[]), cast(:fromCloses as date[]))
					  as t(history_id, id, from_close)
					join opportunities o on o.id = t.id
					""")
				.param("now", utc(now))
				.param("actor", viewer.id())
				.param("historyIds", SqlArrays.of(history.stream().map(deal -> Ids.newId()).toList()))
				.param("ids", SqlArrays.of(history.stream().map(Before::id).toList()))
				.param("fromCloses", SqlArrays.of(history.stream().map(Before::closeDate).toList()))
				.update();
		}
		return List.of(results);
	}

	private void check(Viewer viewer, String field, Object value) {
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
			case "nextStep" -> {
				if (value != null && value.toString().length() > 255) {
					throw new InvalidInputException("nextStep", "Keep the next step to 255 characters.");
				}
			}
			default -> throw new IllegalArgumentException(field);
		}
	}

	private record Before(UUID id, String name, UUID ownerId, UUID stageId, BigDecimal amount, LocalDate closeDate,
			int probability, String forecastCategory, String nextStep, long version, UUID updatedBy, boolean deleted) {

		Object value(String field) {
			return switch (field) {
				case "closeDate" -> this.closeDate;
				case "ownerId" -> this.ownerId;
				case "nextStep" -> this.nextStep;
				default -> throw new IllegalArgumentException(field);
			};
		}

	}

}
