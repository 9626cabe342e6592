package dev.bellwether.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.SteeringCommittee.ActionDetails;
import dev.bellwether.programme.SteeringCommittee.ActionStatus;
import dev.bellwether.programme.SteeringCommittee.AgendaItem;
import dev.bellwether.programme.SteeringCommittee.MeetingDetails;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The steering committee: who sees and changes it, an agenda frozen from the live figures
 * (checked against figures this test computes from its own users' days), actions and when
 * they are overdue, and its API.
 */
@IntegrationTest
class SteeringCommitteeTests {

	static final Instant LONG_AGO = LocalDate.of(2024, 1, 15).atStartOfDay().toInstant(ZoneOffset.UTC);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	SteeringCommittee committee;

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	AdoptionSponsors sponsors;

	@Autowired
	JdbcClient jdbc;

	private User user(Role role, User manager) {
		User user = this.testUsers.create(role, manager == null ? null : manager.id());
		this.jdbc.sql("update users set provisioned_at = :at where id = :id")
			.param("at", OffsetDateTime.ofInstant(LONG_AGO, ZoneOffset.UTC))
			.param("id", user.id())
			.update();
		return user;
	}

	/** An active day (a business record viewed), with forecast views. */
	private void active(User user, LocalDate day, int forecastViews) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, logins, views, actions, report_views, dashboard_views,
				  forecast_views, exports, features)
				values (:user, :day, true, 1, 1, 1, 0, 0, :forecasts, 0, '{}')
				""").param("user", user.id()).param("day", day).param("forecasts", forecastViews).update();
	}

	@Test
	void theAgendaTakesTheLiveFiguresOfItsScopeAndKeepsThem() {
		User lead = this.testUsers.create(Role.ADMIN);
		Viewer viewer = Viewer.of(lead);
		LocalDate today = this.metrics.today();
		// a manager never active, a healthy rep (12 days, forecast views), a rep at risk
		// (3 days) and a lapsing rep (one day 40 days ago)
		User manager = user(Role.MANAGER, null);
		User healthy = user(Role.REP, manager);
		User atRisk = user(Role.REP, manager);
		User lapsing = user(Role.REP, manager);
		for (int d = 1; d <= 12; d++) {
			active(healthy, today.minusDays(d), d == 1 ? 4 : 0);
		}
		for (int d = 2; d <= 4; d++) {
			active(atRisk, today.minusDays(d), 0);
		}
		active(lapsing, today.minusDays(40), 0);
		User outsider = this.testUsers.create(Role.REP);

		SteeringCommittee.Meeting meeting = this.committee.create(viewer,
				new MeetingDetails(today.plusDays(3), "June review", lead.id(), manager.id(), List.of()));
		// open risks: one action of the scope overdue, one due later, one done, one
		// outside the scope
		this.committee.addAction(viewer, meeting.id(),
				new ActionDetails("Coach the team", atRisk.id(), today.minusDays(1)));
		this.committee.addAction(viewer, meeting.id(),
				new ActionDetails("Plan training", healthy.id(), today.plusDays(5)));
		SteeringCommittee.Action done = this.committee.addAction(viewer, meeting.id(),
				new ActionDetails("Send the charter", manager.id(), today.minusDays(3)));
		this.committee.setActionStatus(viewer, done.id(), ActionStatus.DONE, done.version());
		this.committee.addAction(viewer, meeting.id(),
				new ActionDetails("Elsewhere", outsider.id(), today.minusDays(9)));

		List<AgendaItem> agenda = this.committee.generateAgenda(viewer, meeting.id()).agenda();

		// computed by hand: 4 licensed, active in the last 30 days: healthy and atRisk
		assertThat(values(agenda, "Adoption by org level")).containsExactly("2 of 4 (50%)", // everyone
				"0 of 1 (0%)", // managers: the manager
				"2 of 3 (67%)"); // reps
		assertThat(value(agenda, "Fresh open deals")).isEqualTo("No open deals");
		assertThat(value(agenda, "Deals entered late")).isEqualTo("No deals closed");
		assertThat(value(agenda, "People who reached first value")).isEqualTo("0 of 4 (0%)");
		assertThat(value(agenda, "Median days to first value")).isEqualTo("Nobody yet");
		assertThat(value(agenda, "Forecast views, last 30 days")).isEqualTo("4 by 1 person");
		// of the 2 active people, 1 viewed a forecast
		assertThat(value(agenda, "People reporting from the system")).isEqualTo("50%");
		assertThat(value(agenda, "Committee actions overdue")).isEqualTo("1");
		assertThat(value(agenda, "People at risk")).isEqualTo("1");
		assertThat(value(agenda, "People lapsing")).isEqualTo("1");
		assertThat(agenda).allSatisfy(item -> assertThat(item.definition()).isNotBlank());

		// the figures change (another action of the scope overdue); the agenda kept with
		// the meeting does not
		this.committee.addAction(viewer, meeting.id(),
				new ActionDetails("Fix the data", lapsing.id(), today.minusDays(2)));
		SteeringCommittee.Meeting kept = this.committee.meeting(viewer, meeting.id());
		assertThat(kept.agenda()).isEqualTo(agenda);
		assertThat(kept.agendaAsOf()).isEqualTo(today);
		assertThat(value(this.committee.agendaFigures(this.metrics.organisationOf(manager.id()), today),
				"Committee actions overdue"))
			.isEqualTo("2");
	}

	private static List<String> values(List<AgendaItem> agenda, String topic) {
		return agenda.stream().filter(item -> item.topic().equals(topic)).map(AgendaItem::value).toList();
	}

	private static String value(List<AgendaItem> agenda, String label) {
		return agenda.stream().filter(item -> item.label().equals(label)).findFirst().orElseThrow().value();
	}

	@Test
	void anOpenActionIsOverdueOnlyAfterItsDueDate() {
		LocalDate today = LocalDate.of(2026, 6, 17);
		assertThat(SteeringCommittee.isOverdue(ActionStatus.OPEN, today.minusDays(1), today)).isTrue();
		assertThat(SteeringCommittee.isOverdue(ActionStatus.OPEN, today, today)).isFalse();
		assertThat(SteeringCommittee.isOverdue(ActionStatus.OPEN, today.plusDays(1), today)).isFalse();
		assertThat(SteeringCommittee.isOverdue(ActionStatus.DONE, today.minusDays(1), today)).isFalse();

		User lead = this.testUsers.create(Role.ADMIN);
		User owner = this.testUsers.create(Role.MANAGER);
		Viewer viewer = Viewer.of(lead);
		LocalDate day = this.metrics.today();
		SteeringCommittee.Meeting meeting = this.committee.create(viewer,
				new MeetingDetails(day.minusDays(7), "Last week", lead.id(), null, List.of(owner.id())));
		SteeringCommittee.Action late = this.committee.addAction(viewer, meeting.id(),
				new ActionDetails("Late", owner.id(), day.minusDays(1)));
		SteeringCommittee.Action dueToday = this.committee.addAction(viewer, meeting.id(),
				new ActionDetails("Today", owner.id(), day));
		assertThat(late.overdue()).isTrue();
		assertThat(dueToday.overdue()).isFalse();
		SteeringCommittee.Action closed = this.committee.setActionStatus(viewer, late.id(), ActionStatus.DONE,
				late.version());
		assertThat(closed.overdue()).isFalse();
		assertThat(closed.doneAt()).isNotNull();
		assertThat(this.committee.meetings(viewer)).filteredOn(m -> m.id().equals(meeting.id()))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.openActions()).isEqualTo(1);
				assertThat(m.overdueActions()).isZero();
			});
	}

	@Test
	void refusesAMeetingWithoutChairAnActionWithoutOwnerOrDueDateAndUnknownPeople() {
		User lead = this.testUsers.create(Role.ADMIN);
		Viewer viewer = Viewer.of(lead);
		LocalDate day = this.metrics.today();
		assertThatThrownBy(() -> this.committee.create(viewer, new MeetingDetails(day, "No chair", null, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("chairId"));
		assertThatThrownBy(
				() -> this.committee.create(viewer, new MeetingDetails(day, "Ghost", UUID.randomUUID(), null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("chairId"));
		SteeringCommittee.Meeting meeting = this.committee.create(viewer,
				new MeetingDetails(day, "Fine", lead.id(), null, List.of(lead.id())));
		assertThatThrownBy(() -> this.committee.addAction(viewer, meeting.id(), new ActionDetails("Do it", null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("ownerId", "dueOn"));
		assertThatThrownBy(() -> this.committee.addAction(viewer, meeting.id(),
				new ActionDetails("Do it", UUID.randomUUID(), day)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("There is no user");
		assertThatThrownBy(() -> this.committee.addMember(viewer, UUID.randomUUID()))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void leadsMembersAndSponsorsSeeTheCommitteeOnlyLeadsChangeIt() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User member = this.testUsers.create(Role.MANAGER);
		User sponsor = this.testUsers.create(Role.EXECUTIVE);
		User rep = this.testUsers.create(Role.REP);
		this.committee.addMember(Viewer.of(admin), member.id());
		this.sponsors.designate(Viewer.of(admin), sponsor.id());

		assertThat(this.committee.members(Viewer.of(member))).extracting(SteeringCommittee.CommitteeMember::userId)
			.contains(member.id(), sponsor.id());
		assertThat(this.committee.members(Viewer.of(member))).filteredOn(m -> m.userId().equals(sponsor.id()))
			.singleElement()
			.extracting(SteeringCommittee.CommitteeMember::sponsor)
			.isEqualTo(true);
		assertThatThrownBy(() -> this.committee.meetings(Viewer.of(rep))).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.committee.create(Viewer.of(member),
				new MeetingDetails(this.metrics.today(), "Mine", member.id(), null, null)))
			.isInstanceOf(ForbiddenException.class);

		SteeringCommittee.Meeting meeting = this.committee.create(Viewer.of(admin),
				new MeetingDetails(this.metrics.today().plusDays(2), "Sponsor review", sponsor.id(), null, null));
		// without attendees given, the committee is invited (and the chair)
		assertThat(meeting.attendance()).extracting(SteeringCommittee.MeetingAttendee::userId)
			.contains(sponsor.id(), member.id());
		SteeringCommittee.Meeting recorded = this.committee.recordAttendance(Viewer.of(admin), meeting.id(),
				List.of(sponsor.id()));
		assertThat(recorded.attendance()).filteredOn(SteeringCommittee.MeetingAttendee::attended)
			.extracting(SteeringCommittee.MeetingAttendee::userId)
			.containsExactly(sponsor.id());

		this.mvc.perform(get("/programme/committee").with(TestUsers.signIn(this.mvc, sponsor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sponsor review")));
		this.mvc
			.perform(get("/programme/committee/meetings/{id}", meeting.id()).with(TestUsers.signIn(this.mvc, member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-agenda\"")));
		this.mvc.perform(get("/programme/committee").with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/programme/committee/meetings/new").with(TestUsers.signIn(this.mvc, admin)))
			.andExpect(status().isOk());
		this.sponsors.remove(Viewer.of(admin), sponsor.id());
	}

	@Test
	void theMeetingFormSaysAChairIsNeeded() throws Exception {
		User lead = this.testUsers.create(Role.ADMIN);
		this.mvc
			.perform(post("/programme/committee/meetings").param("heldOn", this.metrics.today().toString())
				.param("title", "Without a chair")
				.with(TestUsers.signIn(this.mvc, lead))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose who chairs the meeting.")));
	}

	@Test
	void theApiRefusesNonLeadsAndBadInput() throws Exception {
		User lead = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		String day = this.metrics.today().toString();

		this.mvc.perform(get("/api/v1/programme/committee/meetings").with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/programme/committee/meetings").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"heldOn\": \"" + day + "\", \"title\": \"x\", \"chairId\": \"" + rep.id() + "\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/programme/committee/meetings").with(TestUsers.basic(lead))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"heldOn\": \"" + day + "\", \"title\": \"No chair\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("chairId"));
		this.mvc
			.perform(post("/api/v1/programme/committee/members").with(TestUsers.basic(lead))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\": \"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("userId"));

		String created = this.mvc
			.perform(post("/api/v1/programme/committee/meetings").with(TestUsers.basic(lead))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"heldOn\": \"" + day + "\", \"title\": \"API review\", \"chairId\": \"" + lead.id()
						+ "\", \"attendeeIds\": [\"" + rep.id() + "\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.chairName").value(lead.fullName()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = created.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");

		this.mvc
			.perform(post("/api/v1/programme/committee/meetings/{id}/actions", id).with(TestUsers.basic(lead))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"No owner\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("ownerId", "dueOn")));
		this.mvc
			.perform(post("/api/v1/programme/committee/meetings/{id}/actions", id).with(TestUsers.basic(lead))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Invite the team\", \"ownerId\": \"" + rep.id() + "\", \"dueOn\": \"" + day
						+ "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.overdue").value(false));
		this.mvc.perform(post("/api/v1/programme/committee/meetings/{id}/agenda", id).with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/programme/committee/meetings/{id}/agenda", id).with(TestUsers.basic(lead)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agenda[0].topic").value("Adoption by org level"));
		this.mvc
			.perform(get("/api/v1/programme/committee/meetings/{id}", UUID.randomUUID()).with(TestUsers.basic(lead)))
			.andExpect(status().isNotFound());
	}

}
