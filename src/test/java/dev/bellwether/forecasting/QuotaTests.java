package dev.bellwether.forecasting;

import java.math.BigDecimal;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may set quotas, what is refused, what is kept, and how a team's quota adds up.
 */
@IntegrationTest
class QuotaTests {

	@Autowired
	Quotas quotas;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	User director;

	User manager;

	User rep;

	User otherManager;

	User otherRep;

	@BeforeEach
	void team() {
		this.director = this.users.create(Role.MANAGER);
		this.manager = this.users.create(Role.MANAGER, this.director.id());
		this.rep = this.users.create(Role.REP, this.manager.id());
		this.otherManager = this.users.create(Role.MANAGER);
		this.otherRep = this.users.create(Role.REP, this.otherManager.id());
	}

	@Test
	void aRepCannotSetTheirOwnQuota() throws Exception {
		this.mvc
			.perform(put("/api/v1/quotas").param("period", "2026-Q3")
				.param("userId", this.rep.id().toString())
				.with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 1000}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("You can't set your own quota")));
		assertThatThrownBy(() -> this.quotas.set(TestUsers.viewer(this.manager), this.manager.id(), "2026-Q3",
				QuotaKind.PERSONAL, BigDecimal.TEN, null))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void managersAtAnyDepthAndSalesAdministratorsSetQuotasButNotAnotherBranch() throws Exception {
		this.mvc
			.perform(put("/api/v1/quotas").param("period", "2026-Q3")
				.param("userId", this.rep.id().toString())
				.with(TestUsers.basic(this.manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 120000.50}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.personal.amount").value(120000.50))
			.andExpect(jsonPath("$.personal.version").value(1));
		this.quotas.set(TestUsers.viewer(this.director), this.rep.id(), "2026-Q4", QuotaKind.PERSONAL,
				new BigDecimal("130000"), null);
		User salesAdmin = this.users.create(Role.SALES_ADMIN);
		this.quotas.set(TestUsers.viewer(salesAdmin), this.rep.id(), "2026-Q4", QuotaKind.PERSONAL,
				new BigDecimal("140000"), 1L);
		this.mvc
			.perform(put("/api/v1/quotas").param("period", "2026-Q3")
				.param("userId", this.rep.id().toString())
				.with(TestUsers.basic(this.otherManager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 1}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("managers, sales administrators and administrators")));
		this.mvc
			.perform(get("/api/v1/quotas").param("period", "2026-Q3")
				.param("userId", this.rep.id().toString())
				.with(TestUsers.basic(this.otherRep)))
			.andExpect(status().isForbidden());

		assertThat(this.quotas.changes(TestUsers.viewer(this.manager), this.rep.id()))
			.extracting(QuotaChange::period, QuotaChange::oldAmount, QuotaChange::newAmount, QuotaChange::changedBy)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("2026-Q4", new BigDecimal("130000.00"),
							new BigDecimal("140000.00"), salesAdmin.id()),
					org.assertj.core.groups.Tuple.tuple("2026-Q4", null, new BigDecimal("130000.00"),
							this.director.id()),
					org.assertj.core.groups.Tuple.tuple("2026-Q3", null, new BigDecimal("120000.50"),
							this.manager.id()));
	}

	@Test
	void badInputIsAProblemNamingTheField() throws Exception {
		RequestPostProcessor as = TestUsers.basic(this.manager);
		this.mvc
			.perform(put("/api/v1/quotas").param("period", "2026-Q3")
				.param("userId", this.rep.id().toString())
				.with(as)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": -5}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A quota can't be negative.")));
		this.mvc
			.perform(put("/api/v1/quotas").param("period", "2026-Q5")
				.param("userId", this.rep.id().toString())
				.with(as)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(FiscalPeriod.ACCEPTED_FORMS)));
		this.mvc
			.perform(put("/api/v1/quotas").param("period", "2999-Q1")
				.param("userId", this.rep.id().toString())
				.with(as)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("too far from today")));
		this.mvc
			.perform(put("/api/v1/quotas").param("period", "2026-Q3")
				.param("userId", java.util.UUID.randomUUID().toString())
				.with(as)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no user with id")));
		this.mvc
			.perform(put("/api/v1/quotas").param("period", "2026-Q3")
				.param("userId", this.rep.id().toString())
				.with(as)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": 5, \"version\": 3}"))
			.andExpect(status().isConflict());
	}

	@Test
	void aTeamQuotaIsTheSumOfItsMembersUnlessSetAndAYearAddsUpItsQuarters() {
		var by = TestUsers.viewer(this.director);
		this.quotas.set(by, this.rep.id(), "2026-Q1", QuotaKind.PERSONAL, new BigDecimal("100.10"), null);
		this.quotas.set(by, this.rep.id(), "2026-Q2", QuotaKind.PERSONAL, new BigDecimal("200.20"), null);
		this.quotas.set(by, this.manager.id(), "2026-Q1", QuotaKind.PERSONAL, new BigDecimal("50"), null);

		QuotaView managerYear = this.quotas.get(by, this.manager.id(), "FY2026");
		assertThat(managerYear.personalInEffect()).isEqualByComparingTo("50");
		assertThat(managerYear.teamInEffect()).isEqualByComparingTo("350.30");
		assertThat(this.quotas.get(by, this.director.id(), "2026-Q1").teamInEffect()).isEqualByComparingTo("150.10");

		this.quotas.set(by, this.manager.id(), "2026-Q1", QuotaKind.TEAM, new BigDecimal("1000"), null);
		assertThat(this.quotas.get(by, this.manager.id(), "2026-Q1").teamInEffect()).isEqualByComparingTo("1000");
		assertThat(this.quotas.get(by, this.director.id(), "2026-Q1").teamInEffect()).isEqualByComparingTo("1000");
		// a team quota set for a quarter: the year adds up the quarters' team quotas
		assertThat(this.quotas.get(by, this.manager.id(), "FY2026").teamInEffect()).isEqualByComparingTo("1200.20");

		this.quotas.set(by, this.manager.id(), "2026-Q1", QuotaKind.TEAM, null, null);
		assertThat(this.quotas.get(by, this.manager.id(), "2026-Q1").teamInEffect()).isEqualByComparingTo("150.10");
		assertThat(
				this.quotas.get(TestUsers.viewer(this.users.create(Role.EXECUTIVE)), this.otherManager.id(), "2026-Q1"))
			.satisfies(view -> {
				assertThat(view.personalInEffect()).isNull();
				assertThat(view.teamInEffect()).isNull();
			});
	}

	@Test
	void theGridSavesPastedCellsAllOrNoneWithAnErrorPerCell() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.director);
		String repQ1 = Quotas.cellKey(this.rep.id(), "2026-Q1");
		String repQ2 = Quotas.cellKey(this.rep.id(), "2026-Q2");
		String own = Quotas.cellKey(this.director.id(), "2026-Q1");
		this.mvc.perform(get("/quotas").param("year", "FY2026").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"" + repQ1 + "\"")))
			.andExpect(content().string(containsString("You can&#39;t set your own quota")));

		this.mvc
			.perform(post("/quotas").param("year", "FY2026")
				.param(repQ1, "$12,500")
				.param("v-" + repQ1.substring(2), "0")
				.param(repQ2, "-3")
				.param("v-" + repQ2.substring(2), "0")
				.param(own, "9")
				.with(session)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A quota can&#39;t be negative.")))
			.andExpect(content().string(containsString("You can&#39;t set your own quota")));
		assertThat(this.quotas.get(TestUsers.viewer(this.director), this.rep.id(), "2026-Q1").personal()).isNull();

		this.mvc
			.perform(post("/quotas").param("year", "FY2026")
				.param(repQ1, "$12,500")
				.param("v-" + repQ1.substring(2), "0")
				.param(repQ2, "7,000.25")
				.param("v-" + repQ2.substring(2), "0")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.quotas.get(TestUsers.viewer(this.director), this.rep.id(), "FY2026").personalInEffect())
			.isEqualByComparingTo("19500.25");
	}

}
