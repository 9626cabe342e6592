package dev.bellwether.activities;

import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.RecordTouched;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tasks, calls, meetings and notes logged against a lead: on its timeline, visible to
 * whoever may read the lead and to nobody else, and a {@link RecordTouched} for the lead.
 */
@IntegrationTest
@RecordApplicationEvents
class ActivitiesOnLeadsTests {

	@Autowired
	Activities activities;

	@Autowired
	Timeline timeline;

	@Autowired
	Leads leads;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	private Lead lead(Viewer owner) {
		return this.leads.create(owner, new LeadDetails("Ada", "Timeline " + UUID.randomUUID(), "Engines", null, null,
				null, "GB", "Web", null, null, owner.id(), null));
	}

	@Test
	void aCallLoggedOnALeadIsOnItsTimelineAndTouchesIt() throws Exception {
		User owner = this.users.create(Role.REP);
		Viewer rep = TestUsers.viewer(owner);
		Lead lead = lead(rep);

		Activity call = this.activities.create(rep,
				ActivityDetails.call("Intro call", "Wants a demo", null, null, rep.id()).onLead(lead.id()));

		assertThat(call.leadId()).isEqualTo(lead.id());
		assertThat(call.accountId()).isNull();
		assertThat(this.timeline.page(rep, Leads.RECORD_TYPE, lead.id(), null, 20).entries())
			.extracting(item -> item.entry().id())
			.contains(call.id());
		assertThat(this.events.stream(RecordTouched.class)
			.filter(e -> e.recordType().equals("lead") && e.recordId().equals(lead.id()))
			.toList()).singleElement().satisfies(e -> assertThat(e.actorId()).isEqualTo(rep.id()));

		this.mvc.perform(get("/timeline/lead/" + lead.id()).with(TestUsers.signIn(this.mvc, owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/activities/" + call.id())));
		this.mvc.perform(get("/leads/" + lead.id()).with(TestUsers.signIn(this.mvc, owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/timeline/lead/" + lead.id())))
			.andExpect(content().string(containsString("leadId=" + lead.id())));
	}

	@Test
	void aRepWhoCantSeeTheLeadCantSeeOrAddItsActivities() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP, manager.id()));
		User peerUser = this.users.create(Role.REP);
		Viewer peer = TestUsers.viewer(peerUser);
		Lead lead = lead(rep);
		Activity note = this.activities.create(rep,
				ActivityDetails.note("Met at the fair", rep.id()).onLead(lead.id()));

		assertThatThrownBy(() -> this.activities.get(peer, note.id())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> this.timeline.page(peer, Leads.RECORD_TYPE, lead.id(), null, 20))
			.isInstanceOf(RecordNotFoundException.class);
		ActivityFilter repsWork = new ActivityFilter(null, rep.id(), null, null, null, null, null, null, null);
		assertThat(this.activities.list(peer, repsWork, PageRequest.of(0, 50)).getContent()).extracting(Activity::id)
			.doesNotContain(note.id());
		assertThatThrownBy(
				() -> this.activities.create(peer, ActivityDetails.note("Sneaky", peer.id()).onLead(lead.id())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("leadId"));
		this.mvc.perform(get("/timeline/lead/" + lead.id()).with(TestUsers.signIn(this.mvc, peerUser)))
			.andExpect(status().isNotFound());

		Viewer boss = TestUsers.viewer(manager);
		assertThat(this.activities.list(boss, repsWork, PageRequest.of(0, 50)).getContent()).extracting(Activity::id)
			.contains(note.id());
		assertThat(this.activities.get(boss, note.id()).leadId()).as("the owner's manager reads the lead")
			.isEqualTo(lead.id());
		Viewer marketing = TestUsers.viewer(this.users.create(Role.MARKETING));
		assertThat(this.timeline.page(marketing, Leads.RECORD_TYPE, lead.id(), null, 20).entries())
			.extracting(item -> item.entry().id())
			.contains(note.id());
	}

}
