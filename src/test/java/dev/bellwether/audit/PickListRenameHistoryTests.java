package dev.bellwether.audit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records that follow a renamed pick-list value get one field-history row each — the old
 * label and the new, by the administrator who renamed, when — written with their update
 * (so there as soon as the record shows the new label); records with other values are
 * left alone.
 */
@IntegrationTest
class PickListRenameHistoryTests {

	static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Activities activities;

	@Autowired
	PickLists pickLists;

	@Autowired
	FieldHistory history;

	@Autowired
	TestUsers users;

	@Autowired
	Clock clock;

	private User user;

	private Viewer rep;

	private UUID admin;

	private String tag;

	@BeforeEach
	void setUp() {
		this.user = this.users.create(Role.REP);
		this.rep = TestUsers.viewer(this.user);
		this.admin = this.users.create(Role.ADMIN).id();
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	private Account account(String name, String industry) {
		return this.accounts.create(this.rep, new AccountDetails(name + " " + this.tag, null, industry, null, null,
				null, null, null, null, null, null, null, this.user.id(), null));
	}

	private List<FieldHistoryEntry> updates(String recordType, UUID id) {
		return this.history.of(recordType, id, PageRequest.of(0, 50))
			.stream()
			.filter(entry -> entry.kind() == ChangeKind.UPDATED)
			.toList();
	}

	private void followedTheRename(String recordType, UUID id, String field, String oldLabel, String newLabel,
			Instant renamedAt) {
		assertThat(updates(recordType, id)).singleElement().satisfies(entry -> {
			assertThat(entry.field()).isEqualTo(field);
			assertThat(entry.oldValue()).isEqualTo(oldLabel);
			assertThat(entry.newValue()).isEqualTo(newLabel);
			assertThat(entry.changedBy()).isEqualTo(this.admin);
			assertThat(entry.changedAt()).isEqualTo(renamedAt);
		});
	}

	@Test
	void accountsThatFollowARenamedIndustryHaveItInTheirHistory() {
		PickListValue value = this.pickLists.add(this.admin, "industry", "Robotics " + this.tag);
		Account first = account("Servo Co", value.label());
		Account second = account("Gearbox Co", value.label());
		Account other = account("Bank Co", "Banking");

		this.pickLists.rename(this.admin, "industry", value.key(), "Robotics & Automation " + this.tag);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.accounts.get(this.rep, second.id()).industry())
				.isEqualTo("Robotics & Automation " + this.tag));
		for (Account account : List.of(first, second)) {
			Account renamed = this.accounts.get(this.rep, account.id());
			followedTheRename("account", account.id(), "industry", value.label(), renamed.industry(),
					renamed.updatedAt());
		}
		assertThat(this.accounts.get(this.rep, other.id()).version()).isEqualTo(other.version());
		assertThat(updates("account", other.id())).isEmpty();
	}

	@Test
	void dealsThatFollowARenamedLeadSourceHaveItInTheirHistory() {
		PickListValue value = this.pickLists.add(this.admin, "lead-source", "Podcast " + this.tag);
		Account account = account("Listener Co", null);
		Opportunity deal = this.opportunities.create(this.rep, deal(account, value.label()));
		Opportunity other = this.opportunities.create(this.rep, deal(account, "Trade Show"));

		this.pickLists.rename(this.admin, "lead-source", value.key(), "Podcast ad " + this.tag);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.opportunities.get(this.rep, deal.id()).leadSource())
				.isEqualTo("Podcast ad " + this.tag));
		Opportunity renamed = this.opportunities.get(this.rep, deal.id());
		followedTheRename("opportunity", deal.id(), "leadSource", value.label(), renamed.leadSource(),
				renamed.updatedAt());
		assertThat(this.opportunities.get(this.rep, other.id()).version()).isEqualTo(other.version());
		assertThat(updates("opportunity", other.id())).isEmpty();
	}

	@Test
	void callsThatFollowARenamedTypeHaveItInTheirHistory() {
		PickListValue value = this.pickLists.add(this.admin, "call-type", "Check-in " + this.tag);
		Account account = account("Caller Co", null);
		Activity call = this.activities.create(this.rep, call(account, value.label()));
		Activity other = this.activities.create(this.rep, call(account, null));

		this.pickLists.rename(this.admin, "call-type", value.key(), "Check-in call " + this.tag);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.activities.get(this.rep, call.id()).subType())
				.isEqualTo("Check-in call " + this.tag));
		Activity renamed = this.activities.get(this.rep, call.id());
		followedTheRename("activity", call.id(), "subType", value.label(), renamed.subType(), renamed.updatedAt());
		assertThat(this.activities.get(this.rep, other.id()).version()).isEqualTo(other.version());
		assertThat(updates("activity", other.id())).isEmpty();
	}

	private OpportunityDetails deal(Account account, String leadSource) {
		return new OpportunityDetails("Renamed source deal " + this.tag, account.id(), null, this.user.id(),
				PROSPECTING, new BigDecimal("1000.00"), false, LocalDate.now(this.clock).plusDays(30), null, null, null,
				leadSource, null, null);
	}

	private ActivityDetails call(Account account, String subType) {
		return ActivityDetails
			.call("Call " + this.tag, null, Instant.parse("2026-06-16T09:00:00Z"), null, this.user.id())
			.linkedTo(account.id(), null, null)
			.withSubType(subType);
	}

}
