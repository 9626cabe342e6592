package dev.bellwether.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordTouched;
import dev.bellwether.platform.StaleRecordException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The activities module with the modules it depends on: changes are published for the
 * audit trail, work on a record is published for its freshness, and an activity on a
 * contact or deal carries that record's account.
 */
// marketing (activities on leads) needs the modules it depends on itself: notifications,
// listviews
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
		extraIncludes = { "platform", "notifications", "listviews" })
@ActiveProfiles("test")
class ActivitiesModuleTests {

	@Autowired
	Activities activities;

	@Autowired
	Clock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	UserDirectory users;

	@Autowired
	Deals deals;

	private Viewer rep() {
		String username = "activities-rep-" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.users.create(new UserProfile(username, "Activities Rep", username + "@test.example", null,
				Role.REP, null, null, null, null), "secret password", null);
		return new Viewer(user.id(), user.username(), user.fullName(), user.role());
	}

	private UUID account(Viewer owner) {
		return this.accounts
			.create(owner,
					new AccountDetails("Module Co " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, owner.id(), null))
			.id();
	}

	@Test
	void loggingACallOnAContactTouchesTheContactAndItsAccount(AssertablePublishedEvents events) {
		Viewer rep = rep();
		UUID account = account(rep);
		UUID contact = this.contacts
			.create(rep, new ContactDetails("Cleo", "Caller", null, null, null, null, account, rep.id()))
			.id();
		Instant at = Instant.parse("2026-03-02T10:00:00Z");

		Activity call = this.activities.create(rep,
				ActivityDetails.call("Intro", null, at, null, rep.id()).linkedTo(null, contact, null));

		assertThat(call.accountId()).isEqualTo(account);
		assertThat(call.occurredAt()).isEqualTo(at);
		assertThat(events).contains(RecordChanged.class)
			.matching(e -> e.recordId().equals(call.id()) && e.kind() == ChangeKind.CREATED
					&& e.recordType().equals("activity")
					&& e.changes().contains(new FieldChange("subject", null, "Intro")));
		assertThat(events).contains(RecordTouched.class)
			.matching(e -> e.recordType().equals("contact") && e.recordId().equals(contact)
					&& e.actorId().equals(rep.id()));
		assertThat(events).contains(RecordTouched.class)
			.matching(e -> e.recordType().equals("account") && e.recordId().equals(account));
	}

	@Test
	void planningATaskTouchesNothingButCompletingItTouchesTheDeal(AssertablePublishedEvents events) {
		Viewer rep = rep();
		UUID account = account(rep);
		UUID deal = this.deals.create("Module deal", account, rep.id());

		Activity task = this.activities.create(rep,
				ActivityDetails.task("Send contract", LocalDate.now(this.clock), null, rep.id())
					.linkedTo(null, null, deal));

		assertThat(task.accountId()).isEqualTo(account);
		assertThat(events.ofType(RecordTouched.class)).isEmpty();

		this.activities.complete(rep, task.id());

		assertThat(events).contains(RecordTouched.class)
			.matching(e -> e.recordType().equals("opportunity") && e.recordId().equals(deal));
		assertThat(events).contains(RecordChanged.class)
			.matching(e -> e.recordId().equals(task.id()) && e.kind() == ChangeKind.UPDATED
					&& e.changes().equals(java.util.List.of(new FieldChange("status", "OPEN", "COMPLETED"))));
	}

	@Test
	void aStaleVersionNeverOverwrites() {
		Viewer rep = rep();
		UUID account = account(rep);
		Activity note = this.activities.create(rep,
				ActivityDetails.note("First", rep.id()).linkedTo(account, null, null));
		this.activities.update(rep, note.id(), 0,
				ActivityDetails.note("Second", rep.id()).linkedTo(account, null, null));

		assertThatThrownBy(() -> this.activities.update(rep, note.id(), 0,
				ActivityDetails.note("Lost", rep.id()).linkedTo(account, null, null)))
			.isInstanceOf(StaleRecordException.class);
		assertThat(this.activities.get(rep, note.id()).body()).isEqualTo("Second");
	}

}
