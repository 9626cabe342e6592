package dev.bellwether.activities;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.StringUtils;

import static dev.bellwether.platform.Text.blankToNull;

/**
 * The rules of an activity that need nothing but the activity itself: which fields each
 * kind has, which it needs, and that it is linked to something. Checks against other
 * records (does the contact exist, may the assignee see the deal) are in
 * {@link Activities}.
 */
final class ActivityRules {

	static final Duration LONGEST_CALL = Duration.ofHours(24);

	static final int NOTE_SUBJECT_LENGTH = 80;

	private ActivityRules() {
	}

	/**
	 * A call logged without a time is a call just made: it took place now. (A meeting
	 * keeps needing both times: it is as often planned as logged afterwards.)
	 */
	static ActivityDetails callJustMade(ActivityDetails details, Instant now) {
		if (details.kind() != ActivityKind.CALL || details.startsAt() != null) {
			return details;
		}
		return new ActivityDetails(details.kind(), details.subject(), details.body(), details.accountId(),
				details.contactId(), details.opportunityId(), details.ownerId(), details.dueDate(), details.status(),
				details.priority(), now, details.endsAt(), details.attendees(), details.subType(), details.leadId());
	}

	/**
	 * Trims text, fills in a task's default status and priority and a note's subject, and
	 * drops repeated attendees.
	 */
	static ActivityDetails normalize(ActivityDetails details) {
		String subject = blankToNull(details.subject());
		String body = blankToNull(details.body());
		if (details.kind() == ActivityKind.NOTE && subject == null && body != null) {
			subject = firstLine(body);
		}
		TaskStatus status = details.status();
		TaskPriority priority = details.priority();
		if (details.kind() == ActivityKind.TASK) {
			status = status == null ? TaskStatus.OPEN : status;
			priority = priority == null ? TaskPriority.NORMAL : priority;
		}
		List<Attendee> attendees = new ArrayList<>();
		Set<Attendee> seen = new HashSet<>();
		for (Attendee attendee : details.attendees()) {
			Attendee key = attendee.key();
			if (key.email() != null && key.email().isEmpty()) {
				key = new Attendee(key.contactId(), key.userId(), null, null);
			}
			if (seen.add(key)) {
				attendees.add(key);
			}
		}
		return new ActivityDetails(details.kind(), subject, body, details.accountId(), details.contactId(),
				details.opportunityId(), details.ownerId(), details.dueDate(), status, priority, details.startsAt(),
				details.endsAt(), attendees, details.subType() == null ? null : details.subType().trim(),
				details.leadId());
	}

	/**
	 * @return field name to message; empty when the activity keeps the rules
	 */
	static Map<String, String> violations(ActivityDetails details) {
		Map<String, String> errors = new LinkedHashMap<>();
		ActivityKind kind = details.kind();
		if (kind == null) {
			return errors;
		}
		if (!details.isLinked()) {
			errors.put("links", "Link the " + kind.label().toLowerCase()
					+ " to an account, a contact, an opportunity or a lead (at least one).");
		}
		if (!StringUtils.hasText(details.subject()) && kind != ActivityKind.NOTE) {
			errors.put("subject", switch (kind) {
				case TASK -> "Say what needs doing.";
				case CALL -> "Say what the call was about.";
				default -> "Say what the meeting is about.";
			});
		}
		if (kind != ActivityKind.TASK) {
			if (details.dueDate() != null) {
				errors.put("dueDate", "Only tasks have a due date.");
			}
			if (details.status() != null) {
				errors.put("status", "Only tasks have a status.");
			}
			if (details.priority() != null) {
				errors.put("priority", "Only tasks have a priority.");
			}
		}
		if (kind != ActivityKind.MEETING && !details.attendees().isEmpty()) {
			errors.put("attendees", "Only meetings have attendees.");
		}
		switch (kind) {
			case TASK -> {
				if (details.startsAt() != null || details.endsAt() != null) {
					errors.put("startsAt", "A task has a due date, not a start and end time.");
				}
			}
			case CALL -> {
				if (details.startsAt() == null) {
					errors.put("startsAt", "Enter when the call took place.");
				}
				else if (details.endsAt() != null) {
					if (details.endsAt().isBefore(details.startsAt())) {
						errors.put("endsAt", "A call can't end before it starts.");
					}
					else if (Duration.between(details.startsAt(), details.endsAt()).compareTo(LONGEST_CALL) > 0) {
						errors.put("endsAt", "A call can't last longer than 24 hours.");
					}
				}
			}
			case MEETING -> {
				if (details.startsAt() == null) {
					errors.put("startsAt", "Enter when the meeting starts.");
				}
				if (details.endsAt() == null) {
					errors.put("endsAt", "Enter when the meeting ends.");
				}
				if (details.startsAt() != null && details.endsAt() != null
						&& !details.endsAt().isAfter(details.startsAt())) {
					errors.put("endsAt", "The meeting must end after it starts.");
				}
				for (int i = 0; i < details.attendees().size(); i++) {
					Attendee attendee = details.attendees().get(i);
					int given = (attendee.contactId() != null ? 1 : 0) + (attendee.userId() != null ? 1 : 0)
							+ (StringUtils.hasText(attendee.email()) ? 1 : 0);
					if (given != 1) {
						errors.putIfAbsent("attendees[" + i + "]",
								"Give each attendee as exactly one of: a contact, a user or an e-mail address.");
					}
				}
			}
			case NOTE -> {
				if (!StringUtils.hasText(details.body())) {
					errors.put("body", "Write the note.");
				}
				if (details.startsAt() != null || details.endsAt() != null) {
					errors.put("startsAt", "A note has no start or end time.");
				}
			}
		}
		return errors;
	}

	private static String firstLine(String text) {
		String line = text.strip().lines().findFirst().orElse("").strip();
		return line.length() <= NOTE_SUBJECT_LENGTH ? line : line.substring(0, NOTE_SUBJECT_LENGTH - 1).strip() + "…";
	}

}
