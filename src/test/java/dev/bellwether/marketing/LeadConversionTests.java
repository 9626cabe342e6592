package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Converting a lead: what is there already is used rather than copied, what the lead
 * becomes is linked both ways, its campaign touches follow it, and each refusal says why.
 */
@IntegrationTest
class LeadConversionTests {

	@Autowired
	Leads leads;

	@Autowired
	LeadConversions conversions;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignMembers members;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	dev.bellwether.platform.picklist.PickLists pickLists;

	private User rep;

	private Viewer viewer;

	private String tag;

	@BeforeEach
	void aRep() {
		this.rep = this.users.create(Role.REP);
		this.viewer = TestUsers.viewer(this.rep);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	private Lead lead(String company, String email) {
		return this.leads.create(this.viewer, new LeadDetails("Grace", "Hopper " + this.tag, company, "CTO", email,
				"+1 202 555 0100", "US", null, null, null, this.rep.id(), null));
	}

	private LeadConversion withDeal(Lead lead) {
		return new LeadConversion(lead.version(), null, null, true, null, null, new BigDecimal("25000"),
				LocalDate.now(this.clock).plusDays(45));
	}

	@Test
	void aLeadOfANewCompanyBecomesANewAccountContactAndDeal() {
		Lead lead = lead("Cobol Works " + this.tag, "grace@cobol-" + this.tag + ".example");
		LeadConverted converted = this.conversions.convert(this.viewer, lead.id(), withDeal(lead));

		assertThat(converted.accountCreated()).isTrue();
		assertThat(converted.contactCreated()).isTrue();
		Account account = this.accounts.get(this.viewer, converted.accountId());
		assertThat(account.details().name()).isEqualTo("Cobol Works " + this.tag);
		assertThat(account.details().website()).isEqualTo("cobol-" + this.tag + ".example");
		Contact contact = this.contacts.get(this.viewer, converted.contactId());
		assertThat(contact.details().accountId()).isEqualTo(account.id());
		assertThat(contact.details().email()).isEqualTo(lead.email());
		Opportunity deal = this.opportunities.get(this.viewer, converted.opportunityId());
		assertThat(deal.name()).isEqualTo("Cobol Works " + this.tag + " – Grace Hopper " + this.tag);
		assertThat(deal.details().primaryContactId()).isEqualTo(contact.id());
		assertThat(deal.details().amount()).isEqualByComparingTo("25000");
		assertThat(deal.isOpen()).isTrue();

		Lead after = this.leads.get(this.viewer, lead.id());
		assertThat(after.status()).isEqualTo(LeadStatus.QUALIFIED);
		assertThat(after.convertedAccountId()).isEqualTo(account.id());
		assertThat(after.convertedContactId()).isEqualTo(contact.id());
		assertThat(after.convertedOpportunityId()).isEqualTo(deal.id());
		assertThat(after.convertedAt()).isNotNull().isBeforeOrEqualTo(this.clock.instant());

		// converting twice is refused, naming when it was converted
		assertThatThrownBy(() -> this.conversions.convert(this.viewer, lead.id(), withDeal(after)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("converted already");
	}

	@Test
	void theAccountAndContactThatExistAreUsedNotCopied() {
		Account existing = this.customers.account(this.rep, "Harvard Mark " + this.tag, null);
		Contact known = this.customers.contact(this.rep, "Grace", "Hopper", "g.hopper-" + this.tag + "@example.com",
				existing.id());
		// a free-mail domain says nothing of the company: the name matches
		Lead lead = lead("harvard  MARK " + this.tag, "G.Hopper-" + this.tag + "@example.com");
		LeadConverted converted = this.conversions.convert(this.viewer, lead.id(),
				new LeadConversion(lead.version(), null, null, false, null, null, null, null));
		assertThat(converted.accountCreated()).isFalse();
		assertThat(converted.accountId()).isEqualTo(existing.id());
		assertThat(converted.contactCreated()).isFalse();
		assertThat(converted.contactId()).isEqualTo(known.id());
		assertThat(converted.opportunityId()).isNull();
		assertThat(this.jdbc.sql("select count(*) from accounts where lower(name) like lower(:name)")
			.param("name", "%mark " + this.tag)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void campaignTouchesFollowTheLeadToItsContact() {
		User marketer = this.users.create(Role.MARKETING);
		Viewer marketing = TestUsers.viewer(marketer);
		Campaign webinar = this.campaigns.create(marketing, new CampaignDetails("Webinar " + this.tag, null,
				CampaignStatus.ACTIVE, null, null, null, null, marketer.id(), null));
		Lead lead = lead("Touch Co " + this.tag, "grace@touch-" + this.tag + ".example");
		this.members.add(marketing, webinar.id(), CampaignMemberType.LEAD, List.of(lead.id()),
				CampaignMemberStatus.RESPONDED);

		LeadConverted converted = this.conversions.convert(this.viewer, lead.id(), withDeal(lead));
		assertThat(converted.campaignsCarried()).isOne();
		List<Object> touches = this.jdbc
			.sql("select responded_at from campaign_members where campaign_id = :campaign and member_type = :type"
					+ " and member_id = :member")
			.param("campaign", webinar.id())
			.param("type", "CONTACT")
			.param("member", converted.contactId())
			.query((rs, n) -> rs.getObject(1))
			.list();
		assertThat(touches).singleElement().isNotNull();
	}

	@Test
	void eachRefusalSaysWhy() {
		// several accounts with the company's name: the user chooses
		Account one = this.customers.account(this.rep, "Twin " + this.tag, null);
		this.customers.account(this.rep, "TWIN " + this.tag, null);
		Lead twin = lead("Twin " + this.tag, null);
		assertThatThrownBy(() -> this.conversions.convert(this.viewer, twin.id(), withDeal(twin)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("2 accounts match")
			.hasMessageContaining("choose one");
		LeadConverted chosen = this.conversions.convert(this.viewer, twin.id(),
				new LeadConversion(twin.version(), one.id(), null, false, null, null, null, null));
		assertThat(chosen.accountId()).isEqualTo(one.id());

		// a deal needs its close date; a stale lead is not converted
		Lead lead = lead("Refusals " + this.tag, null);
		assertThatThrownBy(() -> this.conversions.convert(this.viewer, lead.id(),
				new LeadConversion(lead.version(), null, null, true, null, null, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey("closeDate"));
		assertThatThrownBy(() -> this.conversions.convert(this.viewer, lead.id(),
				new LeadConversion(lead.version() - 1, null, null, false, null, null, null, null)))
			.isInstanceOf(StaleRecordException.class);

		// a disqualified lead is reopened first
		Lead out = this.leads.changeStatus(this.viewer, lead.id(), lead.version(), LeadStatus.DISQUALIFIED, reason());
		assertThatThrownBy(() -> this.conversions.convert(this.viewer, out.id(), withDeal(out)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reopen");

		// a marketing user's lead names a sales person to own what it becomes
		User marketer = this.users.create(Role.MARKETING);
		Viewer marketing = TestUsers.viewer(marketer);
		Lead theirs = this.leads.create(marketing, new LeadDetails(null, "Owned " + this.tag, "Mkt Co " + this.tag,
				null, null, null, null, null, null, null, marketer.id(), null));
		assertThatThrownBy(() -> this.conversions.convert(marketing, theirs.id(),
				new LeadConversion(theirs.version(), null, null, false, null, null, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey("ownerId"));

		// another rep's lead, or an account that is not there, is not found
		User other = this.users.create(Role.REP);
		Lead mine = lead("Mine " + this.tag, null);
		assertThatThrownBy(() -> this.conversions.convert(this.viewer, mine.id(),
				new LeadConversion(mine.version(), UUID.randomUUID(), null, false, null, null, null, null)))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> this.conversions.convert(TestUsers.viewer(other), mine.id(), withDeal(mine)))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(this.leads.get(this.viewer, mine.id()).isConverted()).isFalse();
	}

	private String reason() {
		dev.bellwether.platform.picklist.PickList list = this.pickLists.get(Leads.DISQUALIFY_REASONS);
		return list.stored(list.activeValues().get(0));
	}

}
