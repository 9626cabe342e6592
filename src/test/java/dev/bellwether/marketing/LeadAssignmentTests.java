package dev.bellwether.marketing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.audit.FieldHistory;
import dev.bellwether.audit.FieldHistoryEntry;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notification;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Lead assignment rules on the whole application: round-robin within a team (its order,
 * fairness, a deactivated member passed over, two leads created at once), criteria by
 * country, region and source, the first match winning, the creator or an error when no
 * rule matches, and reassignment with its log, field history and notification.
 * <p>
 * Rules apply to every lead created without an owner, so each test starts and ends with
 * no rules; teams are the test's own.
 */
@IntegrationTest
class LeadAssignmentTests {

	@Autowired
	Leads leads;

	@Autowired
	LeadAssignmentRules rules;

	@Autowired
	LeadAssignment assignment;

	@Autowired
	UserDirectory directory;

	@Autowired
	TestUsers users;

	@Autowired
	FieldHistory history;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	Viewer marketing;

	@BeforeEach
	@AfterEach
	void noRules() {
		this.jdbc.sql("delete from lead_assignment_rules").update();
		this.marketing = TestUsers.viewer(this.users.create(Role.MARKETING));
	}

	private List<User> team(String team, String... names) {
		List<User> members = new ArrayList<>();
		for (String name : names) {
			String username = "rr-" + UUID.randomUUID().toString().substring(0, 12);
			members.add(this.directory.create(new UserProfile(username, name, username + "@test.example", "Rep",
					Role.REP, null, team, "North", null), TestUsers.PASSWORD, null));
		}
		return members;
	}

	private static String uniqueTeam() {
		return "Team " + UUID.randomUUID().toString().substring(0, 8);
	}

	private LeadAssignmentRule roundRobin(String name, String team, List<String> sources, List<String> countries,
			WorldRegion region) {
		return this.rules.create(this.marketing, new LeadAssignmentRuleDetails(name, true, sources, countries, region,
				LeadAssignmentAction.ROUND_ROBIN, null, team));
	}

	private LeadAssignmentRule toUser(String name, User user, List<String> sources, List<String> countries,
			WorldRegion region) {
		return this.rules.create(this.marketing, new LeadAssignmentRuleDetails(name, true, sources, countries, region,
				LeadAssignmentAction.USER, user.id(), null));
	}

	private static LeadDetails unowned(String source, String country) {
		return new LeadDetails("Ada", "Lead " + UUID.randomUUID(), "Engines", null, null, null, country, source, null,
				null, null, null);
	}

	private UUID create(String source, String country) {
		return this.leads.create(this.marketing, unowned(source, country)).ownerId();
	}

	@Test
	void roundRobinTakesTurnsInNameOrderAndPassesOverADeactivatedMember() {
		String team = uniqueTeam();
		List<User> members = team(team, "Cleo Third", "Ann First", "Bea Second");
		User ann = members.get(1);
		User bea = members.get(2);
		User cleo = members.get(0);
		roundRobin("Everyone to " + team, team, List.of(), List.of(), null);

		List<UUID> owners = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			owners.add(create("Web", "GB"));
		}
		assertThat(owners).containsExactly(ann.id(), bea.id(), cleo.id(), ann.id(), bea.id(), cleo.id());

		this.directory.deactivate(cleo.id(), null);
		assertThat(create("Web", "GB")).as("Cleo's turn passes to whoever follows her").isEqualTo(ann.id());
		this.directory.deactivate(ann.id(), null);
		assertThat(create("Web", "GB")).isEqualTo(bea.id());
		assertThat(create("Web", "GB")).as("the only one left").isEqualTo(bea.id());
	}

	@Test
	void twoLeadsCreatedAtOnceGoToTwoPeople() throws Exception {
		String team = uniqueTeam();
		List<User> members = team(team, "Dora One", "Eve Two");
		roundRobin("Pairs " + team, team, List.of(), List.of(), null);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Map<UUID, Integer> counts = new HashMap<>();
			for (int round = 0; round < 5; round++) {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<UUID>> created = new ArrayList<>();
				for (int t = 0; t < 2; t++) {
					created.add(pool.submit(() -> {
						start.await();
						return create("Web", "GB");
					}));
				}
				start.countDown();
				List<UUID> pair = new ArrayList<>();
				for (Future<UUID> future : created) {
					pair.add(future.get(30, TimeUnit.SECONDS));
				}
				assertThat(pair).as("round " + round)
					.containsExactlyInAnyOrder(members.get(0).id(), members.get(1).id());
				pair.forEach(owner -> counts.merge(owner, 1, Integer::sum));
			}
			assertThat(counts).containsEntry(members.get(0).id(), 5).containsEntry(members.get(1).id(), 5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void matchesByCountryAndByWorldRegion() {
		User germany = team(uniqueTeam(), "Gerd Germany").get(0);
		User asia = team(uniqueTeam(), "Aiko Asia").get(0);
		toUser("Germany", germany, List.of(), List.of("de"), null);
		toUser("APAC", asia, List.of(), List.of(), WorldRegion.APAC);
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP));

		assertThat(this.leads.create(rep, unowned("Web", "DE")).ownerId()).isEqualTo(germany.id());
		assertThat(this.leads.create(rep, unowned("Web", "JP")).ownerId()).isEqualTo(asia.id());
		assertThat(this.leads.create(rep, unowned("Web", "AU")).ownerId()).isEqualTo(asia.id());
		assertThat(this.leads.create(rep, unowned("Web", "US")).ownerId()).as("no rule: the creator")
			.isEqualTo(rep.id());
		assertThat(this.leads.create(rep, unowned("Web", null)).ownerId()).isEqualTo(rep.id());
		assertThat(WorldRegion.of("fr")).contains(WorldRegion.EMEA);
		assertThat(WorldRegion.of("BR")).contains(WorldRegion.AMER);
	}

	@Test
	void matchesBySourceAndTheFirstMatchWins() {
		User webinars = team(uniqueTeam(), "Wendy Webinar").get(0);
		User everyone = team(uniqueTeam(), "Evan Everyone").get(0);
		LeadAssignmentRule webinar = toUser("Webinars", webinars, List.of("webinar"), List.of(), null);
		LeadAssignmentRule catchAll = toUser("Everything else", everyone, List.of(), List.of(), null);
		assertThat(webinar.sources()).as("stored as the pick list stores it").containsExactly("Webinar");

		assertThat(create("Webinar", "GB")).isEqualTo(webinars.id());
		assertThat(create("Web", "GB")).isEqualTo(everyone.id());
		assertThat(this.assignment.preview(unowned("Webinar", "GB"))).get()
			.extracting(RuleAssignment::ruleName)
			.isEqualTo("Webinars");

		this.rules.move(this.marketing, catchAll.id(), -1);
		assertThat(this.rules.list(this.marketing)).extracting(LeadAssignmentRule::name)
			.containsExactly("Everything else", "Webinars");
		assertThat(create("Webinar", "GB")).as("now the catch-all comes first").isEqualTo(everyone.id());

		this.rules.update(this.marketing, catchAll.id(), this.rules.get(this.marketing, catchAll.id()).version(),
				new LeadAssignmentRuleDetails("Everything else", false, List.of(), List.of(), null,
						LeadAssignmentAction.USER, everyone.id(), null));
		assertThat(create("Webinar", "GB")).as("an inactive rule is skipped").isEqualTo(webinars.id());
	}

	@Test
	void withoutAMatchTheCreatorOwnsTheLeadOrIsAskedToChoose() {
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP));
		assertThat(this.leads.create(rep, unowned("Web", "GB")).ownerId()).isEqualTo(rep.id());

		assertThatThrownBy(() -> this.leads.create(this.marketing, unowned("Web", "GB")))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors())
				.containsEntry("ownerId", "No assignment rule matched this lead; choose an owner."));
	}

	@Test
	void reassigningByTheRulesIsLoggedInTheHistoryAndTellsTheNewOwner() {
		String team = uniqueTeam();
		User taker = team(team, "Tara Taker").get(0);
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP));
		Lead lead = this.leads.create(rep, LeadsTests.lead("Moved " + UUID.randomUUID(), rep.id()));
		roundRobin("EMEA demo requests", team, List.of(), List.of(), WorldRegion.EMEA);

		Lead moved = this.assignment.reassign(rep, lead.id());

		assertThat(moved.ownerId()).isEqualTo(taker.id());
		List<LeadAssignmentEntry> log = this.assignment.history(this.marketing, lead.id());
		assertThat(log).hasSize(2);
		assertThat(log.get(0).how()).isEqualTo(LeadAssignmentMethod.RULE);
		assertThat(log.get(0).ruleName()).isEqualTo("EMEA demo requests");
		assertThat(log.get(0).fromOwnerId()).isEqualTo(rep.id());
		assertThat(log.get(0).toOwnerId()).isEqualTo(taker.id());
		assertThat(log.get(0).assignedBy()).isEqualTo(rep.id());
		assertThat(log.get(1).how()).isEqualTo(LeadAssignmentMethod.MANUAL);
		assertThat(log.get(1).fromOwnerId()).isNull();
		assertThat(this.notifications.of(taker.id(), PageRequest.of(0, 10)))
			.extracting(Notification::title, Notification::link)
			.contains(org.assertj.core.groups.Tuple.tuple("Lead " + lead.fullName() + " is yours now",
					"/leads/" + lead.id()));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.history.of(Leads.RECORD_TYPE, lead.id(), PageRequest.of(0, 50)))
				.filteredOn(entry -> "ownerId".equals(entry.field()))
				.extracting(FieldHistoryEntry::oldValue, FieldHistoryEntry::newValue)
				.contains(org.assertj.core.groups.Tuple.tuple(rep.id().toString(), taker.id().toString())));

		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		Lead handBack = this.leads.update(admin, lead.id(), moved.version(),
				new LeadDetails(lead.firstName(), lead.lastName(), lead.company(), lead.title(), lead.email(),
						lead.phone(), lead.country(), lead.source(), null, null, rep.id(), null));
		assertThat(handBack.ownerId()).isEqualTo(rep.id());
		assertThat(this.assignment.history(this.marketing, lead.id()).get(0).how())
			.as("an owner changed by hand is logged too")
			.isEqualTo(LeadAssignmentMethod.MANUAL);
	}

	@Test
	void reassigningWithoutAMatchKeepsTheOwner() {
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP));
		Lead lead = this.leads.create(rep, LeadsTests.lead("Stays " + UUID.randomUUID(), rep.id()));

		assertThatThrownBy(() -> this.assignment.reassign(rep, lead.id())).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fieldErrors()).containsKey("ownerId"));
		assertThat(this.leads.get(rep, lead.id()).ownerId()).isEqualTo(rep.id());
	}

	@Test
	void onlyMarketingAndAdministratorsKeepTheRules() {
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP));
		assertThatThrownBy(() -> this.rules.list(rep)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.rules.create(rep, new LeadAssignmentRuleDetails("Mine", true, List.of(),
				List.of(), null, LeadAssignmentAction.USER, rep.id(), null)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.rules.create(this.marketing,
				new LeadAssignmentRuleDetails(" ", true, List.of("Carrier pigeon"), List.of("XX"), null,
						LeadAssignmentAction.ROUND_ROBIN, null, "No such team")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKeys("name", "sources", "countries", "team"));
	}

}
