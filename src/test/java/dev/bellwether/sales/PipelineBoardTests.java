package dev.bellwether.sales;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PipelineBoardTests {

	static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	@Autowired
	PipelineBoard board;

	@Autowired
	Clock clock;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	User manager;

	User repA;

	User repB;

	Opportunity dealA;

	Opportunity dealB;

	@BeforeEach
	void deals() {
		this.manager = this.users.create(Role.MANAGER);
		this.repA = this.users.create(Role.REP, this.manager.id());
		this.repB = this.users.create(Role.REP);
		this.dealA = deal(this.repA, PROPOSAL, "40000", LocalDate.now(this.clock).plusDays(20));
		deal(this.repA, PROPOSAL, "10000", LocalDate.now(this.clock).plusDays(10));
		deal(this.repA, NEGOTIATION, "5000", LocalDate.now(this.clock).plusDays(5));
		this.dealB = deal(this.repB, PROPOSAL, "99000", LocalDate.now(this.clock).plusDays(15));
	}

	@Test
	void columnsFollowThePipelineWithCountsTotalsAndSoonestDealsFirst() {
		Board loaded = this.board.load(TestUsers.viewer(this.repA), BoardFilter.all());

		assertThat(loaded.columns()).extracting(column -> column.stage().name())
			.startsWith("Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation");
		Board.Column proposal = column(loaded, PROPOSAL);
		assertThat(proposal.count()).isEqualTo(2);
		assertThat(proposal.amount()).isEqualByComparingTo("50000");
		assertThat(proposal.weightedAmount()).isEqualByComparingTo("30000");
		assertThat(proposal.cards()).extracting(Board.Card::amount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("10000"), new BigDecimal("40000"));
		assertThat(proposal.cards()).allSatisfy(card -> assertThat(card.editable()).isTrue());
		assertThat(column(loaded, NEGOTIATION).count()).isEqualTo(1);
		assertThat(column(loaded, PROSPECTING).cards()).isEmpty();
		assertThat(loaded.openAmount()).isEqualByComparingTo("55000");
	}

	@Test
	void aRepSeesOnlyTheirOwnDealsAndTheirManagerSeesTheTeam() {
		assertThat(cardIds(this.board.load(TestUsers.viewer(this.repA), BoardFilter.all()))).contains(this.dealA.id())
			.doesNotContain(this.dealB.id());
		assertThat(cardIds(this.board.load(TestUsers.viewer(this.repB), BoardFilter.all()))).contains(this.dealB.id())
			.doesNotContain(this.dealA.id());
		Board team = this.board.load(TestUsers.viewer(this.manager), new BoardFilter(null, this.manager.id(), null));
		assertThat(column(team, PROPOSAL).count()).isEqualTo(2);
		assertThat(cardIds(team)).contains(this.dealA.id()).doesNotContain(this.dealB.id());
	}

	@Test
	void anExecutiveSeesEveryDealButCannotMoveThem() {
		User executive = this.users.create(Role.EXECUTIVE);
		Board loaded = this.board.load(TestUsers.viewer(executive), new BoardFilter(this.repB.id(), null, null));

		assertThat(column(loaded, PROPOSAL).cards()).singleElement().satisfies(card -> {
			assertThat(card.id()).isEqualTo(this.dealB.id());
			assertThat(card.editable()).isFalse();
		});
	}

	@Test
	void filtersByOwnerAndClosePeriod() {
		Board owner = this.board.load(TestUsers.viewer(this.manager), new BoardFilter(this.repA.id(), null, null));
		assertThat(owner.count()).isEqualTo(3);

		Opportunity later = deal(this.repA, PROPOSAL, "7000", LocalDate.now(this.clock).plusYears(2));
		Board thisYear = this.board.load(TestUsers.viewer(this.repA),
				new BoardFilter(null, null, ClosePeriod.THIS_YEAR));
		assertThat(cardIds(thisYear)).doesNotContain(later.id());
		assertThat(cardIds(this.board.load(TestUsers.viewer(this.repA), BoardFilter.all()))).contains(later.id());
	}

	@Test
	void movingACardChangesTheStageAndRedrawsTheBoard() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.repA);

		this.mvc
			.perform(post("/pipeline/move").param("id", this.dealA.id().toString())
				.param("stageId", NEGOTIATION.toString())
				.param("version", String.valueOf(this.dealA.version()))
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Moved “" + this.dealA.name() + "” to Negotiation.")))
			.andExpect(content().string(containsString("id=\"board\"")))
			.andExpect(content().string(not(containsString("<nav"))));

		Opportunity moved = this.opportunities.get(TestUsers.viewer(this.repA), this.dealA.id());
		assertThat(moved.stageId()).isEqualTo(NEGOTIATION);
		assertThat(moved.probability()).isEqualTo(80);
	}

	@Test
	void aMoveRacingAnotherEditIsRefusedWithAClearMessage() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.repA);
		this.opportunities.changeStage(TestUsers.viewer(this.manager), this.dealA.id(), NEGOTIATION,
				this.dealA.version(), null);

		this.mvc
			.perform(post("/pipeline/move").param("id", this.dealA.id().toString())
				.param("stageId", PROSPECTING.toString())
				.param("version", String.valueOf(this.dealA.version()))
				.with(session)
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this deal")));

		assertThat(this.opportunities.get(TestUsers.viewer(this.repA), this.dealA.id()).stageId())
			.isEqualTo(NEGOTIATION);
	}

	@Test
	void losingADealNeedsAReason() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.repA);

		this.mvc
			.perform(post("/pipeline/move").param("id", this.dealA.id().toString())
				.param("stageId", LOST.toString())
				.param("version", String.valueOf(this.dealA.version()))
				.with(session)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Say why the deal was lost.")));
		assertThat(this.opportunities.get(TestUsers.viewer(this.repA), this.dealA.id()).stageId()).isEqualTo(PROPOSAL);

		this.mvc
			.perform(post("/pipeline/move").param("id", this.dealA.id().toString())
				.param("stageId", LOST.toString())
				.param("version", String.valueOf(this.dealA.version()))
				.param("lossReason", "Lost to a competitor on price")
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk());
		Opportunity lost = this.opportunities.get(TestUsers.viewer(this.repA), this.dealA.id());
		assertThat(lost.isLost()).isTrue();
		assertThat(lost.lossReason()).isEqualTo("Lost to a competitor on price");
	}

	@Test
	void movingSomeoneElsesDealIsRefused() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.repA);

		this.mvc
			.perform(post("/pipeline/move").param("id", this.dealB.id().toString())
				.param("stageId", NEGOTIATION.toString())
				.param("version", String.valueOf(this.dealB.version()))
				.with(session)
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.opportunities.get(TestUsers.viewer(this.repB), this.dealB.id()).stageId()).isEqualTo(PROPOSAL);
	}

	@Test
	void aTeamOutsideTheViewersOrganisationIsABadRequestAsOnTheHomePage() throws Exception {
		User outside = this.users.create(Role.MANAGER);
		this.users.create(Role.REP, outside.id());

		this.mvc
			.perform(get("/pipeline").param("team", outside.id().toString())
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/").param("view", "team")
				.param("team", outside.id().toString())
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/v1/pipeline/board").param("team", outside.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("team"))
			.andExpect(jsonPath("$.errors[0].message").value("You can only look at teams in your own organisation."));
		this.mvc
			.perform(get("/api/v1/pipeline/board").param("team", this.manager.id().toString())
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/pipeline").param("team", outside.id().toString())
				.with(TestUsers.signIn(this.mvc, this.users.create(Role.EXECUTIVE))))
			.andExpect(status().isOk());
	}

	@Test
	void thePageAndTheApiShowTheBoard() throws Exception {
		this.mvc.perform(get("/pipeline").with(TestUsers.signIn(this.mvc, this.repA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.dealA.name())))
			.andExpect(content().string(containsString("loss-dialog")))
			.andExpect(content().string(not(containsString(this.dealB.id().toString()))));

		this.mvc
			.perform(get("/api/v1/pipeline/board").param("team", this.manager.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.columns[3].stage.name").value("Proposal"))
			.andExpect(jsonPath("$.columns[3].count").value(2))
			.andExpect(jsonPath("$.columns[3].cards[0].version").exists());
		this.mvc.perform(get("/api/v1/pipeline/board").param("period", "SOMETIME").with(TestUsers.basic(this.manager)))
			.andExpect(status().isBadRequest());
	}

	private Opportunity deal(User owner, UUID stage, String amount, LocalDate closeDate) {
		Viewer viewer = TestUsers.viewer(owner);
		Account account = this.accounts.create(viewer, new AccountDetails("Board Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, owner.id(), null));
		return this.opportunities.create(viewer, new OpportunityDetails("Deal " + UUID.randomUUID(), account.id(), null,
				owner.id(), stage, new BigDecimal(amount), false, closeDate, null, null, null, null, null, null));
	}

	private static Board.Column column(Board board, UUID stageId) {
		return board.columns().stream().filter(column -> column.stage().id().equals(stageId)).findFirst().orElseThrow();
	}

	private static java.util.List<UUID> cardIds(Board board) {
		return board.columns().stream().flatMap(column -> column.cards().stream()).map(Board.Card::id).toList();
	}

}
