package dev.bellwether.sales;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.VersionedUpdate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * The pipeline: its stages in order. Administrators and sales administrators add, rename,
 * re-weight, reorder and retire stages; a stage that deals or their history use can only
 * be retired, never deleted, and the pipeline always keeps an active open, won and lost
 * stage.
 */
@Service
@Transactional(readOnly = true)
public class PipelineStages {

	public static final String RECORD_TYPE = "pipeline stage";

	private static final String SELECT = "select * from pipeline_stages";

	private final JdbcClient jdbc;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PipelineStages(JdbcClient jdbc, InputValidation validation, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return every stage, retired ones included, in pipeline order
	 */
	public List<PipelineStage> all() {
		return this.jdbc.sql(SELECT + " order by position, lower(name)").query(PipelineStages::map).list();
	}

	/**
	 * @return the stages deals can be moved to, in pipeline order
	 */
	public List<PipelineStage> active() {
		return all().stream().filter(s -> !s.retired()).toList();
	}

	public Optional<PipelineStage> find(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " where id = :id").param("id", id).query(PipelineStages::map).optional();
	}

	public PipelineStage get(UUID id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * @return whether the viewer may change the pipeline
	 */
	public boolean canManage(Viewer viewer) {
		return viewer.is(Role.ADMIN) || viewer.is(Role.SALES_ADMIN);
	}

	/**
	 * @return how many deals (in the recycle bin or not) are in the stage or have been
	 */
	public long usage(UUID id) {
		return this.jdbc.sql("""
				select (select count(*) from opportunities where stage_id = :id or first_stage_id = :id)
				     + (select count(*) from opportunity_history where to_stage_id = :id or from_stage_id = :id)
				""").param("id", id).query(Long.class).single();
	}

	@Transactional
	public PipelineStage create(Viewer viewer, StageDetails details) {
		requireManager(viewer);
		validate(null, details);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		int position = this.jdbc.sql("select coalesce(max(position), 0) + 1 from pipeline_stages")
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				insert into pipeline_stages (id, name, position, probability, forecast_category, outcome,
				  stale_after_days, retired, created_at, created_by, updated_at, updated_by, version)
				values (:id, :name, :position, :probability, :category, :outcome, :staleAfterDays, false, :now,
				  :actor, :now, :actor, 0)
				""")
			.params(columns(details))
			.param("id", id)
			.param("position", position)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update();
		publish(id, ChangeKind.CREATED, viewer, now, diff(null, details));
		return get(id);
	}

	@Transactional
	public PipelineStage update(Viewer viewer, UUID id, long expectedVersion, StageDetails details) {
		requireManager(viewer);
		PipelineStage before = get(id);
		validate(id, details);
		if (details.outcome() != before.outcome() && usage(id) > 0) {
			throw new InvalidInputException("outcome", "Deals are or have been in " + before.name()
					+ ", so whether it is open, won or lost can't change. Add a new stage and retire this one instead.");
		}
		if (!before.retired()) {
			List<PipelineStage> after = new ArrayList<>(active());
			after.replaceAll(s -> s.id().equals(id) ? withOutcome(s, details.outcome()) : s);
			requireComplete(after, "outcome");
		}
		Instant now = this.clock.instant();
		new VersionedUpdate(RECORD_TYPE, id, expectedVersion).run(this.jdbc.sql("""
				update pipeline_stages set name = :name, probability = :probability, forecast_category = :category,
				  outcome = :outcome, stale_after_days = :staleAfterDays, updated_at = :now, updated_by = :actor,
				  version = version + 1
				where id = :id and version = :version
				""").params(columns(details)), viewer.id(), now);
		List<FieldChange> changes = diff(before.details(), details);
		if (!changes.isEmpty()) {
			publish(id, ChangeKind.UPDATED, viewer, now, changes);
		}
		return get(id);
	}

	/**
	 * Moves a stage one place earlier ({@code -1}) or later ({@code +1}) in the pipeline.
	 */
	@Transactional
	public void move(Viewer viewer, UUID id, int direction) {
		requireManager(viewer);
		List<PipelineStage> stages = new ArrayList<>(all());
		int index = indexOf(stages, id);
		int target = index + Integer.signum(direction);
		if (direction == 0 || target < 0 || target >= stages.size()) {
			return;
		}
		PipelineStage moved = stages.remove(index);
		stages.add(target, moved);
		Instant now = this.clock.instant();
		for (int i = 0; i < stages.size(); i++) {
			if (stages.get(i).position() != i + 1) {
				this.jdbc.sql("""
						update pipeline_stages set position = :position, updated_at = :now, updated_by = :actor,
						  version = version + 1 where id = :id
						""")
					.param("position", i + 1)
					.param("now", utc(now))
					.param("actor", viewer.id())
					.param("id", stages.get(i).id())
					.update();
			}
		}
		publish(id, ChangeKind.UPDATED, viewer, now,
				List.of(new FieldChange("position", String.valueOf(index + 1), String.valueOf(target + 1))));
	}

	/**
	 * Retires a stage (no longer offered for deals) or brings it back.
	 */
	@Transactional
	public PipelineStage setRetired(Viewer viewer, UUID id, boolean retired) {
		requireManager(viewer);
		PipelineStage stage = get(id);
		if (stage.retired() == retired) {
			return stage;
		}
		if (retired) {
			List<PipelineStage> after = active().stream().filter(s -> !s.id().equals(id)).toList();
			requireComplete(after, "retired");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update pipeline_stages set retired = :retired, updated_at = :now, updated_by = :actor,
				  version = version + 1 where id = :id
				""")
			.param("retired", retired)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("id", id)
			.update();
		publish(id, ChangeKind.UPDATED, viewer, now,
				List.of(new FieldChange("retired", String.valueOf(!retired), String.valueOf(retired))));
		return get(id);
	}

	/**
	 * Deletes a stage that no deal uses or ever used.
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		requireManager(viewer);
		PipelineStage stage = get(id);
		if (usage(id) > 0) {
			throw new InvalidInputException("stage", "Deals are or have been in " + stage.name()
					+ ", so it can't be deleted; retire it instead to stop offering it.");
		}
		if (!stage.retired()) {
			requireComplete(active().stream().filter(s -> !s.id().equals(id)).toList(), "stage");
		}
		this.jdbc.sql("delete from pipeline_stages where id = :id").param("id", id).update();
		this.jdbc.sql("""
				update pipeline_stages set position = position - 1 where position > :position
				""").param("position", stage.position()).update();
		publish(id, ChangeKind.PURGED, viewer, this.clock.instant(), List.of());
	}

	private void requireManager(Viewer viewer) {
		if (!canManage(viewer)) {
			throw new ForbiddenException("Only administrators and sales administrators can change the pipeline.");
		}
	}

	private void validate(UUID id, StageDetails details) {
		Map<String, String> errors = this.validation.violations(details);
		StageRules.check(details).forEach(errors::putIfAbsent);
		if (details.name() != null && !details.name().isBlank()) {
			long clash = this.jdbc
				.sql("select count(*) from pipeline_stages where lower(name) = lower(:name) and id <> :id")
				.param("name", details.name().trim())
				.param("id", id == null ? new UUID(0, 0) : id)
				.query(Long.class)
				.single();
			if (clash > 0) {
				errors.putIfAbsent("name", "There is already a stage called " + details.name().trim() + ".");
			}
		}
		InputValidation.throwIfAny(errors);
	}

	private static void requireComplete(List<PipelineStage> activeAfter, String field) {
		String missing = StageRules.missingOutcome(activeAfter);
		if (missing != null) {
			throw new InvalidInputException(field, missing);
		}
	}

	private static PipelineStage withOutcome(PipelineStage s, StageOutcome outcome) {
		return new PipelineStage(s.id(), s.name(), s.position(), s.probability(), s.forecastCategory(), outcome,
				s.staleAfterDays(), s.retired(), s.createdAt(), s.updatedAt(), s.version());
	}

	private static int indexOf(List<PipelineStage> stages, UUID id) {
		for (int i = 0; i < stages.size(); i++) {
			if (stages.get(i).id().equals(id)) {
				return i;
			}
		}
		throw new RecordNotFoundException(RECORD_TYPE, id);
	}

	private void publish(UUID id, ChangeKind kind, Viewer viewer, Instant at, List<FieldChange> changes) {
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, kind, viewer.id(), at, changes));
	}

	private static Map<String, Object> columns(StageDetails details) {
		Map<String, Object> columns = new java.util.LinkedHashMap<>();
		columns.put("name", details.name().trim());
		columns.put("probability", details.probability());
		columns.put("category", details.forecastCategory().name());
		columns.put("outcome", details.outcome().name());
		columns.put("staleAfterDays", details.staleAfterDays());
		return columns;
	}

	private static List<FieldChange> diff(StageDetails before, StageDetails after) {
		FieldChange.Diff diff = new FieldChange.Diff();
		diff.compare("name", before == null ? null : before.name(), after.name().trim())
			.compare("probability", before == null ? null : before.probability(), after.probability())
			.compare("forecastCategory", before == null ? null : before.forecastCategory(), after.forecastCategory())
			.compare("outcome", before == null ? null : before.outcome(), after.outcome())
			.compare("staleAfterDays", before == null ? null : before.staleAfterDays(), after.staleAfterDays());
		return diff.changes();
	}

	static PipelineStage map(ResultSet rs, int row) throws SQLException {
		return new PipelineStage(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"),
				rs.getInt("probability"), ForecastCategory.valueOf(rs.getString("forecast_category")),
				StageOutcome.valueOf(rs.getString("outcome")), (Integer) rs.getObject("stale_after_days"),
				rs.getBoolean("retired"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
	}

}
