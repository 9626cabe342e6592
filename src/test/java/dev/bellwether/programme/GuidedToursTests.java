package dev.bellwether.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guided tours: defined and validated by leads only, delivered per role and page, what
 * each person did with them recorded, missing targets reported, and whether a tour
 * changed behaviour measured against a hand-computed fixture.
 */
@IntegrationTest
class GuidedToursTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ObjectMapper json = new ObjectMapper();

	@Test
	void leadsCreateUpdateAndDeleteToursAndBadInputIsRefused() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		RequestPostProcessor lead = TestUsers.basic(admin);
		String path = uniquePath();

		this.mvc
			.perform(post("/api/v1/programme/guidance/tours").with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content(tour("No steps", path, "[\"REP\"]", "[]")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Add at least one step")));
		this.mvc.perform(post("/api/v1/programme/guidance/tours").with(lead)
			.contentType(MediaType.APPLICATION_JSON)
			.content(tour("No selector", path, "[\"REP\"]",
					"[{\"selector\": \"#a\", \"title\": \"A\", \"text\": \"a\"}, {\"selector\": \" \", \"title\": \"B\"}]")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Step 2 has no selector")));
		this.mvc
			.perform(post("/api/v1/programme/guidance/tours").with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content(tour("Bad role", path, "[\"WIZARD\"]", steps(1))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Unknown role WIZARD")));
		this.mvc
			.perform(post("/api/v1/programme/guidance/tours").with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content(tour("Bad path", "pipeline", "[\"REP\"]", steps(1))))
			.andExpect(status().isBadRequest());

		String created = this.mvc
			.perform(post("/api/v1/programme/guidance/tours").with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content(tour("Pipeline tour", path, "[\"REP\", \"manager\"]", steps(2))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.steps", hasSize(2)))
			.andExpect(jsonPath("$.steps[1].position").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(created).get("id").asText();

		this.mvc
			.perform(put("/api/v1/programme/guidance/tours/{id}", id).with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content(tour("Pipeline tour, shorter", path, "[\"REP\"]", steps(1))))
			.andExpect(status().isConflict()); // no version given
		this.mvc
			.perform(put("/api/v1/programme/guidance/tours/{id}", id).with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content(withVersion(tour("Pipeline tour, shorter", path, "[\"REP\"]", steps(1)), 0)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Pipeline tour, shorter"))
			.andExpect(jsonPath("$.roles", hasSize(1)))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put("/api/v1/programme/guidance/tours/{id}", id).with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content(withVersion(tour("Stale", path, "[\"REP\"]", steps(1)), 0)))
			.andExpect(status().isConflict());

		this.mvc.perform(delete("/api/v1/programme/guidance/tours/{id}", id).with(lead))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/programme/guidance/tours/{id}", id).with(lead)).andExpect(status().isNotFound());
	}

	@Test
	void onlyLeadsEditToursAndHelp() throws Exception {
		User manager = this.testUsers.create(Role.MANAGER);
		RequestPostProcessor notLead = TestUsers.basic(manager);
		this.mvc
			.perform(post("/api/v1/programme/guidance/tours").with(notLead)
				.contentType(MediaType.APPLICATION_JSON)
				.content(tour("Mine", uniquePath(), "[\"REP\"]", steps(1))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/programme/guidance/tours").with(notLead)).andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/programme/guidance/help").with(notLead)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"path\": \"/pipeline\", \"text\": \"Mine\"}"))
			.andExpect(status().isForbidden());
		RequestPostProcessor session = TestUsers.signIn(this.mvc, manager);
		this.mvc.perform(get("/programme/guidance/tours/new").with(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/programme/guidance/tours").param("name", "x").with(session).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void toursRunOnTheirPageForTheirRolesUntilCompletedOrDismissed() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		User otherRep = this.testUsers.create(Role.REP);
		User marketer = this.testUsers.create(Role.MARKETING);
		String path = uniquePath();
		String id = create(admin, tour("Reps' tour", path, "[\"REP\"]", steps(3)));

		this.mvc.perform(get("/api/v1/programme/tours").param("path", path).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].steps[0].selector").value("#step-1"));
		this.mvc.perform(get("/api/v1/programme/tours").param("path", path).with(TestUsers.basic(marketer)))
			.andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/api/v1/programme/tours").param("path", path + "/other").with(TestUsers.basic(rep)))
			.andExpect(jsonPath("$", hasSize(0)));

		// the rep goes through it; the other rep closes it at step 2, with step 3's
		// target missing
		this.mvc.perform(post("/api/v1/programme/tours/{id}/shown", id).with(TestUsers.basic(rep)))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(post("/api/v1/programme/tours/{id}/completed", id).with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stepReached\": 3}"))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/programme/tours/{id}/shown", id).with(TestUsers.basic(otherRep)));
		this.mvc
			.perform(post("/api/v1/programme/tours/{id}/missing-targets", id).with(TestUsers.basic(otherRep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"step\": 3, \"path\": \"" + path + "\"}"))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(post("/api/v1/programme/tours/{id}/missing-targets", id).with(TestUsers.basic(otherRep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"step\": 9, \"path\": \"" + path + "\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/programme/tours/{id}/dismissed", id).with(TestUsers.basic(otherRep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"stepReached\": 2}"))
			.andExpect(status().isNoContent());

		for (User done : List.of(rep, otherRep)) {
			this.mvc.perform(get("/api/v1/programme/tours").param("path", path).with(TestUsers.basic(done)))
				.andExpect(jsonPath("$", hasSize(0)));
		}
		RequestPostProcessor lead = TestUsers.basic(admin);
		String views = this.mvc.perform(get("/api/v1/programme/guidance/tours/{id}/views", id).with(lead))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode byRep = find(views, rep.id());
		assertThat(byRep.get("completedAt").isNull()).isFalse();
		assertThat(byRep.get("dismissedAt").isNull()).isTrue();
		assertThat(byRep.get("stepReached").asInt()).isEqualTo(3);
		JsonNode byOther = find(views, otherRep.id());
		assertThat(byOther.get("completedAt").isNull()).isTrue();
		assertThat(byOther.get("dismissedAt").isNull()).isFalse();
		assertThat(byOther.get("stepReached").asInt()).isEqualTo(2);

		this.mvc.perform(get("/api/v1/programme/guidance/tours/{id}/missing-targets", id).with(lead))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].message").value("step 3's target #step-3 is missing on " + path));
		this.mvc.perform(get("/programme/guidance/tours/{id}", id).with(TestUsers.signIn(this.mvc, admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("step 3&#39;s target #step-3 is missing on " + path)));
	}

	@Test
	void helpTextsAreWrittenByLeadsAndReadByEveryone() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		String path = uniquePath();
		this.mvc.perform(get("/api/v1/programme/guidance/help").param("path", path).with(TestUsers.basic(rep)))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(put("/api/v1/programme/guidance/help").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"path\": \"" + path + "\", \"text\": \" \"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(put("/api/v1/programme/guidance/help").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"path\": \"" + path + "\", \"text\": \"Drag a deal to move it.\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/programme/guidance/help").param("path", path).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("Drag a deal to move it."));
	}

	/**
	 * The fixture, by hand (T = today, feature sales:CREATE, a day in a window counts
	 * once):
	 * <ul>
	 * <li>A completed on T-30: used on T-44 (first day before), T-33, T-30 (the day
	 * itself: neither), T-29, T-25, T-16 (last day after), T-15 (beyond), T-45 (beyond):
	 * before 2, after 3, change +1;</li>
	 * <li>B on T-20: T-21, T-22, T-27 before, T-18 after: 3 and 1, change -2;</li>
	 * <li>C on T-16 (after-window ends T-2): T-15, T-14, T-13, T-12: 0 and 4, change
	 * +4;</li>
	 * <li>E on T-15 (ends T-1): no use: 0 and 0, change 0;</li>
	 * <li>D on T-10 (ends T+4, not over): T-11, T-9, T-8: 1 and 2 so far, not
	 * measured.</li>
	 * </ul>
	 * Measured changes sorted: -2, 0, +1, +4: median (0 + 1) / 2 = 0.5, over 4 people.
	 */
	@Test
	void aToursEffectIsItsFeaturesUseAfterAgainstBeforeCompletion() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		String id = create(admin, tour("Deal tour", uniquePath(), "[\"REP\"]", steps(1)).replace("\"roles\"",
				"\"featureKey\": \"sales:CREATE\", \"roles\""));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		User a = person(id, today.minusDays(30), today, -44, -33, -30, -29, -25, -16, -15, -45);
		User b = person(id, today.minusDays(20), today, -21, -22, -27, -18);
		User c = person(id, today.minusDays(16), today, -15, -14, -13, -12);
		User e = person(id, today.minusDays(15), today);
		User d = person(id, today.minusDays(10), today, -11, -9, -8);

		String body = this.mvc
			.perform(get("/api/v1/programme/guidance/tours/{id}/results", id).with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.featureKey").value("sales:CREATE"))
			.andExpect(jsonPath("$.medianChange").value(0.5))
			.andExpect(jsonPath("$.measured").value(4))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertPerson(body, a, 2, 3, true);
		assertPerson(body, b, 3, 1, true);
		assertPerson(body, c, 0, 4, true);
		assertPerson(body, e, 0, 0, true);
		assertPerson(body, d, 1, 2, false);

		this.mvc.perform(get("/programme/guidance/tours/{id}", id).with(TestUsers.signIn(this.mvc, admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0.5 days (4 people)")));
	}

	private User person(String tourId, LocalDate completedOn, LocalDate today, int... usedDaysFromToday) {
		User user = this.testUsers.create(Role.REP);
		this.jdbc
			.sql("""
					insert into programme_guidance_tour_views (tour_id, user_id, first_shown_at, last_shown_at, completed_at,
					  step_reached)
					values (:tour, :user, :at, :at, :at, 1)
					""")
			.param("tour", UUID.fromString(tourId))
			.param("user", user.id())
			.param("at", OffsetDateTime.of(completedOn.atTime(15, 30), ZoneOffset.UTC))
			.update();
		for (int offset : usedDaysFromToday) {
			this.jdbc.sql("insert into usage_daily (user_id, day, active, features) values (:u, :d, true, :f)")
				.param("u", user.id())
				.param("d", today.plusDays(offset))
				.param("f", new String[] { "sales:CREATE", "sales:VIEW" })
				.update();
		}
		if (usedDaysFromToday.length == 0) {
			// another feature's use, in both windows, counts for nothing
			for (int offset : new int[] { -3, 3 }) {
				this.jdbc.sql("insert into usage_daily (user_id, day, active, features) values (:u, :d, true, :f)")
					.param("u", user.id())
					.param("d", completedOn.plusDays(offset))
					.param("f", new String[] { "sales:VIEW" })
					.update();
			}
		}
		return user;
	}

	private void assertPerson(String body, User user, int before, int after, boolean measured) throws Exception {
		JsonNode people = this.json.readTree(body).get("people");
		JsonNode found = null;
		for (JsonNode p : people) {
			if (p.get("userId").asText().equals(user.id().toString())) {
				found = p;
			}
		}
		assertThat(found).as("person %s", user.fullName()).isNotNull();
		assertThat(found.get("daysBefore").asInt()).isEqualTo(before);
		assertThat(found.get("daysAfter").asInt()).isEqualTo(after);
		assertThat(found.get("change").asInt()).isEqualTo(after - before);
		assertThat(found.get("measured").asBoolean()).isEqualTo(measured);
	}

	private String create(User lead, String body) throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/programme/guidance/tours").with(TestUsers.basic(lead))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(created).get("id").asText();
	}

	private JsonNode find(String array, UUID userId) throws Exception {
		for (JsonNode node : this.json.readTree(array)) {
			if (node.get("userId").asText().equals(userId.toString())) {
				return node;
			}
		}
		throw new AssertionError("no row for " + userId);
	}

	private static String uniquePath() {
		return "/guidance-test/" + UUID.randomUUID();
	}

	private static String tour(String name, String path, String roles, String steps) {
		return "{\"name\": \"" + name + "\", \"path\": \"" + path + "\", \"roles\": " + roles + ", \"steps\": " + steps
				+ "}";
	}

	private static String withVersion(String tour, long version) {
		return tour.substring(0, tour.length() - 1) + ", \"version\": " + version + "}";
	}

	private static String steps(int count) {
		List<String> steps = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			steps.add(
					"{\"selector\": \"#step-" + i + "\", \"title\": \"Step " + i + "\", \"text\": \"Text " + i + "\"}");
		}
		return "[" + String.join(", ", steps) + "]";
	}

}
