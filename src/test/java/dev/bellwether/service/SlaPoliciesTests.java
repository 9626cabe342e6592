package dev.bellwether.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.service.SlaPolicyDetails.TargetMinutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SLA policies: the default the migration seeds, the rules a policy must meet (each named
 * on its field), one active policy per tier, how a case's policy is chosen, who reads and
 * who changes them, on the page and in the API. Policies a test adds are deleted after
 * it, so that the tiers' active policies never leak into another test.
 */
@IntegrationTest
class SlaPoliciesTests {

	@Autowired
	SlaPolicies policies;

	@Autowired
	ServiceAccountTiers tiers;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	User admin;

	Viewer adminViewer;

	final List<UUID> added = new ArrayList<>();

	@BeforeEach
	void anAdministrator() {
		this.admin = this.users.create(Role.ADMIN);
		this.adminViewer = TestUsers.viewer(this.admin);
	}

	@AfterEach
	void deleteThePoliciesAdded() {
		this.added.forEach(id -> this.policies.find(id).ifPresent(p -> this.policies.delete(this.adminViewer, id)));
	}

	static Map<CasePriority, TargetMinutes> targets(int first, int resolution) {
		Map<CasePriority, TargetMinutes> targets = new EnumMap<>(CasePriority.class);
		for (CasePriority priority : CasePriority.values()) {
			targets.put(priority, new TargetMinutes(first, resolution));
		}
		return targets;
	}

	private SlaPolicy add(String name, AccountTier tier, boolean active) {
		SlaPolicy policy = this.policies.create(this.adminViewer, new SlaPolicyDetails(name + " " + UUID.randomUUID(),
				BusinessCalendars.COMPANY, tier, active, 20, targets(30, 120)));
		this.added.add(policy.id());
		return policy;
	}

	@Test
	void theDefaultPolicyAppliesToAnyTierInTheCompanyCalendar() {
		SlaPolicy standard = this.policies.find(SlaPolicies.DEFAULT_POLICY).orElseThrow();

		assertThat(standard.accountTier()).isNull();
		assertThat(standard.calendarId()).isEqualTo(BusinessCalendars.COMPANY);
		assertThat(standard.targetsFor(CasePriority.URGENT)).isEqualTo(SlaTargets.ofMinutes(60, 240));
		assertThat(standard.targetsFor(CasePriority.HIGH)).isEqualTo(SlaTargets.ofMinutes(240, 480));
		assertThat(standard.targetsFor(CasePriority.NORMAL)).isEqualTo(SlaTargets.ofMinutes(480, 1440));
		assertThat(standard.targetsFor(CasePriority.LOW)).isEqualTo(SlaTargets.ofMinutes(480, 2400));
		assertThat(this.policies.forTier(AccountTier.ENTERPRISE)).map(SlaPolicy::id)
			.contains(SlaPolicies.DEFAULT_POLICY);
	}

	@Test
	void anAccountsTierChoosesItsOwnActivePolicyBeforeTheAnyTierOne() {
		UUID account = UUID.randomUUID();
		assertThat(this.tiers.of(account)).isEqualTo(AccountTier.STANDARD);
		SlaPolicy enterprise = add("Enterprise", AccountTier.ENTERPRISE, true);
		add("Premium draft", AccountTier.PREMIUM, false);

		this.tiers.set(this.adminViewer, account, AccountTier.ENTERPRISE);

		assertThat(this.tiers.of(account)).isEqualTo(AccountTier.ENTERPRISE);
		assertThat(this.policies.forTier(this.tiers.of(account))).map(SlaPolicy::id).contains(enterprise.id());
		assertThat(this.policies.forTier(AccountTier.PREMIUM)).as("an inactive policy is never chosen")
			.map(SlaPolicy::id)
			.contains(SlaPolicies.DEFAULT_POLICY);
		assertThatThrownBy(
				() -> this.tiers.set(TestUsers.viewer(this.users.create(Role.SERVICE)), account, AccountTier.PREMIUM))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void namesEachWrongFieldAndEachWrongTarget() {
		Map<CasePriority, TargetMinutes> targets = targets(60, 240);
		targets.put(CasePriority.URGENT, new TargetMinutes(0, 240));
		targets.put(CasePriority.HIGH, new TargetMinutes(240, 120));
		targets.remove(CasePriority.LOW);

		assertThatThrownBy(() -> this.policies.create(this.adminViewer,
				new SlaPolicyDetails(" ", UUID.randomUUID(), null, false, 100, targets)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("name", "calendarId", "warnPercentLeft",
							"targets.URGENT.firstResponse", "targets.HIGH.resolution", "targets.LOW.firstResponse",
							"targets.LOW.resolution"));
	}

	@Test
	void onlyOneActivePolicyPerTier() {
		add("Premium", AccountTier.PREMIUM, true);

		assertThatThrownBy(() -> add("Premium too", AccountTier.PREMIUM, true)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fieldErrors()).containsKey("active"));
		assertThatThrownBy(() -> add("Any tier too", null, true)).as("the default is the any-tier one")
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors().get("active")).contains("Standard support"));
	}

	@Test
	void anUpdateBasedOnAnOldVersionIsRefused() {
		SlaPolicy policy = add("Versioned", AccountTier.PREMIUM, false);
		SlaPolicyDetails details = new SlaPolicyDetails(policy.name(), BusinessCalendars.COMPANY, AccountTier.PREMIUM,
				false, 30, targets(45, 90));

		SlaPolicy saved = this.policies.update(this.adminViewer, policy.id(), policy.version(), details);

		assertThat(saved.targetsFor(CasePriority.LOW)).isEqualTo(SlaTargets.ofMinutes(45, 90));
		assertThat(saved.warnPercentLeft()).isEqualTo(30);
		assertThatThrownBy(() -> this.policies.update(this.adminViewer, policy.id(), policy.version(), details))
			.isInstanceOf(StaleRecordException.class);
	}

	@Test
	void serviceReadsThePoliciesAndOnlyAdministratorsChangeThem() throws Exception {
		User agent = this.users.create(Role.SERVICE);
		User rep = this.users.create(Role.REP);
		assertThatThrownBy(() -> this.policies.create(TestUsers.viewer(agent),
				new SlaPolicyDetails("Mine", BusinessCalendars.COMPANY, null, false, 25, targets(60, 60))))
			.isInstanceOf(ForbiddenException.class);

		this.mvc.perform(get("/admin/sla-policies").with(TestUsers.signIn(this.mvc, agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Standard support")))
			.andExpect(content().string(not(containsString("id=\"new-policy\""))));
		this.mvc.perform(get("/admin/sla-policies/new").with(TestUsers.signIn(this.mvc, agent)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/sla-policies").with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/sla-policies").with(TestUsers.basic(agent)))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$[?(@.id == '" + SlaPolicies.DEFAULT_POLICY + "')].targets.URGENT.firstResponseMinutes")
						.value(60));
		this.mvc.perform(get("/api/v1/sla-policies").with(TestUsers.basic(rep))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/sla-policies").with(TestUsers.basic(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAdministrationPageShowsEachErrorNextToItsField() throws Exception {
		this.mvc.perform(get("/accounts").with(TestUsers.signIn(this.mvc, this.admin)))
			.andExpect(content().string(containsString("id=\"nav-admin-sla-policies\"")));

		this.mvc
			.perform(post("/admin/sla-policies").with(TestUsers.signIn(this.mvc, this.admin))
				.with(csrf())
				.param("name", "")
				.param("calendarId", BusinessCalendars.COMPANY.toString())
				.param("active", "false")
				.param("warnPercentLeft", "25")
				.param("targets[URGENT].firstResponse", "abc")
				.param("targets[URGENT].resolution", "240")
				.param("targets[HIGH].firstResponse", "240")
				.param("targets[HIGH].resolution", "480")
				.param("targets[NORMAL].firstResponse", "480")
				.param("targets[NORMAL].resolution", "1440")
				.param("targets[LOW].firstResponse", "480")
				.param("targets[LOW].resolution", "2400"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Name the policy")))
			.andExpect(content().string(containsString("id=\"target-URGENT-first-error\"")))
			.andExpect(content().string(containsString("Urgent: a first-response target is 1 to")));

		String name = "Page policy " + UUID.randomUUID();
		this.mvc
			.perform(post("/admin/sla-policies").with(TestUsers.signIn(this.mvc, this.admin))
				.with(csrf())
				.param("name", name)
				.param("calendarId", BusinessCalendars.COMPANY.toString())
				.param("accountTier", "PREMIUM")
				.param("_active", "on")
				.param("warnPercentLeft", "10")
				.param("targets[URGENT].firstResponse", "15")
				.param("targets[URGENT].resolution", "120")
				.param("targets[HIGH].firstResponse", "60")
				.param("targets[HIGH].resolution", "480")
				.param("targets[NORMAL].firstResponse", "240")
				.param("targets[NORMAL].resolution", "960")
				.param("targets[LOW].firstResponse", "480")
				.param("targets[LOW].resolution", "1920"))
			.andExpect(status().is3xxRedirection());
		SlaPolicy saved = this.policies.list(this.adminViewer)
			.stream()
			.filter(p -> p.name().equals(name))
			.findFirst()
			.orElseThrow();
		this.added.add(saved.id());
		assertThat(saved.active()).as("the box unticked").isFalse();
		assertThat(saved.targetsFor(CasePriority.URGENT)).isEqualTo(SlaTargets.ofMinutes(15, 120));
		assertThat(saved.accountTier()).isEqualTo(AccountTier.PREMIUM);
	}

	@Test
	void theApiAnswersAProblemWithFieldErrorsAndAConflictForAStaleVersion() throws Exception {
		User admin = this.admin;
		this.mvc
			.perform(post("/api/v1/sla-policies").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "", "calendarId": "%s", "active": false,
						 "targets": {"URGENT": {"firstResponseMinutes": 60, "resolutionMinutes": 30}}}
						""".formatted(BusinessCalendars.COMPANY)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'targets.URGENT.resolution')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'targets.LOW.firstResponse')]").exists());

		String name = "Api policy " + UUID.randomUUID();
		String body = """
				{"name": "%s", "calendarId": "%s", "accountTier": "ENTERPRISE", "active": false, %s
				 "targets": {"URGENT": {"firstResponseMinutes": 30, "resolutionMinutes": 120},
				             "HIGH": {"firstResponseMinutes": 60, "resolutionMinutes": 240},
				             "NORMAL": {"firstResponseMinutes": 120, "resolutionMinutes": 480},
				             "LOW": {"firstResponseMinutes": 240, "resolutionMinutes": 960}}}
				""";
		String location = this.mvc
			.perform(post("/api/v1/sla-policies").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(name, BusinessCalendars.COMPANY, "")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.targets.LOW.resolutionMinutes").value(960))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		this.added.add(id);

		this.mvc
			.perform(put(location).with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(name, BusinessCalendars.COMPANY, "\"version\": 0,")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put(location).with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(name, BusinessCalendars.COMPANY, "\"version\": 0,")))
			.andExpect(status().isConflict());
	}

}
