package dev.bellwether.activities;

import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.edit.WorkLog;

import org.springframework.stereotype.Component;

/**
 * Notes and tasks logged by bulk actions, each created through {@link Activities#create}
 * (its rules, rights and the record's freshness) for the acting user.
 */
@Component
class ActivityWorkLog implements WorkLog {

	private final Activities activities;

	private final UserDirectory users;

	ActivityWorkLog(Activities activities, UserDirectory users) {
		this.activities = activities;
		this.users = users;
	}

	@Override
	public UUID log(UUID actorId, String recordType, UUID recordId, Entry entry) {
		ActivityDetails details = entry.task()
				? ActivityDetails.task(entry.subject(), entry.dueDate(), TaskPriority.NORMAL, actorId)
				: ActivityDetails.note(entry.subject(), actorId);
		details = switch (recordType) {
			case "account" -> details.linkedTo(recordId, null, null);
			case "contact" -> details.linkedTo(null, recordId, null);
			case "opportunity" -> details.linkedTo(null, null, recordId);
			default -> throw new InvalidInputException("recordType",
					"Notes and tasks are logged on accounts, contacts and deals, not on a " + recordType + ".");
		};
		return this.activities.create(Viewer.of(this.users.get(actorId)), details).id();
	}

}
