package dev.bellwether.customers;

import java.time.Duration;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An account's industry and country come from pick lists administrators edit: matched
 * case-insensitively, following a rename, keeping a retired value only where it is.
 */
@IntegrationTest
class AccountPickListTests {

	@Autowired
	Accounts accounts;

	@Autowired
	PickLists pickLists;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	private User rep;

	private Viewer viewer;

	private UUID admin;

	private String tag;

	@BeforeEach
	void setUp() {
		this.rep = this.users.create(Role.REP);
		this.viewer = TestUsers.viewer(this.rep);
		this.admin = this.users.create(Role.ADMIN).id();
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	private AccountDetails account(String name, String industry, String country) {
		return new AccountDetails(name, null, industry, null, null, null, null, null, country, null, null, null,
				this.rep.id(), null);
	}

	@Test
	void storesTheListsSpellingWhateverTheCaseTyped() {
		Account created = this.accounts.create(this.viewer, account("Case Co " + this.tag, " technology ", "de"));

		assertThat(created.industry()).isEqualTo("Technology");
		assertThat(created.country()).isEqualTo("DE");
	}

	@Test
	void refusesAnIndustryNotOnTheListNamingTheAllowedOnes() {
		assertThatThrownBy(() -> this.accounts.create(this.viewer, account("Typo Co " + this.tag, "Tecnology", null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors().get("industry")).contains("Technology"));
	}

	@Test
	void accountsFollowARenamedIndustry() {
		PickListValue value = this.pickLists.add(this.admin, "industry", "Quantum " + this.tag);
		Account account = this.accounts.create(this.viewer, account("Qubit Co " + this.tag, value.label(), null));

		this.pickLists.rename(this.admin, "industry", value.key(), "Quantum Computing " + this.tag);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.accounts.get(this.viewer, account.id()).industry())
				.isEqualTo("Quantum Computing " + this.tag));
		// the rename gave the account a new version: a form opened before it is told, not
		// saved over the rename
		Account renamed = this.accounts.get(this.viewer, account.id());
		assertThat(renamed.version()).isEqualTo(account.version() + 1);
		assertThat(renamed.updatedBy()).isEqualTo(this.admin);
		assertThatThrownBy(() -> this.accounts.update(this.viewer, account.id(), account.version(),
				account("Qubit Co " + this.tag, "quantum " + this.tag, null)))
			.isInstanceOf(dev.bellwether.platform.StaleRecordException.class);
		// opened again, the old label is still accepted and stored under the new name
		Account updated = this.accounts.update(this.viewer, account.id(), renamed.version(),
				account("Qubit Co " + this.tag, "quantum " + this.tag, null));
		assertThat(updated.industry()).isEqualTo("Quantum Computing " + this.tag);
	}

	@Test
	void anInlineEditOpenedBeforeARenameIsAConflictNamingIt() throws Exception {
		PickListValue value = this.pickLists.add(this.admin, "industry", "Fusion " + this.tag);
		Account account = this.accounts.create(this.viewer, account("Tokamak Co " + this.tag, value.label(), null));

		this.pickLists.rename(this.admin, "industry", value.key(), "Fusion Energy " + this.tag);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.accounts.get(this.viewer, account.id()).industry())
				.isEqualTo("Fusion Energy " + this.tag));

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.patch("/api/v1/accounts/{id}/fields/industry", account.id())
				.with(TestUsers.basic(this.rep))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"value\":\"Fusion " + this.tag + "\",\"version\":" + account.version() + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.current.value").value("Fusion Energy " + this.tag))
			.andExpect(jsonPath("$.current.changedBy").isNotEmpty());
	}

	@Test
	void aRetiredIndustryStaysOnAnAccountButIsRefusedForOthers() {
		PickListValue value = this.pickLists.add(this.admin, "industry", "Typewriters " + this.tag);
		Account old = this.accounts.create(this.viewer, account("Old Co " + this.tag, value.label(), null));
		Account other = this.accounts.create(this.viewer, account("Other Co " + this.tag, "Retail", null));
		this.pickLists.setRetired(this.admin, "industry", value.key(), true);

		Account edited = this.accounts.update(this.viewer, old.id(), old.version(),
				account("Old Co Ltd " + this.tag, value.label(), null));
		assertThat(edited.industry()).isEqualTo(value.label());
		assertThatThrownBy(() -> this.accounts.update(this.viewer, other.id(), other.version(),
				account("Other Co " + this.tag, value.label(), null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("retired");
		assertThatThrownBy(() -> this.accounts.create(this.viewer, account("New Co " + this.tag, value.label(), null)))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theFormOffersAddedValuesAndShowsTheCountrysNameFromTheList() throws Exception {
		PickListValue value = this.pickLists.add(this.admin, "industry", "Vertical Farming " + this.tag);
		Account account = this.accounts.create(this.viewer, account("Farm Co " + this.tag, value.label(), "NL"));

		var signedIn = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/accounts/new").with(signedIn))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Vertical Farming " + this.tag + "</option>")));
		this.mvc.perform(get("/accounts/" + account.id()).with(signedIn))
			.andExpect(content().string(containsString("Netherlands")));
	}

	@Test
	void theApiMatchesCaseInsensitivelyAndAnswersAnUnknownValueWithTheAllowedOnes() throws Exception {
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Api Case " + this.tag + "\", \"industry\": \"BANKING\", \"country\": \"us\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.industry").value("Banking"))
			.andExpect(jsonPath("$.country").value("US"));
		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(this.rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Api Typo " + this.tag + "\", \"industry\": \"Bankng\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("industry"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Banking")));
	}

	@Test
	void theOpenApiDocumentShowsTheValuesAllowedNow() throws Exception {
		PickListValue value = this.pickLists.add(this.admin, "industry", "Fusion " + this.tag);
		String industry = "$.components.schemas.AccountRequest.properties.industry.enum";

		this.mvc.perform(get("/v3/api-docs").with(TestUsers.basic(this.rep)))
			.andExpect(jsonPath(industry, hasItem(value.label())));

		this.pickLists.setRetired(this.admin, "industry", value.key(), true);
		this.mvc.perform(get("/v3/api-docs").with(TestUsers.basic(this.rep)))
			.andExpect(jsonPath(industry, not(hasItem(value.label()))))
			.andExpect(jsonPath(industry, hasItem("Technology")));
	}

	@Test
	void theListFiltersByIndustryWhateverTheCase() {
		Account account = this.accounts.create(this.viewer, account("Filter Co " + this.tag, "Shipping", null));

		assertThat(this.accounts
			.list(this.viewer, new AccountFilter("Filter Co " + this.tag, "shipping", null, null),
					org.springframework.data.domain.PageRequest.of(0, 10))
			.getContent()).extracting(Account::id).containsExactly(account.id());
	}

}
