package dev.bellwether.platform.edit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.edit.BulkOperation.Item;
import dev.bellwether.platform.edit.BulkOperation.Outcome;
import dev.bellwether.platform.edit.BulkOperation.Status;
import dev.bellwether.platform.listview.ShownFilters;
import dev.bellwether.platform.usage.UsageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Bulk actions over many records of one type, as one operation that can be undone. Each
 * record goes through its module's {@link EditableRecords} (its rights, rules and
 * history) in a transaction of its own: a record refused is listed with the reason and
 * the others are changed. Each record's value before the change is kept, so undoing
 * reverts every record still at the version the operation left it at and lists the ones
 * changed since. Selections larger than {@code bellwether.bulk.background-threshold} run
 * in the background, one at a time per node, their progress kept in the operation.
 */
@Service
public class BulkChanges {

	/** How many refused or skipped records an operation lists. */
	public static final int LISTED = 200;

	private static final Logger log = LoggerFactory.getLogger(BulkChanges.class);

	private static final int CHUNK = 500;

	/**
	 * How long an operation may go without progress before a restart counts it stopped.
	 */
	private static final Duration STALLED = Duration.ofMinutes(15);

	private final InlineEdit registry;

	private final ObjectProvider<WorkLog> work;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int backgroundThreshold;

	private final int maxRecords;

	private final ThreadPoolExecutor background;

	private final ObjectProvider<ShownFilters> shownFilters;

	BulkChanges(InlineEdit registry, ObjectProvider<WorkLog> work, ObjectProvider<ShownFilters> shownFilters,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${bellwether.bulk.background-threshold:200}") int backgroundThreshold,
			@Value("${bellwether.bulk.max-records:10000}") int maxRecords,
			@Value("${bellwether.bulk.queue-capacity:20}") int queueCapacity) {
		this.registry = registry;
		this.work = work;
		this.shownFilters = shownFilters;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.backgroundThreshold = backgroundThreshold;
		this.maxRecords = maxRecords;
		// one operation at a time, the rest waiting in a bounded queue: a bulk change
		// must not take the connections pages need
		this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
				new CustomizableThreadFactory("bulk-"));
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	/**
	 * Operations a stopped node was running stay unfinished: once nothing has moved them
	 * on for a while, they are marked as stopped, so that their starters can see how far
	 * they got and undo that part.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void markInterrupted() {
		this.jdbc.sql("""
				update bulk_operations set status = 'FAILED', version = version + 1,
				  failure = 'Interrupted by a restart; the records processed before it keep their change.'
				where status in ('QUEUED', 'RUNNING', 'UNDOING') and updated_at < :before
				""").param("before", utc(this.clock.instant().minus(STALLED))).update();
	}

	public int backgroundThreshold() {
		return this.backgroundThreshold;
	}

	public int maxRecords() {
		return this.maxRecords;
	}

	/**
	 * Starts a bulk action: at once for a small selection (the operation answered is
	 * done), in the background for a large one (the operation answered is queued).
	 * @throws InvalidInputException when the action is incomplete or selects nothing
	 */
	public BulkOperation start(UUID actorId, BulkRequest request) {
		EditableRecords type = this.registry.recordType(request.recordType());
		if (request.action() == null) {
			throw new InvalidInputException("action", "Choose what to do with the records.");
		}
		String fieldLabel = null;
		String subject = null;
		if (request.reason() != null && request.action() != BulkAction.CHANGE) {
			throw new InvalidInputException("reason", "Only a change of a field takes a reason; leave it out.");
		}
		switch (request.action()) {
			case CHANGE -> {
				if (!StringUtils.hasText(request.field())) {
					throw new InvalidInputException("field", "Choose the field to change.");
				}
				EditableField field = type.fields()
					.stream()
					.filter(f -> f.name().equals(request.field()))
					.findFirst()
					.orElseThrow(() -> new InvalidInputException("field", "'" + request.field() + "' is not a field of "
							+ type.recordType() + " that can be changed in bulk."));
				fieldLabel = field.label();
				checkReason(field, request.value(), request.reason());
				// a change keeps its reason where a note or task keeps its subject
				subject = request.reason();
			}
			case LOG_ACTIVITY, CREATE_TASK -> {
				subject = request.subject() == null ? "" : request.subject().trim();
				if (subject.isEmpty()) {
					throw new InvalidInputException("subject", request.action() == BulkAction.CREATE_TASK
							? "Enter the task's subject." : "Enter the note to log.");
				}
				if (subject.length() > 255) {
					throw new InvalidInputException("subject", "Keep the subject to 255 characters.");
				}
			}
			case RECYCLE -> {
			}
		}
		List<UUID> ids = select(actorId, type, request);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into bulk_operations (id, record_type, action, field, value, subject, due_date, status, total,
				  created_at, created_by, updated_at, updated_by)
				values (:id, :recordType, :action, :field, :value, :subject, :dueDate, 'QUEUED', :total, :now, :actor,
				  :now, :actor)
				""")
			.param("id", id)
			.param("recordType", type.recordType())
			.param("action", request.action().name())
			.param("field", request.action() == BulkAction.CHANGE ? request.field() : null)
			.param("value", request.action() == BulkAction.CHANGE ? request.value() : null)
			.param("subject", subject)
			.param("dueDate", request.action() == BulkAction.CREATE_TASK ? request.dueDate() : null)
			.param("total", ids.size())
			.param("now", utc(now))
			.param("actor", actorId)
			.update();
		this.jdbc.sql("""
				insert into bulk_operation_items (operation_id, position, record_id, outcome)
				select :operation, t.position - 1, t.id, 'PENDING'
				from unnest(cast(:ids as uuid[])) with ordinality as t(id, position)
				""").param("operation", id).param("ids", SqlArrays.of(ids)).update();
		log.debug("Bulk {} of {} {} records by {} ({})", request.action(), ids.size(), type.recordType(), actorId,
				fieldLabel);
		if (ids.size() > this.backgroundThreshold) {
			BulkOperation queued = get(actorId, id);
			submit(id, () -> run(id), "The bulk change");
			return queued;
		}
		run(id);
		return get(actorId, id);
	}

	/**
	 * Reverts an operation: each changed record still at the version it left it at gets
	 * its value back (a record moved to the recycle bin is restored, a note or task it
	 * created is moved there); the records changed since are listed, not reverted.
	 */
	public BulkOperation undo(UUID actorId, UUID id) {
		BulkOperation operation = get(actorId, id);
		if (!operation.canUndo()) {
			throw new InvalidInputException("id",
					operation.status() == Status.UNDONE ? "This bulk change has been undone already."
							: operation.isRunning() ? "This bulk change is still running; undo it once it is done."
									: "This bulk change changed nothing that could be undone.");
		}
		int updated = this.jdbc.sql("""
				update bulk_operations set status = 'UNDOING', processed = 0, updated_at = :now, updated_by = :actor,
				  version = version + 1
				where id = :id and status in ('DONE', 'FAILED')
				""").param("id", id).param("now", utc(this.clock.instant())).param("actor", actorId).update();
		if (updated == 0) {
			throw new StaleRecordException("bulk change", id, -1);
		}
		if (operation.applied() > this.backgroundThreshold) {
			submit(id, () -> runUndo(id, actorId), "Undoing the bulk change");
			return get(actorId, id);
		}
		runUndo(id, actorId);
		return get(actorId, id);
	}

	/**
	 * @throws RecordNotFoundException unless the user started the operation
	 */
	public BulkOperation get(UUID actorId, UUID id) {
		Row row = this.jdbc.sql("select * from bulk_operations where id = :id and created_by = :actor")
			.param("id", id)
			.param("actor", actorId)
			.query(BulkChanges::row)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("bulk change", id));
		EditableRecords type = this.registry.recordType(row.recordType());
		List<Item> problems = this.jdbc.sql("""
				select record_id, outcome, reason, before_display from bulk_operation_items
				where operation_id = :id and outcome in ('REFUSED', 'SKIPPED') order by position limit :limit
				""")
			.param("id", id)
			.param("limit", LISTED)
			.query((rs, n) -> new Item(rs.getObject("record_id", UUID.class), null,
					Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"), rs.getString("before_display")))
			.list();
		if (!problems.isEmpty()) {
			Map<UUID, String> names = type.namesOf(actorId, problems.stream().map(Item::recordId).toList());
			problems = problems.stream()
				.map(item -> new Item(item.recordId(), names.get(item.recordId()), item.outcome(), item.reason(),
						item.beforeDisplay()))
				.toList();
		}
		String fieldLabel = null;
		String valueDisplay = row.value();
		String reasonLabel = null;
		if (row.field() != null) {
			EditableField field = type.fields()
				.stream()
				.filter(f -> f.name().equals(row.field()))
				.findFirst()
				.orElse(null);
			if (field != null) {
				fieldLabel = field.label();
				valueDisplay = field.options()
					.stream()
					.filter(o -> o.value().equals(row.value()))
					.map(EditableField.Option::label)
					.findFirst()
					.orElse(row.value());
				reasonLabel = field.reason() == null ? null : field.reason().label();
			}
		}
		boolean change = row.action() == BulkAction.CHANGE;
		return new BulkOperation(row.id(), row.recordType(), row.action(), row.field(), fieldLabel, row.value(),
				valueDisplay, change ? null : row.subject(), change ? row.subject() : null, reasonLabel, row.dueDate(),
				row.status(), row.total(), row.processed(), row.applied(), row.refused(), row.undone(), row.skipped(),
				row.failure(), row.createdAt(), row.createdBy(), row.undoneAt(), problems);
	}

	/**
	 * A reason goes only with the values of a field that ask for one, and is one of its
	 * choices (the module matches it as it matches its other input, and may refuse it
	 * still); a value that asks for one without it is left to the module, which refuses
	 * each record that has no reason of its own.
	 */
	private static void checkReason(EditableField field, String value, String reason) {
		if (reason == null) {
			return;
		}
		EditableField.Reason asked = field.reason();
		if (asked == null) {
			throw new InvalidInputException("reason", field.label() + " takes no reason; leave the reason out.");
		}
		String chosen = value == null ? "" : value.trim();
		if (!asked.values().contains(chosen)) {
			List<String> names = field.options()
				.stream()
				.filter(option -> asked.values().contains(option.value()))
				.map(EditableField.Option::label)
				.toList();
			String shown = field.options()
				.stream()
				.filter(option -> option.value().equals(chosen))
				.map(EditableField.Option::label)
				.findFirst()
				.orElse(chosen.isEmpty() ? "(empty)" : chosen);
			throw new InvalidInputException("reason", "A " + asked.label().toLowerCase(java.util.Locale.ROOT)
					+ " goes only with " + String.join(" or ", names) + "; " + shown + " is not one.");
		}
		if (asked.options()
			.stream()
			.noneMatch(option -> option.value().equalsIgnoreCase(reason) || option.label().equalsIgnoreCase(reason))) {
			throw new InvalidInputException("reason",
					"'" + reason + "' is not one of the " + asked.label().toLowerCase(java.util.Locale.ROOT) + "s: "
							+ String.join(", ", asked.options().stream().map(EditableField.Option::label).toList())
							+ ".");
		}
	}

	private List<UUID> select(UUID actorId, EditableRecords type, BulkRequest request) {
		return select(actorId, type, request.ids(), request.allMatching(), request.filters(), this.maxRecords);
	}

	/**
	 * The records a list's selection names — the rows ticked, or every record the user
	 * may see that matches the list's filters (a saved view's, the address's own over
	 * them) — for an action another module runs on a list's rows (adding them to a
	 * campaign), with the same rules as a bulk change.
	 * @param recordType a record type or its collection ({@code leads})
	 * @param max at most this many
	 * @throws InvalidInputException when the selection is empty or larger than
	 * {@code max}
	 */
	public List<UUID> selection(UUID actorId, String recordType, List<UUID> ids, boolean allMatching,
			Map<String, String> filters, int max) {
		return select(actorId, this.registry.recordType(recordType), ids, allMatching, filters, max);
	}

	private List<UUID> select(UUID actorId, EditableRecords type, List<UUID> given, boolean allMatching,
			Map<String, String> filters, int max) {
		List<UUID> ids;
		if (allMatching) {
			ids = type.matching(actorId, shownFilters(actorId, type, filters), max + 1);
		}
		else {
			ids = List.copyOf(new LinkedHashSet<>(given == null ? List.of() : given));
		}
		if (ids.isEmpty()) {
			throw new InvalidInputException("ids",
					allMatching ? "No record matches the list's filters." : "Select the records to change first.");
		}
		if (ids.size() > max) {
			throw new InvalidInputException("ids", "A bulk change covers at most " + max
					+ " records; narrow the list with its filters and run it in parts.");
		}
		return ids;
	}

	/**
	 * The filters of the list as its page shows them: a saved view's ({@code view}) with
	 * the address's own overriding them, {@code me} and relative days resolved.
	 */
	private Map<String, String> shownFilters(UUID actorId, EditableRecords type, Map<String, String> filters) {
		ShownFilters shown = this.shownFilters.getIfAvailable();
		if (shown != null) {
			return shown.of(actorId, type.recordType(), filters);
		}
		Map<String, String> given = new LinkedHashMap<>();
		filters.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				given.put(name, value);
			}
		});
		return given;
	}

	private void submit(UUID id, Runnable task, String what) {
		try {
			this.background.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					log.error("{} {} failed", what, id, ex);
					fail(id, "Stopped by an error on our side; it has been logged. Records processed before it "
							+ "keep their change.");
				}
			});
		}
		catch (RejectedExecutionException ex) {
			fail(id, "Too many bulk changes are waiting; try again in a few minutes.");
			throw new InvalidInputException("ids", "Too many bulk changes are waiting; try again in a few minutes.");
		}
	}

	private void fail(UUID id, String failure) {
		this.jdbc
			.sql("update bulk_operations set status = 'FAILED', failure = :failure, version = version + 1 "
					+ "where id = :id")
			.param("id", id)
			.param("failure", failure)
			.update();
	}

	/**
	 * Applies the operation to its pending records, a chunk at a time, keeping its
	 * progress.
	 */
	void run(UUID id) {
		Row operation = row(id);
		EditableRecords type = this.registry.recordType(operation.recordType());
		UUID actor = operation.createdBy();
		status(id, Status.RUNNING);
		int position = 0;
		while (true) {
			List<Pending> chunk = chunk(id, "PENDING", position);
			if (chunk.isEmpty()) {
				break;
			}
			List<Result> results = new ArrayList<>();
			if (operation.action() == BulkAction.CHANGE) {
				results.addAll(change(type, operation, actor, chunk));
			}
			else {
				for (Pending item : chunk) {
					results.add(apply(type, operation, actor, item));
				}
			}
			record(id, results, false);
			position = chunk.get(chunk.size() - 1).position() + 1;
		}
		status(id, Status.DONE);
		Row done = row(id);
		this.events.publishEvent(new RecordsEdited(type.recordType(), id, UsageKind.BULK_ACTION, actor,
				this.clock.instant(), done.applied()));
	}

	private List<Result> change(EditableRecords type, Row operation, UUID actor, List<Pending> chunk) {
		List<RecordWrite> written;
		try {
			written = type.writeAll(actor, chunk.stream().map(Pending::recordId).toList(), operation.field(),
					operation.value(), operation.reason(), null);
		}
		catch (RuntimeException ex) {
			String reason = RecordEditing.reason(ex);
			return chunk.stream()
				.map(item -> new Result(item.position(), Outcome.REFUSED, reason, null, null, null, null))
				.toList();
		}
		List<Result> results = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			RecordWrite write = written.get(i);
			results.add(new Result(chunk.get(i).position(), write.outcome(), write.reason(), write.beforeValue(),
					write.beforeDisplay(), write.afterVersion(), null));
		}
		return results;
	}

	/**
	 * A note, a task or the recycle bin for one record.
	 */
	private Result apply(EditableRecords type, Row operation, UUID actor, Pending item) {
		try {
			return switch (operation.action()) {
				case CHANGE -> throw new IllegalStateException("A change goes through writeAll");
				case RECYCLE -> {
					type.moveToRecycleBin(actor, item.recordId());
					yield new Result(item.position(), Outcome.APPLIED, null, null, null, null, null);
				}
				case LOG_ACTIVITY, CREATE_TASK -> {
					UUID created = this.work.getObject()
						.log(actor, type.recordType(), item.recordId(),
								new WorkLog.Entry(operation.action() == BulkAction.CREATE_TASK, operation.subject(),
										operation.dueDate()));
					yield new Result(item.position(), Outcome.APPLIED, null, null, null, null, created);
				}
			};
		}
		catch (RuntimeException ex) {
			return new Result(item.position(), Outcome.REFUSED, RecordEditing.reason(ex), null, null, null, null);
		}
	}

	private void runUndo(UUID id, UUID actor) {
		Row operation = row(id);
		EditableRecords type = this.registry.recordType(operation.recordType());
		EditableRecords activities = operation.action() == BulkAction.LOG_ACTIVITY
				|| operation.action() == BulkAction.CREATE_TASK ? this.registry.recordType("activity") : null;
		int position = 0;
		while (true) {
			List<Pending> chunk = chunk(id, "APPLIED", position);
			if (chunk.isEmpty()) {
				break;
			}
			List<Result> results = new ArrayList<>();
			if (operation.action() == BulkAction.CHANGE) {
				results.addAll(revertChanges(type, operation, actor, chunk));
			}
			else {
				for (Pending item : chunk) {
					results.add(revert(type, activities, operation, actor, item));
				}
			}
			record(id, results, true);
			position = chunk.get(chunk.size() - 1).position() + 1;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update bulk_operations set status = 'UNDONE', undone_at = :now, undone_by = :actor, updated_at = :now,
				  updated_by = :actor, version = version + 1 where id = :id
				""").param("id", id).param("now", utc(now)).param("actor", actor).update();
		this.events.publishEvent(
				new RecordsEdited(type.recordType(), id, UsageKind.BULK_ACTION, actor, now, row(id).undone()));
	}

	/**
	 * Sets each record back to its own value before, where it is still at the version the
	 * operation left: the records that had the same value before, at once.
	 */
	private List<Result> revertChanges(EditableRecords type, Row operation, UUID actor, List<Pending> chunk) {
		Map<String, List<Pending>> byValue = new LinkedHashMap<>();
		chunk.forEach(item -> byValue
			.computeIfAbsent(item.beforeValue() == null ? "" : item.beforeValue(), value -> new ArrayList<>())
			.add(item));
		List<Result> results = new ArrayList<>();
		byValue.forEach((before, items) -> {
			List<RecordWrite> written;
			try {
				// the value before carries what the module needs to set back (a deal's
				// loss reason with its stage): no reason of its own
				written = type.writeAll(actor, items.stream().map(Pending::recordId).toList(), operation.field(),
						before, null,
						items.stream().map(item -> item.afterVersion() == null ? -1L : item.afterVersion()).toList());
			}
			catch (RuntimeException ex) {
				String reason = RecordEditing.reason(ex);
				items.forEach(item -> results
					.add(new Result(item.position(), Outcome.SKIPPED, reason, null, null, null, null)));
				return;
			}
			for (int i = 0; i < items.size(); i++) {
				RecordWrite write = written.get(i);
				boolean reverted = write.outcome() == Outcome.APPLIED || write.outcome() == Outcome.UNCHANGED;
				results.add(new Result(items.get(i).position(), reverted ? Outcome.UNDONE : Outcome.SKIPPED,
						reverted ? null : write.reason(), null, null, null, null));
			}
		});
		return results;
	}

	private Result revert(EditableRecords type, EditableRecords activities, Row operation, UUID actor, Pending item) {
		try {
			switch (operation.action()) {
				case CHANGE -> throw new IllegalStateException("A change is undone through writeAll");
				case RECYCLE -> type.restore(actor, item.recordId());
				case LOG_ACTIVITY, CREATE_TASK -> {
					FieldValue now = activities.read(actor, item.createdId(), "subject");
					if (now.version() != 0) {
						return skipped(item, now);
					}
					activities.moveToRecycleBin(actor, item.createdId());
				}
			}
			return new Result(item.position(), Outcome.UNDONE, null, null, null, null, null);
		}
		catch (RuntimeException ex) {
			return new Result(item.position(), Outcome.SKIPPED, RecordEditing.reason(ex), null, null, null, null);
		}
	}

	private static Result skipped(Pending item, FieldValue now) {
		return new Result(
				item.position(), Outcome.SKIPPED, "Changed since by " + now.changedBy()
						+ (now.display().isEmpty() ? "" : " (now " + now.display() + ")") + "; left as it is.",
				null, null, null, null);
	}

	/**
	 * Writes a chunk's outcomes and moves the operation's counters on, in one statement
	 * each.
	 */
	private void record(UUID id, List<Result> results, boolean undoing) {
		// one statement for the chunk
		String update = undoing ? """
				update bulk_operation_items i set outcome = t.outcome, reason = t.reason
				from unnest(cast(:positions as integer[]), cast(:outcomes as text[]), cast(:reasons as text[]))
				  as t(position, outcome, reason)
				where i.operation_id = :id and i.position = t.position
				""" : """
				update bulk_operation_items i set outcome = t.outcome, reason = t.reason, before_value = t.before_value,
				  before_display = t.before_display, after_version = t.after_version, created_id = t.created_id
				from unnest(cast(:positions as integer[]), cast(:outcomes as text[]), cast(:reasons as text[]),
				  cast(:beforeValues as text[]), cast(:beforeDisplays as text[]), cast(:afterVersions as bigint[]),
				  cast(:createdIds as uuid[]))
				  as t(position, outcome, reason, before_value, before_display, after_version, created_id)
				where i.operation_id = :id and i.position = t.position
				""";
		JdbcClient.StatementSpec statement = this.jdbc.sql(update)
			.param("id", id)
			.param("positions", SqlArrays.of(results.stream().map(Result::position).toList()))
			.param("outcomes", SqlArrays.of(results.stream().map(r -> r.outcome().name()).toList()))
			.param("reasons", SqlArrays.of(results.stream().map(Result::reason).toList()));
		if (!undoing) {
			statement = statement
				.param("beforeValues", SqlArrays.of(results.stream().map(Result::beforeValue).toList()))
				.param("beforeDisplays", SqlArrays.of(results.stream().map(Result::beforeDisplay).toList()))
				.param("afterVersions", SqlArrays.of(results.stream().map(Result::afterVersion).toList()))
				.param("createdIds", SqlArrays.of(results.stream().map(Result::createdId).toList()));
		}
		statement.update();
		Map<Outcome, Integer> counts = new LinkedHashMap<>();
		results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
		this.jdbc.sql("""
				update bulk_operations set processed = processed + :processed, applied = applied + :applied,
				  refused = refused + :refused, undone = undone + :undone, skipped = skipped + :skipped,
				  updated_at = :now, version = version + 1
				where id = :id
				""")
			.param("id", id)
			.param("processed", results.size())
			.param("applied", counts.getOrDefault(Outcome.APPLIED, 0))
			.param("refused", counts.getOrDefault(Outcome.REFUSED, 0))
			.param("undone", counts.getOrDefault(Outcome.UNDONE, 0))
			.param("skipped", counts.getOrDefault(Outcome.SKIPPED, 0))
			.param("now", utc(this.clock.instant()))
			.update();
	}

	private void status(UUID id, Status status) {
		this.jdbc
			.sql("update bulk_operations set status = :status, updated_at = :now, version = version + 1 "
					+ "where id = :id")
			.param("now", utc(this.clock.instant()))
			.param("id", id)
			.param("status", status.name())
			.update();
	}

	private Row row(UUID id) {
		return this.jdbc.sql("select * from bulk_operations where id = :id")
			.param("id", id)
			.query(BulkChanges::row)
			.single();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("record_type"),
				BulkAction.valueOf(rs.getString("action")), rs.getString("field"), rs.getString("value"),
				rs.getString("subject"), rs.getObject("due_date", LocalDate.class),
				Status.valueOf(rs.getString("status")), rs.getInt("total"), rs.getInt("processed"),
				rs.getInt("applied"), rs.getInt("refused"), rs.getInt("undone"), rs.getInt("skipped"),
				rs.getString("failure"), instant(rs, "created_at"), rs.getObject("created_by", UUID.class),
				instant(rs, "undone_at"));
	}

	/**
	 * @return the next items with the outcome, from the position on, in order (at most
	 * {@value #CHUNK})
	 */
	private List<Pending> chunk(UUID id, String outcome, int from) {
		return this.jdbc.sql("""
				select position, record_id, created_id, after_version, before_value from bulk_operation_items
				where operation_id = :id and position >= :from and outcome = :outcome order by position limit :limit
				""")
			.param("id", id)
			.param("from", from)
			.param("outcome", outcome)
			.param("limit", CHUNK)
			.query(BulkChanges::pending)
			.list();
	}

	private static Pending pending(ResultSet rs, int n) throws SQLException {
		Object version = rs.getObject("after_version");
		return new Pending(rs.getInt("position"), rs.getObject("record_id", UUID.class),
				rs.getObject("created_id", UUID.class), version == null ? null : ((Number) version).longValue(),
				rs.getString("before_value"));
	}

	private record Row(UUID id, String recordType, BulkAction action, String field, String value, String subject,
			LocalDate dueDate, Status status, int total, int processed, int applied, int refused, int undone,
			int skipped, String failure, Instant createdAt, UUID createdBy, Instant undoneAt) {

		/** A change's reason, kept in its subject (a note or task has the subject). */
		String reason() {
			return this.action == BulkAction.CHANGE ? this.subject : null;
		}

	}

	private record Pending(int position, UUID recordId, UUID createdId, Long afterVersion, String beforeValue) {
	}

	private record Result(int position, Outcome outcome, String reason, String beforeValue, String beforeDisplay,
			Long afterVersion, UUID createdId) {
	}

}
