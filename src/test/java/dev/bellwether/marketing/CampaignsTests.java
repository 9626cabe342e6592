package dev.bellwether.marketing;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Contact;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CampaignsTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignCosts costs;

	@Autowired
	CampaignMembers members;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	JdbcClient jdbc;

	private Viewer marketing;

	@BeforeEach
	void signIn() {
		this.marketing = TestUsers.viewer(this.users.create(Role.MARKETING));
	}

	@Test
	void createsACampaignWithItsTypeAsThePickListKey() {
		Campaign created = this.campaigns.create(this.marketing,
				details("Spring webinar", "Webinar", CampaignStatus.PLANNED, null));

		assertThat(created.type()).isEqualTo("webinar");
		assertThat(created.ownerId()).isEqualTo(this.marketing.id());
		assertThat(created.actualCost()).isEqualByComparingTo("0");
		assertThat(created.version()).isZero();
	}

	@Test
	void refusesAnEndBeforeTheStartANegativeBudgetAndAnUnknownType() {
		CampaignDetails bad = new CampaignDetails("Backwards", "Carrier pigeon", CampaignStatus.PLANNED,
				LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 1), new BigDecimal("-1"), null, null, null);

		assertThatThrownBy(() -> this.campaigns.create(this.marketing, bad)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors())
				.containsKeys("endDate", "budget", "type")
				.containsEntry("endDate", "The end date can't be before the start date."));
	}

	@Test
	void refusesAParentThatIsTheCampaignItselfOrOneUnderIt() {
		Campaign top = this.campaigns.create(this.marketing, details("Top", null, CampaignStatus.PLANNED, null));
		Campaign middle = this.campaigns.create(this.marketing,
				details("Middle", null, CampaignStatus.PLANNED, top.id()));
		Campaign bottom = this.campaigns.create(this.marketing,
				details("Bottom", null, CampaignStatus.PLANNED, middle.id()));

		assertThatThrownBy(() -> this.campaigns.update(this.marketing, top.id(), top.version(),
				details("Top", null, CampaignStatus.PLANNED, bottom.id())))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors().get("parentId"))
				.contains("round in a circle"));
		assertThatThrownBy(() -> this.campaigns.update(this.marketing, top.id(), top.version(),
				details("Top", null, CampaignStatus.PLANNED, top.id())))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors().get("parentId"))
				.isEqualTo("A campaign can't be its own parent."));
	}

	@Test
	void statusOnlyMovesForward() {
		Campaign campaign = this.campaigns.create(this.marketing, details("Fair", null, CampaignStatus.PLANNED, null));
		Campaign active = this.campaigns.update(this.marketing, campaign.id(), 0,
				details("Fair", null, CampaignStatus.ACTIVE, null));
		Campaign completed = this.campaigns.update(this.marketing, campaign.id(), active.version(),
				details("Fair", null, CampaignStatus.COMPLETED, null));

		assertThat(completed.status()).isEqualTo(CampaignStatus.COMPLETED);
		assertThatThrownBy(() -> this.campaigns.update(this.marketing, campaign.id(), completed.version(),
				details("Fair", null, CampaignStatus.ACTIVE, null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKey("status"));
	}

	@Test
	void aStaleVersionIsRefused() {
		Campaign campaign = this.campaigns.create(this.marketing, details("Twice", null, CampaignStatus.PLANNED, null));
		this.campaigns.update(this.marketing, campaign.id(), 0, details("Once", null, CampaignStatus.PLANNED, null));

		assertThatThrownBy(() -> this.campaigns.update(this.marketing, campaign.id(), 0,
				details("Again", null, CampaignStatus.PLANNED, null)))
			.isInstanceOf(StaleRecordException.class);
	}

	@Test
	void refusesANegativeCostAndAnyNewCostOnAClosedCampaign() {
		Campaign campaign = this.campaigns.create(this.marketing,
				details("Aborted show", null, CampaignStatus.ACTIVE, null));

		assertThatThrownBy(() -> this.costs.add(this.marketing, campaign.id(),
				new CampaignCostDetails(LocalDate.of(2026, 6, 1), "Hall", new BigDecimal("-10.00"), null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsEntry("amount",
					"A cost can't be negative."));

		Campaign aborted = this.campaigns.update(this.marketing, campaign.id(), campaign.version(),
				details("Aborted show", null, CampaignStatus.ABORTED, null));
		assertThat(aborted.isClosed()).isTrue();
		assertThatThrownBy(() -> this.costs.add(this.marketing, campaign.id(),
				new CampaignCostDetails(LocalDate.of(2026, 6, 1), "Hall", new BigDecimal("10.00"), null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("closed campaign takes no new costs");
		assertThat(this.costs.list(this.marketing, campaign.id())).isEmpty();
	}

	@Test
	void rollsUpTheCostOfTheWholeHierarchyToTheCent() {
		Campaign top = this.campaigns.create(this.marketing, new CampaignDetails("Year of events", null,
				CampaignStatus.ACTIVE, null, null, new BigDecimal("5000"), null, null, null));
		Campaign fair = this.campaigns.create(this.marketing,
				details("Spring fair", null, CampaignStatus.ACTIVE, top.id()));
		Campaign booth = this.campaigns.create(this.marketing,
				details("Fair booth", null, CampaignStatus.ACTIVE, fair.id()));
		Campaign dinner = this.campaigns.create(this.marketing,
				details("Fair dinner", null, CampaignStatus.ACTIVE, fair.id()));
		Campaign unrelated = this.campaigns.create(this.marketing,
				details("Unrelated", null, CampaignStatus.ACTIVE, null));
		cost(top, "1000.10");
		cost(fair, "250.25");
		cost(booth, "1999.99");
		cost(booth, "0.01");
		cost(dinner, "333.33");
		cost(unrelated, "9999.99");

		CampaignCostRollup rollup = this.campaigns.rollup(this.marketing, top.id());

		BigDecimal independent = this.jdbc.sql("""
				select sum(amount) from campaign_costs where campaign_id in (:a, :b, :c, :d)
				""")
			.param("a", top.id())
			.param("b", fair.id())
			.param("c", booth.id())
			.param("d", dinner.id())
			.query(BigDecimal.class)
			.single();
		assertThat(rollup.costWithSubCampaigns()).isEqualByComparingTo(independent).isEqualByComparingTo("3583.68");
		assertThat(rollup.ownCost()).isEqualByComparingTo("1000.10");
		assertThat(rollup.subCampaigns()).isEqualTo(3);
		assertThat(rollup.remaining()).isEqualByComparingTo("1416.32");
		assertThat(this.campaigns.children(this.marketing, top.id())).singleElement()
			.satisfies(child -> assertThat(child.costWithSubCampaigns()).isEqualByComparingTo("2583.58"));

		CampaignCost line = this.costs.list(this.marketing, booth.id()).get(0);
		this.costs.remove(this.marketing, booth.id(), line.id());
		assertThat(this.campaigns.rollup(this.marketing, top.id()).costWithSubCampaigns())
			.isEqualByComparingTo(independent.subtract(line.amount()));
	}

	@Test
	void addsMembersInBulkSayingWhatBecameOfEachId() {
		User rep = this.users.create(Role.REP);
		Contact ann = this.customers.contact(rep, "Ann", "Member", null, null);
		Contact bob = this.customers.contact(rep, "Bob", "Member", null, null);
		UUID nobody = UUID.randomUUID();
		Campaign campaign = this.campaigns.create(this.marketing,
				details("Mailing", null, CampaignStatus.ACTIVE, null));
		this.members.add(this.marketing, campaign.id(), CampaignMemberType.CONTACT, List.of(ann.id()), null);

		List<CampaignMemberAddition> outcomes = this.members.add(this.marketing, campaign.id(),
				CampaignMemberType.CONTACT, List.of(ann.id(), bob.id(), nobody, bob.id()), null);

		assertThat(outcomes).extracting(CampaignMemberAddition::input, CampaignMemberAddition::outcome)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ann.id().toString(),
							CampaignMemberAddition.Outcome.ALREADY_MEMBER),
					org.assertj.core.groups.Tuple.tuple(bob.id().toString(), CampaignMemberAddition.Outcome.ADDED),
					org.assertj.core.groups.Tuple.tuple(nobody.toString(), CampaignMemberAddition.Outcome.NOT_FOUND));
		assertThat(this.members.statusCounts(this.marketing, campaign.id())).containsEntry(CampaignMemberStatus.SENT,
				2L);
	}

	@Test
	void addsContactsFromAFileOfEmailAddresses() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Contact ann = this.customers.contact(rep, "Ann", "File", "ann." + tag + "@example.com", null);
		Campaign campaign = this.campaigns.create(this.marketing,
				details("From a file", null, CampaignStatus.ACTIVE, null));
		List<String> emails = CampaignMemberFile.emails(
				new StringReader("Name;E-mail\nAnn;ANN." + tag + "@example.com\nZed;zed." + tag + "@example.com\n"));

		List<CampaignMemberAddition> outcomes = this.members.addByEmail(this.marketing, campaign.id(), emails, null);

		assertThat(outcomes).extracting(CampaignMemberAddition::memberId, CampaignMemberAddition::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ann.id(), CampaignMemberAddition.Outcome.ADDED),
					org.assertj.core.groups.Tuple.tuple(null, CampaignMemberAddition.Outcome.NOT_FOUND));
	}

	@Autowired
	Leads leads;

	@Test
	void keepsTheTimeEachMemberStatusWasReachedAndOnlyMovesForward() {
		Campaign campaign = this.campaigns.create(this.marketing,
				details("Webinar", null, CampaignStatus.ACTIVE, null));
		UUID lead = this.leads
			.create(this.marketing,
					new LeadDetails(null, "Member", null, null, null, null, null, null, null, null, this.marketing.id(),
							null))
			.id();
		UUID unknown = UUID.randomUUID();
		List<CampaignMemberAddition> additions = this.members.add(this.marketing, campaign.id(),
				CampaignMemberType.LEAD, List.of(lead, unknown), null);
		assertThat(additions).extracting(CampaignMemberAddition::outcome)
			.containsExactly(CampaignMemberAddition.Outcome.ADDED, CampaignMemberAddition.Outcome.NOT_FOUND);
		CampaignMemberAddition added = additions.get(0);
		Instant responded = Instant.parse("2026-06-10T09:00:00Z");

		CampaignMember member = this.members.changeStatus(this.marketing, campaign.id(), added.campaignMemberId(),
				CampaignMemberStatus.RESPONDED, responded);

		assertThat(member.status()).isEqualTo(CampaignMemberStatus.RESPONDED);
		assertThat(member.sentAt()).isNotNull();
		assertThat(member.openedAt()).isNull();
		assertThat(member.respondedAt()).isEqualTo(responded);
		assertThatThrownBy(() -> this.members.changeStatus(this.marketing, campaign.id(), added.campaignMemberId(),
				CampaignMemberStatus.OPENED, null))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void everyoneButServiceReadsCampaignsAndOnlyMarketingAndAdministratorsChangeThem() {
		Campaign campaign = this.campaigns.create(this.marketing, details("Seen", null, CampaignStatus.PLANNED, null));
		PageRequest page = PageRequest.of(0, 500, Sort.by(Sort.Direction.DESC, "createdAt"));

		for (Role role : List.of(Role.MARKETING, Role.SALES_ADMIN, Role.EXECUTIVE, Role.ADMIN, Role.MANAGER,
				Role.REP)) {
			Viewer viewer = TestUsers.viewer(this.users.create(role));
			assertThat(this.campaigns.get(viewer, campaign.id()).name()).as(role.name()).isEqualTo("Seen");
			assertThat(this.campaigns.list(viewer, CampaignFilter.all(), page).getContent()).as(role.name())
				.extracting(Campaign::id)
				.contains(campaign.id());
			boolean edits = role == Role.MARKETING || role == Role.SALES_ADMIN || role == Role.ADMIN;
			assertThat(this.campaigns.canEdit(viewer, campaign)).as(role.name()).isEqualTo(edits);
			assertThat(this.campaigns.canCreate(viewer)).as(role.name()).isEqualTo(edits);
		}
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP));
		assertThatThrownBy(() -> this.campaigns.update(rep, campaign.id(), campaign.version(),
				details("Mine now", null, CampaignStatus.PLANNED, null)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.costs.add(rep, campaign.id(),
				new CampaignCostDetails(LocalDate.of(2026, 6, 1), null, BigDecimal.ONE, null)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.campaigns.create(rep, details("Rep's", null, CampaignStatus.PLANNED, null)))
			.isInstanceOf(ForbiddenException.class);

		Viewer service = TestUsers.viewer(this.users.create(Role.SERVICE));
		assertThatThrownBy(() -> this.campaigns.get(service, campaign.id()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(this.campaigns.list(service, CampaignFilter.all(), page).getContent()).extracting(Campaign::id)
			.doesNotContain(campaign.id());
	}

	@Test
	void filtersByStatusTypeAndTheYearACampaignRuns() {
		String tag = TestCustomers.tag();
		Campaign spanning = this.campaigns.create(this.marketing, new CampaignDetails("Span " + tag, "social",
				CampaignStatus.ACTIVE, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 2, 28), null, null, null, null));
		this.campaigns.create(this.marketing, new CampaignDetails("Old " + tag, "social", CampaignStatus.ACTIVE,
				LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2), null, null, null, null));

		assertThat(this.campaigns
			.list(this.marketing, new CampaignFilter(tag, CampaignStatus.ACTIVE, "Social", 2026), PageRequest.of(0, 10))
			.getContent()).extracting(Campaign::id).containsExactly(spanning.id());
		assertThat(this.campaigns
			.list(this.marketing, new CampaignFilter(tag, CampaignStatus.PLANNED, null, null), PageRequest.of(0, 10))
			.getContent()).isEmpty();
	}

	private void cost(Campaign campaign, String amount) {
		this.costs.add(this.marketing, campaign.id(),
				new CampaignCostDetails(LocalDate.of(2026, 5, 1), "Supplier", new BigDecimal(amount), null));
	}

	private static CampaignDetails details(String name, String type, CampaignStatus status, UUID parentId) {
		return new CampaignDetails(name, type, status, null, null, null, parentId, null, null);
	}

}
