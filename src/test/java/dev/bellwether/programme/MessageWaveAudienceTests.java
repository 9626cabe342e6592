package dev.bellwether.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.programme.Communications.MessageDraft;
import dev.bellwether.programme.ProgrammeMessage.AdkarStage;
import dev.bellwether.programme.ProgrammeMessage.AudienceWave;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Messages addressed to rollout waves, against hand-computed fixtures: a wave reaches
 * exactly its members as they are when the message is released, a wave and a role (or a
 * team) intersect, an unknown wave is refused (service, page, API), and a wave a queued
 * message names cannot be deleted (a sent message keeps naming it as a deleted wave).
 * Waves are company-wide: every test deletes its own waves, messages and deliveries.
 */
@IntegrationTest
class MessageWaveAudienceTests {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

	static final LocalDate LATER = LocalDate.of(2026, 9, 1);

	@Autowired
	Communications communications;

	@Autowired
	MessageDelivery delivery;

	@Autowired
	RolloutWaves waves;

	@Autowired
	UserDirectory users;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	final List<UUID> ownWaves = new ArrayList<>();

	final List<UUID> ownMessages = new ArrayList<>();

	User admin;

	Viewer lead;

	@BeforeEach
	void setUp() {
		this.admin = this.testUsers.create(Role.ADMIN);
		this.lead = TestUsers.viewer(this.admin);
	}

	@AfterEach
	void deleteOwnWavesAndMessages() {
		List<String> waveIds = this.ownWaves.stream().map(UUID::toString).toList();
		this.jdbc
			.sql("""
					select message_id from programme_message_audiences where kind = 'WAVE' and value = any (cast(:ids as text[]))
					""")
			.param("ids", SqlArrays.of(waveIds))
			.query(UUID.class)
			.list()
			.forEach(this.ownMessages::add);
		MessageRows.delete(this.jdbc, this.ownMessages);
		this.jdbc.sql("delete from programme_waves where id = any (cast(:ids as uuid[]))")
			.param("ids", SqlArrays.of(this.ownWaves))
			.update();
	}

	/**
	 * Team T1: reps a, b, manager m; team T2: rep c, manager n. Wave W (created first, so
	 * earlier) names a, m and c; wave W2 takes team T2, i.e. n (c is W's already). After
	 * the messages are queued, d (a rep of T1) is added to W: membership is resolved on
	 * release. Hand-computed: W = {a, m, c, d}, W2 = {n}; b is in no wave.
	 * <ul>
	 * <li>m1 to W: a, m, c, d
	 * <li>m2 to W and role REP: a, c, d
	 * <li>m3 to W or W2, and team T2: c, n
	 * <li>m4 to W2 and role REP: nobody
	 * </ul>
	 * m1 and m2 repeat a key message and are announcements (one a day): delivered over
	 * two days, a, c and d received it twice, m once.
	 */
	@Test
	void aWaveReachesExactlyItsMembersOnReleaseAndIntersectsWithRolesAndTeams() {
		String t1 = team();
		String t2 = team();
		User a = person(Role.REP, t1);
		User b = person(Role.REP, t1);
		User m = person(Role.MANAGER, t1);
		User c = person(Role.REP, t2);
		User n = person(Role.MANAGER, t2);
		Wave w = wave("W", List.of(), List.of(a.id(), m.id(), c.id()));
		Wave w2 = wave("W2", List.of(t2), List.of());
		String key = "Waves " + UUID.randomUUID();

		UUID m1 = send(Channel.ANNOUNCEMENT, key, List.of(), List.of(), List.of(w.id()), TODAY);
		UUID m2 = send(Channel.ANNOUNCEMENT, key, List.of("REP"), List.of(), List.of(w.id()), TODAY);
		UUID m3 = send(Channel.EMAIL, null, List.of(), List.of(t2), List.of(w2.id(), w.id()), TODAY);
		UUID m4 = send(Channel.EMAIL, null, List.of("REP"), List.of(), List.of(w2.id()), TODAY);
		User d = person(Role.REP, t1);
		this.waves.update(this.lead, w.id(), w.version(), new WaveDetails(w.name(), w.position(), List.of(), List.of(),
				List.of(a.id(), m.id(), c.id(), d.id()), w.plannedStart(), w.gates()));
		assertThat(this.waves.members(w.id())).containsExactlyInAnyOrder(a.id(), m.id(), c.id(), d.id());
		assertThat(this.waves.members(w2.id())).containsExactly(n.id());
		assertThat(this.communications.queues(this.lead)
			.stream()
			.filter(q -> q.channel() == Channel.ANNOUNCEMENT)
			.flatMap(q -> q.messages().stream())
			.map(ProgrammeMessage::id)).contains(m1, m2);
		assertThat(this.communications.get(this.lead, m3).message().audience().waveNames()).containsExactly(w.name(),
				w2.name());

		this.delivery.deliverDue(at(TODAY, 10));
		this.delivery.deliverDue(at(TODAY.plusDays(1), 10));

		Map<UUID, Set<UUID>> expected = new HashMap<>();
		expected.put(m1, Set.of(a.id(), m.id(), c.id(), d.id()));
		expected.put(m2, Set.of(a.id(), c.id(), d.id()));
		expected.put(m3, Set.of(c.id(), n.id()));
		expected.put(m4, Set.of());
		assertThat(deliveries(List.of(m1, m2, m3, m4))).isEqualTo(expected);
		assertThat(this.communications.get(this.lead, m1).people()).isEqualTo(4);
		assertThat(this.communications.get(this.lead, m1).delivered()).isEqualTo(4);
		assertThat(this.communications.get(this.lead, m2).delivered()).isEqualTo(3);
		assertThat(this.communications.get(this.lead, m4).people()).isZero();
		assertThat(b.id()).isNotIn(expected.values().stream().flatMap(Set::stream).toList());

		Communications.RepetitionReport report = this.communications.repetitions(this.lead);
		assertThat(report.teams().stream().filter(r -> r.keyMessage().equals(key))).containsExactlyInAnyOrder(
				new Communications.TeamRepetitions(key, t1, 3, 3, 0, 0),
				new Communications.TeamRepetitions(key, t2, 1, 1, 0, 0));
		assertThat(report.outside().stream().filter(p -> p.keyMessage().equals(key)))
			.extracting(p -> p.userId() + "=" + p.received())
			.containsExactlyInAnyOrder(a.id() + "=2", m.id() + "=1", c.id() + "=2", d.id() + "=2");
	}

	@Test
	void anUnknownWaveIsRefusedAndAWaveAloneIsAnAudience() throws Exception {
		User a = person(Role.REP, team());
		Wave w = wave("Solo", List.of(), List.of(a.id()));
		UUID unknown = UUID.randomUUID();

		UUID alone = send(Channel.EMAIL, null, List.of(), List.of(), List.of(w.id()), LATER);
		assertThat(this.communications.get(this.lead, alone).message().audience().waveIds()).containsExactly(w.id());
		assertThatThrownBy(() -> send(Channel.EMAIL, null, List.of(), List.of(), List.of(w.id(), unknown), LATER))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors())
				.containsEntry("waves", "No rollout wave has the id " + unknown + "."));
		assertThatThrownBy(() -> send(Channel.EMAIL, null, List.of(), List.of(), List.of(), LATER))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors())
				.containsEntry("audience", "Choose who the message is for: at least one role, team or rollout wave."));

		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.admin);
		this.mvc
			.perform(post("/programme/communications/messages").with(session)
				.with(csrf())
				.param("title", "To an unknown wave")
				.param("body", "Body")
				.param("channel", "EMAIL")
				.param("senderKind", "MANAGER")
				.param("stage", "AWARENESS")
				.param("sendOn", LATER.toString())
				.param("waves", unknown.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No rollout wave has the id " + unknown + ".")))
			.andExpect(content().string(containsString("is-invalid")));
		this.mvc
			.perform(post("/api/v1/programme/communications/messages").with(TestUsers.basic(this.admin))
				.contentType("application/json")
				.content(json("To an unknown wave", unknown)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("waves")))
			.andExpect(content().string(containsString("No rollout wave has the id " + unknown)));
	}

	@Test
	void thePageAndTheApiTakeAndShowWavesByName() throws Exception {
		User a = person(Role.REP, team());
		Wave w = wave("Pilot", List.of(), List.of(a.id()));
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.admin);
		String title = "To the pilot " + UUID.randomUUID();

		this.mvc.perform(get("/programme/communications").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label class=\"form-label small\" for=\"waves\">")))
			.andExpect(content().string(containsString(">" + w.name() + " (planned)</option>")));
		this.mvc
			.perform(post("/programme/communications/messages").with(session)
				.with(csrf())
				.param("title", title)
				.param("body", "Body")
				.param("channel", "EMAIL")
				.param("senderKind", "MANAGER")
				.param("stage", "AWARENESS")
				.param("sendOn", LATER.toString())
				.param("roles", "REP")
				.param("waves", w.id().toString()))
			.andExpect(redirectedUrl("/programme/communications"));
		ProgrammeMessage created = this.communications.list(this.lead)
			.stream()
			.map(Communications.MessageFigures::message)
			.filter(x -> x.title().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(created.audience().roles()).containsExactly("REP");
		assertThat(created.audience().waves()).containsExactly(new AudienceWave(w.id(), w.name()));
		this.mvc.perform(get("/programme/communications").with(session))
			.andExpect(content().string(containsString("wave " + w.name())));
		this.mvc.perform(get("/programme/messages/{id}", created.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("rollout wave " + w.name())));
		this.mvc.perform(get("/programme/communications/messages/{id}/edit", created.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + w.id() + "\" selected=\"selected\"")));

		this.mvc
			.perform(post("/api/v1/programme/communications/messages").with(TestUsers.basic(this.admin))
				.contentType("application/json")
				.content(json("Through the API", w.id())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.waves[0]").value(w.id().toString()))
			.andExpect(jsonPath("$.waveNames[0]").value(w.name()))
			.andExpect(jsonPath("$.teams").isEmpty());
		this.mvc.perform(get("/v3/api-docs").with(session))
			.andExpect(content().string(containsString("Ids of rollout waves")));
	}

	/**
	 * The chosen behaviour: a wave that a queued message names cannot be deleted (else
	 * the message would go to fewer people than the lead chose, or to everyone its other
	 * kinds name); once the message is sent, the wave can be deleted and the message
	 * names it as a deleted wave.
	 */
	@Test
	void aWaveNamedByAQueuedMessageCannotBeDeletedASentOneNamesItAsDeleted() throws Exception {
		User a = person(Role.REP, team());
		Wave w = wave("Doomed", List.of(), List.of(a.id()));
		UUID queued = send(Channel.EMAIL, null, List.of(), List.of(), List.of(w.id()), LATER);
		this.jdbc.sql("update programme_messages set title = 'Why we moved' where id = :id")
			.param("id", queued)
			.update();

		assertThatThrownBy(() -> this.waves.delete(this.lead, w.id())).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.fieldErrors()).containsEntry("status",
						w.name() + " is the audience of a queued message: “Why we moved”. Change its audience "
								+ "or delete it first."));
		this.mvc
			.perform(post("/programme/waves/{id}/delete", w.id()).with(TestUsers.signIn(this.mvc, this.admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/programme/waves/" + w.id()));
		assertThat(this.waves.get(w.id())).isNotNull();

		this.jdbc.sql("update programme_messages set send_on = :today where id = :id")
			.param("today", TODAY)
			.param("id", queued)
			.update();
		this.delivery.deliverDue(at(TODAY, 11));
		assertThat(deliveries(List.of(queued))).containsEntry(queued, Set.of(a.id()));
		this.waves.delete(this.lead, w.id());

		assertThat(this.communications.get(this.lead, queued).message().audience().waves())
			.containsExactly(new AudienceWave(w.id(), AudienceWave.DELETED));
	}

	private Wave wave(String name, List<String> teams, List<UUID> people) {
		Wave wave = this.waves.create(this.lead,
				new WaveDetails(name + " " + UUID.randomUUID().toString().substring(0, 8), null, List.of(), teams,
						people, LocalDate.of(2026, 7, 14), ProgrammeFixture.activation(14, 50)));
		this.ownWaves.add(wave.id());
		return wave;
	}

	private UUID send(Channel channel, String key, List<String> roles, List<String> teams, List<UUID> waveIds,
			LocalDate sendOn) {
		UUID id = this.communications
			.create(this.lead,
					new MessageDraft("Message", "Body", channel, SenderKind.MANAGER, null, AdkarStage.AWARENESS, sendOn,
							key, roles, teams, waveIds))
			.id();
		this.ownMessages.add(id);
		return id;
	}

	private Map<UUID, Set<UUID>> deliveries(List<UUID> messages) {
		Map<UUID, Set<UUID>> people = new HashMap<>();
		messages.forEach(m -> people.put(m, new HashSet<>()));
		this.jdbc.sql(
				"select message_id, user_id from programme_message_deliveries where message_id = any (cast(:ids as uuid[]))")
			.param("ids", SqlArrays.of(messages))
			.query(rs -> {
				people.get(rs.getObject("message_id", UUID.class)).add(rs.getObject("user_id", UUID.class));
			});
		return people;
	}

	private static String json(String title, UUID wave) {
		return """
				{"title":"%s","body":"Body","channel":"EMAIL","senderKind":"MANAGER","stage":"KNOWLEDGE",
				"sendOn":"%s","waves":["%s"]}""".formatted(title, LATER, wave);
	}

	private static String team() {
		return "Wavemsg " + UUID.randomUUID().toString().substring(0, 8);
	}

	private User person(Role role, String team) {
		String username = "wavemsg-" + UUID.randomUUID().toString().substring(0, 12);
		return this.users.create(new UserProfile(username, "Person " + username, username + "@test.example", "Tester",
				role, null, team, "Region", null), TestUsers.PASSWORD, null);
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
	}

}
