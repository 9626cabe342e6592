package dev.bellwether.marketing;

import java.time.Duration;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.audit.FieldHistory;
import dev.bellwether.audit.FieldHistoryEntry;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The lead service on the whole application: its rules (validation, status moves, a
 * reason to disqualify, versions), its recycle bin and the field history its changes
 * leave.
 */
@IntegrationTest
class LeadsTests {

	@Autowired
	Leads leads;

	@Autowired
	TestUsers users;

	@Autowired
	FieldHistory history;

	@Autowired
	PickLists pickLists;

	@Autowired
	JdbcClient jdbc;

	static LeadDetails lead(String lastName, UUID owner) {
		return new LeadDetails("Ada", lastName, "Analytical Engines", "CTO", "ada@engines.example", "+44 20 7946 0000",
				"GB", "Webinar", null, null, owner, null);
	}

	private Viewer rep() {
		return TestUsers.viewer(this.users.create(Role.REP));
	}

	@Test
	void createsANewLeadWithItsPickListValuesAsStored() {
		Viewer rep = rep();

		Lead lead = this.leads.create(rep, new LeadDetails(" Ada ", "Lovelace", null, null, null, null, "gb", "webinar",
				null, "No budget", rep.id(), null));

		assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
		assertThat(lead.firstName()).isEqualTo("Ada");
		assertThat(lead.country()).isEqualTo("GB");
		assertThat(lead.source()).isEqualTo("Webinar");
		assertThat(lead.disqualifyReason()).as("only a disqualified lead keeps a reason").isNull();
		assertThat(lead.version()).isZero();
		assertThat(lead.lastTouchedAt()).isEqualTo(lead.createdAt());
		assertThat(lead.fullName()).isEqualTo("Ada Lovelace");
	}

	@Test
	void namesEveryWrongFieldAtOnce() {
		Viewer rep = rep();

		assertThatThrownBy(() -> this.leads.create(rep,
				new LeadDetails(null, " ", null, null, "not-an-address", "call me", "XX", "Carrier pigeon", null, null,
						rep.id(), null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsEntry("lastName", "Enter the lead's last name.")
						.containsEntry("email", "Enter an e-mail address such as name@example.com.")
						.containsKeys("phone", "country", "source"));
	}

	@Test
	void disqualifyingNeedsAReasonFromItsList() {
		Viewer rep = rep();
		Lead lead = this.leads.create(rep, lead("Reasonless", rep.id()));

		assertThatThrownBy(() -> this.leads.changeStatus(rep, lead.id(), 0, LeadStatus.DISQUALIFIED, null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors())
				.containsEntry("disqualifyReason", "Choose why the lead is disqualified."));
		assertThatThrownBy(
				() -> this.leads.changeStatus(rep, lead.id(), 0, LeadStatus.DISQUALIFIED, "Didn't like the logo"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("disqualifyReason"));

		Lead disqualified = this.leads.changeStatus(rep, lead.id(), 0, LeadStatus.DISQUALIFIED, "no budget");
		assertThat(disqualified.status()).isEqualTo(LeadStatus.DISQUALIFIED);
		assertThat(disqualified.disqualifyReason()).isEqualTo("No budget");

		Lead reopened = this.leads.changeStatus(rep, lead.id(), 1, LeadStatus.WORKING, null);
		assertThat(reopened.status()).isEqualTo(LeadStatus.WORKING);
		assertThat(reopened.disqualifyReason()).isNull();
	}

	@Test
	void keepsEveryStatusTheLeadEnteredAndWhenItWasFirstAccepted() {
		Viewer rep = rep();
		Lead lead = this.leads.create(rep, lead("Journey", rep.id()));
		assertThat(lead.acceptedAt()).isNull();

		Lead disqualified = this.leads.changeStatus(rep, lead.id(), 0, LeadStatus.DISQUALIFIED, "No budget");
		assertThat(disqualified.acceptedAt()).as("disqualified straight from new: never taken on").isNull();
		Lead working = this.leads.changeStatus(rep, lead.id(), 1, LeadStatus.WORKING, null);
		assertThat(working.acceptedAt()).isNotNull().isAfter(lead.createdAt());
		Lead qualified = this.leads.changeStatus(rep, lead.id(), 2, LeadStatus.QUALIFIED, null);
		assertThat(qualified.acceptedAt()).as("set once").isEqualTo(working.acceptedAt());

		assertThat(this.jdbc.sql("""
				select coalesce(from_status, '-') || '>' || to_status from lead_status_changes
				where lead_id = :id order by changed_at, id
				""").param("id", lead.id()).query(String.class).list()).containsExactly("->NEW", "NEW>DISQUALIFIED",
				"DISQUALIFIED>WORKING", "WORKING>QUALIFIED");
	}

	@Test
	void movesOnlyAlongTheLifecycle() {
		Viewer rep = rep();
		Lead lead = this.leads.create(rep, lead("Lifecycle", rep.id()));
		Lead working = this.leads.changeStatus(rep, lead.id(), 0, LeadStatus.WORKING, null);

		assertThatThrownBy(() -> this.leads.changeStatus(rep, lead.id(), working.version(), LeadStatus.NEW, null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors())
				.containsEntry("status", "A working lead can move to qualified or disqualified only, not to new."));

		Lead qualified = this.leads.changeStatus(rep, lead.id(), working.version(), LeadStatus.QUALIFIED, null);
		assertThat(qualified.status()).isEqualTo(LeadStatus.QUALIFIED);
		assertThatThrownBy(() -> this.leads.changeStatus(rep, lead.id(), qualified.version(), LeadStatus.DISQUALIFIED,
				"No budget"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void refusesAChangeBasedOnAStaleVersion() {
		Viewer rep = rep();
		Lead lead = this.leads.create(rep, lead("Stale", rep.id()));
		this.leads.update(rep, lead.id(), 0, lead("Stale 2", rep.id()));

		assertThatThrownBy(() -> this.leads.update(rep, lead.id(), 0, lead("Stale 3", rep.id())))
			.isInstanceOf(StaleRecordException.class);
		assertThat(this.leads.get(rep, lead.id()).lastName()).isEqualTo("Stale 2");
	}

	@Test
	void aRepMayNotGiveALeadToAnotherRep() {
		Viewer rep = rep();
		Viewer other = rep();
		Lead lead = this.leads.create(rep, lead("Kept", rep.id()));

		assertThatThrownBy(() -> this.leads.update(rep, lead.id(), 0, lead("Kept", other.id())))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void marketingCreatesLeadsForSalesPeopleAndSeesThemAll() {
		User manager = this.users.create(Role.MANAGER);
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP, manager.id()));
		Viewer marketing = TestUsers.viewer(this.users.create(Role.MARKETING));
		String name = "Handed " + UUID.randomUUID();

		Lead lead = this.leads.create(marketing, lead(name, rep.id()));

		assertThat(lead.ownerId()).isEqualTo(rep.id());
		assertThat(this.leads.list(marketing, new LeadFilter(name, null, null, null, null), PageRequest.of(0, 10)))
			.extracting(Lead::id)
			.containsExactly(lead.id());
		assertThat(this.leads.list(rep, new LeadFilter(name, "open", "Webinar", "GB", rep.id()), PageRequest.of(0, 10)))
			.extracting(Lead::id)
			.containsExactly(lead.id());
		assertThat(this.leads.search(TestUsers.viewer(manager), name, 5)).extracting(Lead::id)
			.containsExactly(lead.id());
		Viewer stranger = rep();
		assertThat(this.leads.list(stranger, new LeadFilter(name, null, null, null, null), PageRequest.of(0, 10)))
			.isEmpty();
		assertThat(this.leads.search(stranger, name, 5)).isEmpty();
		assertThatThrownBy(() -> this.leads.get(stranger, lead.id())).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void listsPageByPageInTheChosenOrder() {
		Viewer rep = rep();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		for (String name : new String[] { "Cee", "Bee", "Ay" }) {
			this.leads.create(rep, lead(name + " " + tag, rep.id()));
		}
		LeadFilter filter = new LeadFilter(tag, null, null, null, rep.id());

		var first = this.leads.list(rep, filter, PageRequest.of(0, 2, Sort.by("name")));
		var second = this.leads.list(rep, filter, PageRequest.of(1, 2, Sort.by("name")));

		assertThat(first.getTotalElements()).isEqualTo(3);
		assertThat(first).extracting(Lead::lastName).containsExactly("Ay " + tag, "Bee " + tag);
		assertThat(second).extracting(Lead::lastName).containsExactly("Cee " + tag);
		assertThatThrownBy(() -> this.leads.list(rep, filter, PageRequest.of(0, 2, Sort.by("shoeSize"))))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> this.leads.list(rep, new LeadFilter(null, "HOT", null, null, null), PageRequest.of(0, 2)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("status"));
	}

	@Test
	void goesToTheRecycleBinAndComesBack() {
		Viewer rep = rep();
		Lead lead = this.leads.create(rep, lead("Binned", rep.id()));

		this.leads.delete(rep, lead.id());

		assertThatThrownBy(() -> this.leads.get(rep, lead.id())).isInstanceOf(RecordNotFoundException.class);
		assertThat(this.leads.deleted(rep, PageRequest.of(0, 20))).extracting(Lead::id).contains(lead.id());
		assertThat(this.leads.deleted(rep(), PageRequest.of(0, 20))).extracting(Lead::id).doesNotContain(lead.id());
		assertThatThrownBy(() -> this.leads.purge(rep, lead.id())).isInstanceOf(ForbiddenException.class);

		Lead restored = this.leads.restore(rep, lead.id());
		assertThat(restored.isDeleted()).isFalse();
		assertThat(this.leads.get(rep, lead.id()).lastName()).isEqualTo("Binned");

		this.leads.delete(rep, lead.id());
		this.leads.purge(TestUsers.viewer(this.users.create(Role.ADMIN)), lead.id());
		assertThatThrownBy(() -> this.leads.restore(rep, lead.id())).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void everyChangeIsInTheFieldHistory() {
		Viewer rep = rep();
		Lead lead = this.leads.create(rep, lead("Historic", rep.id()));
		this.leads.changeStatus(rep, lead.id(), 0, LeadStatus.DISQUALIFIED, "No budget");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.history.of(Leads.RECORD_TYPE, lead.id(), PageRequest.of(0, 50))
				.stream()
				.anyMatch(entry -> "disqualifyReason".equals(entry.field())));
		assertThat(this.history.of(Leads.RECORD_TYPE, lead.id(), PageRequest.of(0, 50)))
			.extracting(FieldHistoryEntry::field)
			.contains("lastName", "company", "source", "status", "disqualifyReason");
	}

	@Test
	void followsARenamedSourceAndDisqualifyReason() {
		Viewer rep = rep();
		UUID admin = this.users.create(Role.ADMIN).id();
		String tag = UUID.randomUUID().toString().substring(0, 6);
		PickListValue source = this.pickLists.add(admin, Leads.SOURCES, "Podcast " + tag);
		PickListValue reason = this.pickLists.add(admin, Leads.DISQUALIFY_REASONS, "Wrong planet " + tag);
		Lead lead = this.leads.create(rep, new LeadDetails(null, "Renamed " + tag, null, null, null, null, null,
				source.label(), LeadStatus.DISQUALIFIED, reason.label(), rep.id(), null));

		this.pickLists.rename(admin, Leads.SOURCES, source.key(), "Podcast ad " + tag);
		this.pickLists.rename(admin, Leads.DISQUALIFY_REASONS, reason.key(), "Wrong galaxy " + tag);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Lead now = this.leads.get(rep, lead.id());
			assertThat(now.source()).isEqualTo("Podcast ad " + tag);
			assertThat(now.disqualifyReason()).isEqualTo("Wrong galaxy " + tag);
			assertThat(now.version()).as("a form opened before the renames is stale").isEqualTo(2);
		});
	}

}
