package dev.bellwether.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UserDirectory#people()}: everyone in one read, each with their org level and
 * what decides whether adoption counts them, by name.
 */
@IntegrationTest
class PeopleTests {

	@Autowired
	UserDirectory directory;

	@Autowired
	TestUsers users;

	@Test
	void everyoneWithTheirLevelAndWhetherCounted() {
		User top = this.users.create(Role.EXECUTIVE);
		User manager = this.users.create(Role.MANAGER, top.id());
		User rep = this.users.create(Role.REP, manager.id());
		User trainer = person("trainer", manager.id(), false, "Trains the new hires");
		User robot = person("robot", null, true, null);
		this.directory.deactivate(rep.id(), null);

		List<Person> people = this.directory.people();
		Map<UUID, Person> byId = people.stream().collect(Collectors.toMap(Person::id, Function.identity()));

		assertThat(byId.get(top.id()).level()).isZero();
		assertThat(byId.get(manager.id()).level()).isEqualTo(1);
		assertThat(byId.get(rep.id())).satisfies(p -> {
			assertThat(p.level()).isEqualTo(2);
			assertThat(p.managerId()).isEqualTo(manager.id());
			assertThat(p.active()).isFalse();
			assertThat(p.deactivatedAt()).isNotNull();
			assertThat(p.role()).isEqualTo(Role.REP);
			assertThat(p.team()).isEqualTo("Team");
			assertThat(p.countedInAdoption()).isTrue();
		});
		assertThat(byId.get(trainer.id())).satisfies(p -> {
			assertThat(p.level()).isEqualTo(2);
			assertThat(p.notCountedReason()).isEqualTo("Trains the new hires");
			assertThat(p.countedInAdoption()).isFalse();
		});
		assertThat(byId.get(robot.id())).satisfies(p -> {
			assertThat(p.integrationAccount()).isTrue();
			assertThat(p.countedInAdoption()).isFalse();
		});
		// one row each
		assertThat(people).extracting(Person::id).doesNotHaveDuplicates();
	}

	private User person(String kind, UUID managerId, boolean integration, String notCountedReason) {
		String username = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
		return this.directory.create(new UserProfile(username, "Test " + username, username + "@test.example", "Tester",
				Role.REP, managerId, "Team", "Region", null, integration, notCountedReason), TestUsers.PASSWORD, null);
	}

}
