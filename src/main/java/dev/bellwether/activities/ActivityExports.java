package dev.bellwether.activities;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.export.ExportRow;
import dev.bellwether.platform.export.ExportableList;
import dev.bellwether.platform.export.RecordListExport;
import dev.bellwether.platform.listview.ListQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The activity list for exports: the activities the person may read, filtered as
 * {@code /activities} does it ({@link Activities#list}, newest first), with what each is
 * related to and its owner by name. "When" is a task's due date (or when it was done) and
 * another activity's time; the column of buttons is not exported.
 */
@Component
class ActivityExports extends RecordListExport {

	private final Activities activities;

	private final UserDirectory users;

	ActivityExports(Activities activities, UserDirectory users) {
		super(Activities.RECORD_TYPE, "activities", "activities", users::namesOf);
		this.activities = activities;
		this.users = users;
	}

	@Override
	public boolean exports(String column) {
		return !"actions".equals(column);
	}

	@Override
	public Page<ExportRow> page(UUID viewerId, ListQuery query, CustomFilter custom, Pageable pageable) {
		String kind = query.choice("kind");
		String status = query.choice("status");
		ActivityFilter filter = new ActivityFilter((kind == null) ? null : ActivityKind.valueOf(kind),
				query.id("owner"), null, null, null, (status == null) ? null : TaskStatus.valueOf(status),
				query.date("from"), query.date("to"), query.text("q"), query.flag("overdue"));
		Page<Activity> page = this.activities.list(Viewer.of(this.users.get(viewerId)), filter, pageable);
		LinkedNames names = this.activities.namesFor(page.getContent());
		return page.map(activity -> {
			Map<String, Object> cells = new HashMap<>();
			cells.put("kind", activity.kind().label());
			cells.put("subject", activity.subject());
			cells.put("related",
					Stream
						.of(names.opportunity(activity.opportunityId()), names.contact(activity.contactId()),
								names.account(activity.accountId()))
						.filter(Objects::nonNull)
						.collect(Collectors.joining(" · ")));
			cells.put("owner", names.user(activity.ownerId()));
			cells.put("when", when(activity));
			cells.put("priority", (activity.priority() != null) ? activity.priority().name() : null);
			return new ExportRow(cells, null);
		});
	}

	private static Object when(Activity activity) {
		if (!activity.isTask()) {
			return activity.occurredAt();
		}
		return activity.isCompleted() ? activity.completedAt() : activity.dueDate();
	}

	/** {@code /api/v1/activities} names the owner filter {@code ownerId}. */
	@Override
	public Map<String, String[]> fromApi(Map<String, String[]> parameters) {
		return ExportableList.renamed(parameters, Map.of("ownerId", "owner"));
	}

}
