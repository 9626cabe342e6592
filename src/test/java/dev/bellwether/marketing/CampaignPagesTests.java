package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CampaignPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Leads leads;

	@Autowired
	CampaignMembers members;

	@Test
	void theListFiltersInTheUrlAndShowsAnEmptyState() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, marketing);
		this.campaigns.create(TestUsers.viewer(marketing), new CampaignDetails("Listed fair", "event",
				CampaignStatus.ACTIVE, LocalDate.of(2026, 3, 1), null, null, null, null, null));

		this.mvc.perform(get("/campaigns?status=ACTIVE&type=event&year=2026&sort=name,asc").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Listed fair"), containsString("id=\"nav-campaigns\""),
					containsString("id=\"new-campaign\""))));
		this.mvc.perform(get("/campaigns?q=nothing-like-this-anywhere").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No campaign matches these filters.")));
	}

	@Test
	void theFormShowsErrorsInPlace() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, marketing);

		this.mvc
			.perform(post("/campaigns").with(session)
				.with(csrf())
				.param("name", "Backwards")
				.param("status", "PLANNED")
				.param("startDate", "2026-09-30")
				.param("endDate", "2026-09-01")
				.param("budget", "lots")
				.param("ownerId", marketing.id().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("is not an amount"), containsString("is-invalid"))));
		this.mvc
			.perform(post("/campaigns").with(session)
				.with(csrf())
				.param("name", "Backwards")
				.param("status", "PLANNED")
				.param("startDate", "2026-09-30")
				.param("endDate", "2026-09-01")
				.param("ownerId", marketing.id().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The end date can&#39;t be before the start date.")));
	}

	@Test
	void aStaleEditIsShownInPlaceWithAReloadLink() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, marketing);
		Campaign campaign = this.campaigns.create(TestUsers.viewer(marketing),
				new CampaignDetails("Edited twice", null, CampaignStatus.PLANNED, null, null, null, null, null, null));
		this.campaigns.update(TestUsers.viewer(marketing), campaign.id(), 0,
				new CampaignDetails("Edited once", null, CampaignStatus.PLANNED, null, null, null, null, null, null));

		this.mvc
			.perform(post("/campaigns/" + campaign.id()).with(session)
				.with(csrf())
				.param("name", "Edited again")
				.param("status", "PLANNED")
				.param("ownerId", marketing.id().toString())
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("changed by someone else"), containsString("Reload the latest version"))));
	}

	@Test
	void theRecordPageAddsCostsAndMembersFromAFileAndRepsOnlyRead() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, marketing);
		Campaign campaign = this.campaigns.create(TestUsers.viewer(marketing), new CampaignDetails("Page campaign",
				null, CampaignStatus.ACTIVE, null, null, new BigDecimal("1000"), null, null, null));
		String page = "/campaigns/" + campaign.id();

		this.mvc
			.perform(post(page + "/costs").with(session).with(csrf()).param("date", "2026-06-01").param("amount", "-3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A cost can&#39;t be negative.")));
		this.mvc
			.perform(post(page + "/costs").with(session)
				.with(csrf())
				.param("date", "2026-06-01")
				.param("amount", "250.75")
				.param("supplier", "Printer"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(multipart(page + "/members/file").file(new MockMultipartFile("file", "members.csv", "text/csv",
					"email\nnobody-here@example.com\n".getBytes()))
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "0 added, 0 already members, 1 not found."));

		this.mvc.perform(get(page).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("250.75"), containsString("id=\"cost-form\""),
					containsString("id=\"member-file-form\""), containsString("749.25"))));
		this.mvc.perform(get("/history/campaign/" + campaign.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("250.75")));
		this.mvc.perform(get(page).with(TestUsers.signIn(this.mvc, this.users.create(Role.REP))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Page campaign"), not(containsString("id=\"cost-form\"")),
					not(containsString("id=\"edit-campaign\"")))));
		this.mvc.perform(get("/campaigns/new").with(TestUsers.signIn(this.mvc, this.users.create(Role.REP))))
			.andExpect(status().isForbidden());
	}

	@Test
	void serviceUsersHaveNoCampaignsEntry() throws Exception {
		this.mvc.perform(get("/accounts").with(TestUsers.signIn(this.mvc, this.users.create(Role.SERVICE))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("nav-campaigns"))));
	}

	@Test
	void leadsTickedOrAllMatchingTheListJoinACampaignFromTheBulkBar() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		dev.bellwether.identity.Viewer viewer = TestUsers.viewer(marketing);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, marketing);
		String tag = dev.bellwether.TestCustomers.tag();
		Campaign campaign = this.campaigns.create(viewer, new CampaignDetails("Bulk fair " + tag, "event",
				CampaignStatus.ACTIVE, LocalDate.of(2026, 3, 1), null, null, null, null, null));
		Lead ticked = this.leads.create(viewer, LeadsTests.lead("Ticked" + tag, marketing.id()));
		Lead other = this.leads.create(viewer, LeadsTests.lead("Other" + tag, marketing.id()));
		Lead third = this.leads.create(viewer, LeadsTests.lead("Third" + tag, marketing.id()));

		this.mvc.perform(get("/campaigns/pickable").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(campaign.id().toString())));
		this.mvc.perform(get("/leads").with(session))
			.andExpect(content().string(containsString("value=\"ADD_TO_CAMPAIGN\"")));

		this.mvc
			.perform(post("/campaigns/members/from-list/leads").with(session)
				.with(csrf())
				.param("campaignId", campaign.id().toString())
				.param("ids", ticked.id().toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "Added 1 lead to Bulk fair " + tag + "."));
		this.mvc
			.perform(post("/campaigns/members/from-list/leads").with(session)
				.with(csrf())
				.param("campaignId", campaign.id().toString())
				.param("all", "true")
				.param("filter.q", tag))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess",
					"Added 2 leads to Bulk fair " + tag + ". 1 was a member already."));
		assertThat(this.members.list(viewer, campaign.id(), null, org.springframework.data.domain.PageRequest.of(0, 10))
			.getContent()
			.stream()
			.map(CampaignMember::memberId)
			.toList()).containsExactlyInAnyOrder(ticked.id(), other.id(), third.id());

		this.mvc
			.perform(post("/campaigns/members/from-list/leads").with(session)
				.with(csrf())
				.param("ids", ticked.id().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose the campaign to add them to.")));
		this.mvc
			.perform(post("/campaigns/members/from-list/accounts").with(session)
				.with(csrf())
				.param("campaignId", campaign.id().toString()))
			.andExpect(status().isNotFound());
		RequestPostProcessor rep = TestUsers.signIn(this.mvc, this.users.create(Role.REP));
		this.mvc.perform(get("/campaigns/pickable").with(rep)).andExpect(content().json("[]"));
		this.mvc
			.perform(post("/campaigns/members/from-list/leads").with(rep)
				.with(csrf())
				.param("campaignId", campaign.id().toString())
				.param("ids", ticked.id().toString()))
			.andExpect(status().isForbidden());
	}

	@Test
	void leadsJoinFromAFileOfTheirAddressesCaseInsensitively() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		dev.bellwether.identity.Viewer viewer = TestUsers.viewer(marketing);
		String tag = dev.bellwether.TestCustomers.tag();
		Campaign campaign = this.campaigns.create(viewer, new CampaignDetails("File fair " + tag, "event",
				CampaignStatus.ACTIVE, LocalDate.of(2026, 3, 1), null, null, null, null, null));
		User rep = this.users.create(Role.REP);
		Lead mine = this.leads.create(TestUsers.viewer(rep), new LeadDetails("Fay", "File" + tag, null, null,
				"Fay.File@" + tag + ".example", null, null, null, null, null, rep.id(), null));
		User stranger = this.users.create(Role.REP);
		Lead hidden = this.leads.create(TestUsers.viewer(stranger), new LeadDetails("Hal", "Hidden" + tag, null, null,
				"hal@" + tag + ".example", null, null, null, null, null, stranger.id(), null));

		this.mvc
			.perform(multipart("/campaigns/" + campaign.id() + "/members/file")
				.file(new MockMultipartFile("file", "leads.csv", "text/csv",
						("email\n fay.file@" + tag + ".example\nHAL@" + tag + ".example\n").getBytes()))
				.param("memberType", "LEAD")
				.with(TestUsers.signIn(this.mvc, marketing))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "2 added, 0 already members, 0 not found."));
		assertThat(this.members.list(viewer, campaign.id(), null, org.springframework.data.domain.PageRequest.of(0, 10))
			.getContent()
			.stream()
			.map(CampaignMember::memberId)
			.toList()).containsExactlyInAnyOrder(mine.id(), hidden.id());

		// added once; an address no lead has is not found
		assertThat(this.members.addByEmail(viewer, campaign.id(), CampaignMemberType.LEAD,
				java.util.List.of("fay.file@" + tag + ".example"), null))
			.extracting(CampaignMemberAddition::outcome)
			.containsExactly(CampaignMemberAddition.Outcome.ALREADY_MEMBER);
		assertThat(this.members.addByEmail(TestUsers.viewer(this.users.create(Role.SALES_ADMIN)), campaign.id(),
				CampaignMemberType.LEAD, java.util.List.of("nobody@" + tag + ".example"), null))
			.extracting(CampaignMemberAddition::outcome)
			.containsExactly(CampaignMemberAddition.Outcome.NOT_FOUND);
	}

}
