package dev.bellwether.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of an activity that need nothing but the activity.
 */
class ActivityRulesTests {

	private static final UUID OWNER = UUID.randomUUID();

	private static final UUID ACCOUNT = UUID.randomUUID();

	private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

	private static Map<String, String> check(ActivityDetails details) {
		return ActivityRules.violations(ActivityRules.normalize(details));
	}

	@Test
	void anActivityMustBeLinkedToSomething() {
		assertThat(check(ActivityDetails.task("Call back", null, null, OWNER))).containsKey("links");
		assertThat(check(ActivityDetails.task("Call back", null, null, OWNER).linkedTo(ACCOUNT, null, null))).isEmpty();
		assertThat(check(ActivityDetails.task("Call back", null, null, OWNER).linkedTo(null, null, UUID.randomUUID())))
			.isEmpty();
	}

	@Test
	void aTaskIsOpenAndNormalUnlessSaidOtherwise() {
		ActivityDetails task = ActivityRules.normalize(new ActivityDetails(ActivityKind.TASK, " Send proposal ", null,
				ACCOUNT, null, null, OWNER, LocalDate.of(2026, 3, 5), null, null, null, null, List.of()));

		assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
		assertThat(task.priority()).isEqualTo(TaskPriority.NORMAL);
		assertThat(task.subject()).isEqualTo("Send proposal");
	}

	@Test
	void aTaskNeedsASubjectAndHasNoStartTime() {
		ActivityDetails task = new ActivityDetails(ActivityKind.TASK, " ", null, ACCOUNT, null, null, OWNER, null, null,
				null, TEN, null, List.of());

		assertThat(check(task)).containsEntry("subject", "Say what needs doing.")
			.containsEntry("startsAt", "A task has a due date, not a start and end time.");
	}

	@Test
	void onlyTasksHaveDueDatesStatusAndPriority() {
		ActivityDetails call = new ActivityDetails(ActivityKind.CALL, "Intro", null, ACCOUNT, null, null, OWNER,
				LocalDate.of(2026, 3, 5), TaskStatus.OPEN, TaskPriority.HIGH, TEN, null, List.of());

		assertThat(check(call)).containsKeys("dueDate", "status", "priority");
	}

	@Test
	void aCallLoggedWithoutATimeWasJustMade() {
		ActivityDetails call = ActivityRules
			.callJustMade(ActivityDetails.call("Intro", null, null, null, OWNER).linkedTo(ACCOUNT, null, null), TEN);

		assertThat(call.startsAt()).isEqualTo(TEN);
		assertThat(check(call)).isEmpty();
		assertThat(ActivityRules
			.callJustMade(ActivityDetails.call("Intro", null, TEN.minusSeconds(3600), null, OWNER), TEN)
			.startsAt()).as("a time given is kept").isEqualTo(TEN.minusSeconds(3600));
		assertThat(ActivityRules.callJustMade(ActivityDetails.meeting("Review", null, null, List.of(), OWNER), TEN)
			.startsAt()).as("a meeting still needs its times").isNull();
	}

	@Test
	void aCallNeedsItsTimeAndCannotEndBeforeItStartsOrLastADay() {
		assertThat(check(ActivityDetails.call("Intro", null, null, null, OWNER).linkedTo(ACCOUNT, null, null)))
			.containsEntry("startsAt", "Enter when the call took place.");
		assertThat(check(
				ActivityDetails.call("Intro", null, TEN, TEN.minusSeconds(60), OWNER).linkedTo(ACCOUNT, null, null)))
			.containsEntry("endsAt", "A call can't end before it starts.");
		assertThat(check(ActivityDetails.call("Intro", null, TEN, TEN.plusSeconds(25 * 3600), OWNER)
			.linkedTo(ACCOUNT, null, null))).containsEntry("endsAt", "A call can't last longer than 24 hours.");
		assertThat(check(ActivityDetails.call("Intro", "Went well", TEN, TEN.plusSeconds(900), OWNER)
			.linkedTo(ACCOUNT, null, null))).isEmpty();
	}

	@Test
	void aMeetingMustEndAfterItStarts() {
		assertThat(check(ActivityDetails.meeting("Demo", TEN, TEN, List.of(), OWNER).linkedTo(ACCOUNT, null, null)))
			.containsEntry("endsAt", "The meeting must end after it starts.");
		assertThat(check(ActivityDetails.meeting("Demo", TEN, null, List.of(), OWNER).linkedTo(ACCOUNT, null, null)))
			.containsEntry("endsAt", "Enter when the meeting ends.");
		assertThat(check(ActivityDetails.meeting("Demo", TEN, TEN.plusSeconds(3600), List.of(), OWNER)
			.linkedTo(ACCOUNT, null, null))).isEmpty();
	}

	@Test
	void eachAttendeeIsExactlyOneOfContactUserOrEmailAndRepeatsAreDropped() {
		ActivityDetails meeting = ActivityDetails
			.meeting("Demo", TEN, TEN.plusSeconds(3600),
					List.of(new Attendee(UUID.randomUUID(), UUID.randomUUID(), null, null),
							Attendee.email("a@b.example"), Attendee.email(" A@B.example ")),
					OWNER)
			.linkedTo(ACCOUNT, null, null);

		assertThat(check(meeting)).containsOnlyKeys("attendees[0]");
		assertThat(ActivityRules.normalize(meeting).attendees()).hasSize(2);
	}

	@Test
	void onlyMeetingsHaveAttendees() {
		ActivityDetails call = new ActivityDetails(ActivityKind.CALL, "Intro", null, ACCOUNT, null, null, OWNER, null,
				null, null, TEN, null, List.of(Attendee.email("a@b.example")));

		assertThat(check(call)).containsEntry("attendees", "Only meetings have attendees.");
	}

	@Test
	void aNoteNeedsTextAndTakesItsSubjectFromTheFirstLine() {
		assertThat(check(ActivityDetails.note("  ", OWNER).linkedTo(ACCOUNT, null, null))).containsEntry("body",
				"Write the note.");

		ActivityDetails note = ActivityRules
			.normalize(ActivityDetails.note("Budget approved for Q3\nSigned off by the CFO.", OWNER));
		assertThat(note.subject()).isEqualTo("Budget approved for Q3");

		ActivityDetails longNote = ActivityRules.normalize(ActivityDetails.note("x".repeat(200), OWNER));
		assertThat(longNote.subject()).hasSize(ActivityRules.NOTE_SUBJECT_LENGTH).endsWith("…");
	}

}
