package dev.bellwether.programme;

import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Champions' coverage by team against hand-computed fixtures, and the people who cannot
 * be champions.
 */
@IntegrationTest
class ChampionsTests {

	@Autowired
	Champions champions;

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	ProgrammeFixture fixture;

	Viewer lead;

	@BeforeEach
	void setUp() {
		this.fixture = new ProgrammeFixture(this.testUsers, this.jdbc);
		this.fixture.clearProgramme();
		this.lead = Viewer.of(this.testUsers.create(Role.ADMIN));
	}

	/**
	 * One champion per 3 people. Team A: 7 people, 2 champions: 2 × 3 = 6 < 7, a gap (3
	 * needed). Team B: 3 people, 1 champion: 3 = 3, covered. Team C: 2 people, none: a
	 * gap. Active in the last 30 days: 4 of A, 1 of B, none of C; champion teams'
	 * adoption rate (A and B) = 5 ÷ 10 = 50%, A's 4 ÷ 7, B's 1 ÷ 3, C's 0.
	 */
	@Test
	void coverageByTeamAgainstTheRatioAndChampionTeamsAdoption() {
		assertThat(this.champions.ratio().peoplePerChampion()).isEqualTo(15);
		this.champions.changeRatio(this.lead, 3, 0);
		String a = ProgrammeFixture.team("A");
		String b = ProgrammeFixture.team("B");
		String c = ProgrammeFixture.team("C");
		List<User> teamA = people(a, 7);
		List<User> teamB = people(b, 3);
		people(c, 2);
		for (int i = 0; i < 4; i++) {
			this.fixture.used(teamA.get(i), this.metrics.today().minusDays(i), true, 0);
		}
		this.fixture.used(teamB.get(0), this.metrics.today().minusDays(3), true, 0);
		this.champions.designate(this.lead, teamA.get(0).id(), a);
		this.champions.designate(this.lead, teamA.get(1).id(), a);
		this.champions.designate(this.lead, teamB.get(2).id(), b);

		Champions.Coverage coverage = this.champions.coverage();

		assertThat(coverage.peoplePerChampion()).isEqualTo(3);
		Champions.TeamCoverage rowA = row(coverage, a);
		assertThat(rowA.people()).isEqualTo(7);
		assertThat(rowA.champions()).isEqualTo(2);
		assertThat(rowA.coverage()).isCloseTo(2.0 / 7, within(1e-9));
		assertThat(rowA.needed()).isEqualTo(3);
		assertThat(rowA.gap()).isTrue();
		assertThat(rowA.adoptionRate()).isCloseTo(4.0 / 7, within(1e-9));
		Champions.TeamCoverage rowB = row(coverage, b);
		assertThat(rowB.champions()).isEqualTo(1);
		assertThat(rowB.needed()).isEqualTo(1);
		assertThat(rowB.gap()).isFalse();
		assertThat(rowB.adoptionRate()).isCloseTo(1.0 / 3, within(1e-9));
		Champions.TeamCoverage rowC = row(coverage, c);
		assertThat(rowC.champions()).isZero();
		assertThat(rowC.gap()).isTrue();
		assertThat(rowC.adoptionRate()).isZero();
		assertThat(coverage.championTeamsPeople()).isEqualTo(10);
		assertThat(coverage.championTeamsAdoptionRate()).isCloseTo(0.5, within(1e-9));
		assertThat(coverage.otherTeamsPeople()).as("C and every other team").isGreaterThanOrEqualTo(2);

		// a champion who leaves the team no longer counts: B falls below the ratio
		this.jdbc.sql("update users set team = :team where id = :id")
			.param("team", a)
			.param("id", teamB.get(2).id())
			.update();
		Champions.TeamCoverage moved = row(this.champions.coverage(), b);
		assertThat(moved.champions()).isZero();
		assertThat(moved.gap()).isTrue();
		assertThat(this.champions.list()).filteredOn(ch -> ch.userId().equals(teamB.get(2).id()))
			.singleElement()
			.satisfies(ch -> assertThat(ch.counts()).isFalse());
	}

	@Test
	void refusesDeactivatedPeopleOthersTeamsUnknownPeopleAndRatiosOutOfRange() {
		String team = ProgrammeFixture.team("East");
		User inTeam = this.fixture.person(Role.REP, team);
		User elsewhere = this.fixture.person(Role.REP, ProgrammeFixture.team("West"));
		User gone = this.fixture.person(Role.REP, team);
		this.fixture.deactivate(gone);

		assertThatThrownBy(() -> this.champions.designate(this.lead, gone.id(), team)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fieldErrors()).containsKey("userId"));
		assertThatThrownBy(() -> this.champions.designate(this.lead, elsewhere.id(), team))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors()).containsKey("team"))
			.hasMessageContaining("is not in team");
		assertThatThrownBy(() -> this.champions.designate(this.lead, UUID.randomUUID(), team))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> this.champions.designate(Viewer.of(inTeam), inTeam.id(), team))
			.isInstanceOf(ForbiddenException.class);
		this.champions.designate(this.lead, inTeam.id(), team);
		assertThatThrownBy(() -> this.champions.designate(this.lead, inTeam.id(), team))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("already a champion");
		assertThatThrownBy(() -> this.champions.remove(this.lead, UUID.randomUUID()))
			.isInstanceOf(RecordNotFoundException.class);

		assertThatThrownBy(() -> this.champions.changeRatio(this.lead, 0, 0)).isInstanceOf(InvalidInputException.class);
		this.champions.changeRatio(this.lead, 10, 0);
		assertThatThrownBy(() -> this.champions.changeRatio(this.lead, 12, 0)).isInstanceOf(StaleRecordException.class);
		assertThat(this.champions.ratio().peoplePerChampion()).isEqualTo(10);
	}

	@Test
	void negativePulseAnswersFlagAChampionAndNobodyElse() {
		String team = ProgrammeFixture.team("East");
		User champion = this.fixture.person(Role.REP, team);
		User colleague = this.fixture.person(Role.REP, team);
		this.champions.designate(this.lead, champion.id(), team);

		assertThat(this.champions.flagNegativePulse(champion.id(), "ADKAR ability 2 of 5")).isTrue();
		assertThat(this.champions.flagNegativePulse(colleague.id(), "ADKAR ability 2 of 5")).isFalse();

		assertThat(this.champions.list()).singleElement().satisfies(c -> {
			assertThat(c.flags()).singleElement()
				.satisfies(flag -> assertThat(flag.reason()).isEqualTo("ADKAR ability 2 of 5"));
		});
	}

	private List<User> people(String team, int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj(i -> this.fixture.person(Role.REP, team)).toList();
	}

	private static Champions.TeamCoverage row(Champions.Coverage coverage, String team) {
		return coverage.teams().stream().filter(t -> t.team().equals(team)).findFirst().orElseThrow();
	}

}
