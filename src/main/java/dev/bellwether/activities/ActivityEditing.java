package dev.bellwether.activities;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.edit.EditableField.Option;
import dev.bellwether.platform.edit.RecordEditing;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Activities for inline edit and bulk changes, each change a save through
 * {@link Activities#update}: a field that does not belong to the kind (a due date on a
 * call) is refused as in the form.
 */
@Component
class ActivityEditing extends RecordEditing<Viewer, Activity, ActivityDetails> {

	private final Activities activities;

	private final UserDirectory users;

	ActivityEditing(Activities activities, UserDirectory users) {
		super(Activities.RECORD_TYPE, "activities", ActivityDetails.class, List.of(
				field("subject", "Subject", Input.TEXT), field("dueDate", "Due date", Input.DATE),
				select("status", "Status",
						() -> List.of(new Option(TaskStatus.OPEN.name(), "Open"),
								new Option(TaskStatus.COMPLETED.name(), "Completed"))),
				select("priority", "Priority",
						() -> Arrays.stream(TaskPriority.values()).map(p -> new Option(p.name(), p.label())).toList()),
				select("ownerId", "Owner",
						() -> users.activeUsers()
							.stream()
							.map(u -> new Option(u.id().toString(), u.fullName()))
							.toList())
					.mandatory()
					.displayedAs(id -> users.namesOf(List.of((UUID) id)).getOrDefault(id, "")),
				field("body", "Text", Input.TEXTAREA)));
		this.activities = activities;
		this.users = users;
	}

	@Override
	protected Viewer viewer(UUID actorId) {
		return Viewer.of(this.users.get(actorId));
	}

	@Override
	protected Activity get(Viewer viewer, UUID id) {
		return this.activities.get(viewer, id);
	}

	@Override
	protected ActivityDetails details(Activity record) {
		return record.details();
	}

	@Override
	protected Activity update(Viewer viewer, UUID id, long version, ActivityDetails details) {
		return this.activities.update(viewer, id, version, details);
	}

	@Override
	protected long version(Activity record) {
		return record.version();
	}

	@Override
	protected String lastChangedBy(Activity record) {
		return this.users.namesOf(List.of(record.updatedBy())).getOrDefault(record.updatedBy(), "someone");
	}

	@Override
	protected Instant lastChangedAt(Activity record) {
		return record.updatedAt();
	}

	@Override
	protected String name(Activity record) {
		return record.subject() != null ? record.subject() : record.kind().label();
	}

	@Override
	protected void delete(Viewer viewer, UUID id) {
		this.activities.delete(viewer, id);
	}

	@Override
	protected void restore(Viewer viewer, UUID id) {
		this.activities.restore(viewer, id);
	}

	/** The {@code list} filter of the bulk bar of the task list. */
	static final String TASKS = "tasks";

	@Override
	protected List<UUID> matching(Viewer viewer, Map<String, String> filters, int limit) {
		if (TASKS.equals(filters.get("list"))) {
			// the task list (/tasks): the viewer's open tasks in its window
			return this.activities.openTasks(viewer, TaskWindow.of(filters.get("due")), PageRequest.of(0, limit))
				.map(Activity::id)
				.getContent();
		}
		ActivityFilter filter = filterFrom(ActivityFilter.class, renamed(filters, Map.of("owner", "ownerId")));
		return this.activities.list(viewer, filter, PageRequest.of(0, limit)).map(Activity::id).getContent();
	}

}
