package dev.bellwether.activities;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.edit.EditableField.Option;
import dev.bellwether.platform.edit.VersionedRecordEditing;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Activities for inline edit and bulk changes, each change a save through
 * {@link Activities#update}: a field that does not belong to the kind (a due date on a
 * call) is refused as in the form.
 */
@Component
class ActivityEditing extends VersionedRecordEditing<Viewer, Activity, ActivityDetails> {

	private final Activities activities;

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
				field("body", "Text", Input.TEXTAREA)), activities, id -> Viewer.of(users.get(id)), users::namesOf);
		this.activities = activities;
	}

	@Override
	protected String name(Activity record) {
		return record.subject() != null ? record.subject() : record.kind().label();
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
