package dev.bellwether.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit module on its own: it learns about changes only from {@link RecordChanged}
 * events — published here as any module would, in a transaction, and handled after commit
 * through the event publication registry.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class AuditModuleTests {

	@Autowired
	FieldHistory history;

	@Autowired
	Clock clock;

	@Autowired
	FieldHistoryRecorder recorder;

	@Autowired
	FieldHistoryTimeline timeline;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	private User user(String name) {
		String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
		return this.users.create(
				new UserProfile(username, name, username + "@test.example", null, Role.REP, null, null, null, null),
				"secret password", null);
	}

	private long rows(UUID recordId) {
		return this.jdbc.sql("select count(*) from field_history where record_id = :id")
			.param("id", recordId)
			.query(Long.class)
			.single();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	@Test
	void anUpdateWritesOneRowPerChangedFieldWithOwnersShownByName(Scenario scenario) {
		User editor = user("Edith Editor");
		User oldOwner = user("Olga Old");
		User newOwner = user("Nils New");
		UUID account = UUID.randomUUID();
		RecordChanged event = new RecordChanged("account", account, ChangeKind.UPDATED, editor.id(), now(),
				List.of(new FieldChange("phone", "+1 555 0100", "+1 555 0199"),
						new FieldChange("website", null, "https://example.com"),
						new FieldChange("ownerId", oldOwner.id().toString(), newOwner.id().toString())));

		scenario.publish(event).andWaitForStateChange(() -> rows(account), count -> count == 3).andVerify(count -> {
			Page<FieldHistoryEntry> page = this.history.of("account", account, PageRequest.of(0, 10));
			assertThat(page.getTotalElements()).isEqualTo(3);
			assertThat(page.getContent()).extracting(FieldHistoryEntry::field)
				.as("the fields in the order the module compared them")
				.containsExactly("phone", "website", "ownerId");
			FieldHistoryEntry owner = page.getContent().get(2);
			assertThat(owner.label()).isEqualTo("Owner");
			assertThat(owner.oldValue()).isEqualTo(oldOwner.id().toString());
			assertThat(owner.oldText()).isEqualTo("Olga Old");
			assertThat(owner.newText()).isEqualTo("Nils New");
			assertThat(owner.changedBy()).isEqualTo(editor.id());
			assertThat(owner.changedByName()).isEqualTo("Edith Editor");
			assertThat(owner.changedAt()).isEqualTo(event.at());
			assertThat(page.getContent().get(0).oldText()).isEqualTo("+1 555 0100");
			assertThat(page.getContent().get(0).newText()).isEqualTo("+1 555 0199");
		});
	}

	@Test
	void aChangeWithoutFieldsWritesOneRowWithoutAField(Scenario scenario) {
		User actor = user("Dora Deleter");
		UUID contact = UUID.randomUUID();

		scenario.publish(new RecordChanged("contact", contact, ChangeKind.DELETED, actor.id(), now(), List.of()))
			.andWaitForStateChange(() -> rows(contact), count -> count == 1)
			.andVerify(count -> {
				FieldHistoryEntry row = this.history.of("contact", contact, PageRequest.of(0, 10)).getContent().get(0);
				assertThat(row.field()).isNull();
				assertThat(row.kind()).isEqualTo(ChangeKind.DELETED);
				assertThat(row.label()).isEqualTo("Moved to the recycle bin");
			});
	}

	@Test
	void anUpdateWithoutChangesWritesNothing() {
		UUID record = UUID.randomUUID();

		int written = this.recorder
			.record(new RecordChanged("account", record, ChangeKind.UPDATED, null, now(), List.of()));

		assertThat(written).isZero();
		assertThat(rows(record)).isZero();
	}

	@Test
	void anEventDeliveredAgainAfterACrashWritesNoSecondCopy() {
		UUID record = UUID.randomUUID();
		RecordChanged event = new RecordChanged("account", record, ChangeKind.CREATED, null, now(),
				List.of(new FieldChange("name", null, "Acme"), new FieldChange("country", null, "DE")));

		assertThat(this.recorder.record(event)).isEqualTo(2);
		assertThat(this.recorder.record(event)).isZero();
		assertThat(rows(record)).isEqualTo(2);

		RecordChanged sameTimeOtherValue = new RecordChanged("account", record, ChangeKind.CREATED, null, event.at(),
				List.of(new FieldChange("name", null, "Acme Ltd")));
		assertThat(this.recorder.record(sameTimeOtherValue)).as("a different change is not taken for a repeat")
			.isEqualTo(1);
	}

	@Test
	void timelineHasOneEntryPerChangeNewestFirstAndPagesWithoutGapsOrRepeats() {
		User actor = user("Tim Line");
		UUID account = UUID.randomUUID();
		Instant created = now().minus(3, ChronoUnit.DAYS);
		this.recorder.record(new RecordChanged("account", account, ChangeKind.CREATED, actor.id(), created,
				List.of(new FieldChange("name", null, "Acme"))));
		this.recorder.record(new RecordChanged("account", account, ChangeKind.UPDATED, actor.id(),
				created.plus(1, ChronoUnit.DAYS), List.of(new FieldChange("phone", null, "+49 30 1234"),
						new FieldChange("billingCity", "Bonn", "Berlin"))));
		this.recorder.record(new RecordChanged("account", account, ChangeKind.DELETED, actor.id(),
				created.plus(2, ChronoUnit.DAYS), List.of()));
		this.recorder.record(new RecordChanged("account", account, ChangeKind.RESTORED, actor.id(),
				created.plus(2, ChronoUnit.DAYS).plusSeconds(60), List.of()));

		List<TimelineEntry> first = this.timeline.entries("account", account, null, 2);
		List<TimelineEntry> rest = this.timeline.entries("account", account, first.get(1).cursor(), 10);

		assertThat(first).extracting(TimelineEntry::summary)
			.containsExactly("Restored from the recycle bin", "Moved to the recycle bin");
		assertThat(rest).extracting(TimelineEntry::summary).containsExactly("Updated phone, billing city", "Created");
		assertThat(rest.get(0).changes()).containsExactly(new FieldChange("Phone", null, "+49 30 1234"),
				new FieldChange("Billing city", "Bonn", "Berlin"));
		assertThat(rest.get(0).source()).isEqualTo("field-history");
		assertThat(rest.get(0).type()).isEqualTo("UPDATED");
		assertThat(rest.get(0).actorId()).isEqualTo(actor.id());
		assertThat(this.timeline.entries("account", account, rest.get(1).cursor(), 10)).isEmpty();
	}

	@Test
	void aDealsTimelineLeavesOutWhatItsStageHistoryShows() {
		User actor = user("Deal Maker");
		UUID deal = UUID.randomUUID();
		Instant created = now().minus(2, ChronoUnit.DAYS);
		this.recorder.record(new RecordChanged("opportunity", deal, ChangeKind.CREATED, actor.id(), created,
				List.of(new FieldChange("name", null, "Fleet"), new FieldChange("stage", null, "Proposal"))));
		this.recorder.record(new RecordChanged("opportunity", deal, ChangeKind.UPDATED, actor.id(),
				created.plus(1, ChronoUnit.DAYS), List.of(new FieldChange("stage", "Proposal", "Negotiation"),
						new FieldChange("nextStep", null, "Send contract"))));
		this.recorder.record(new RecordChanged("opportunity", deal, ChangeKind.UPDATED, actor.id(),
				created.plus(2, ChronoUnit.DAYS), List.of(new FieldChange("amount", "10", "20"))));

		assertThat(this.timeline.entries("opportunity", deal, null, 10)).singleElement().satisfies(entry -> {
			assertThat(entry.summary()).isEqualTo("Updated next step");
			assertThat(entry.changes()).containsExactly(new FieldChange("Next step", null, "Send contract"));
		});
		assertThat(this.history.of("opportunity", deal, org.springframework.data.domain.PageRequest.of(0, 10))
			.getTotalElements()).isEqualTo(5);
	}

	@Test
	void listsEverythingOneUserChanged() {
		User actor = user("Busy Bee");
		Instant at = now();
		this.recorder.record(new RecordChanged("account", UUID.randomUUID(), ChangeKind.UPDATED, actor.id(), at,
				List.of(new FieldChange("phone", "1", "2"))));
		this.recorder.record(new RecordChanged("contact", UUID.randomUUID(), ChangeKind.UPDATED, actor.id(),
				at.plusSeconds(1), List.of(new FieldChange("email", "a@example.com", "b@example.com"))));

		Page<FieldHistoryEntry> changes = this.history.by(actor.id(), PageRequest.of(0, 10));

		assertThat(changes.getContent()).extracting(FieldHistoryEntry::recordType)
			.containsExactly("contact", "account");
	}

}
