package dev.bellwether.dataquality;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scoring rules, without a database.
 */
class CompletenessTests {

	@Test
	void scoresTheShareOfCountedFieldsFilledAndIgnoresFieldsNotCounted() {
		Set<String> filled = Set.of("website", "phone", "description");

		assertThat(Completeness.score(List.of("website", "industry", "phone", "country"), filled::contains))
			.isEqualTo(0.5);
		assertThat(Completeness.missing(List.of("website", "industry", "phone", "country"), filled::contains))
			.containsExactly("industry", "country");
		assertThat(Completeness.score(List.of("website"), filled::contains)).isEqualTo(1.0);
		assertThat(Completeness.score(List.of("industry"), filled::contains)).isEqualTo(0.0);
	}

	@Test
	void aRuleCountingNoFieldScoresNothing() {
		assertThat(Completeness.score(List.of(), field -> true)).isNull();
		assertThat(Completeness.missing(List.of(), field -> false)).isEmpty();
	}

	@Test
	void laterStagesAskForTheContactToo() {
		assertThat(CompletenessRules.defaultDealFields(10)).containsExactly("amount", "nextStep", "leadSource");
		assertThat(CompletenessRules.defaultDealFields(CompletenessRules.LATE_STAGE_PROBABILITY - 1))
			.doesNotContain("contact");
		assertThat(CompletenessRules.defaultDealFields(CompletenessRules.LATE_STAGE_PROBABILITY)).contains("amount",
				"nextStep", "contact");
	}

	@Test
	void aGroupScoreIsTheMeanOfItsRecordScoresSoEachRecordWeighsTheSame() {
		// one owner with one record at 1.0, another with three at 0.0: the mean is 0.25,
		// not the mean of the owners' means (0.5)
		QualityScore one = new QualityScore(1, 1.0, 1);
		QualityScore three = new QualityScore(3, 0.0, 0);

		QualityScore both = one.plus(three);

		assertThat(both.mean()).isCloseTo(0.25, within(1e-9));
		assertThat(both.percent()).isEqualTo(25.0);
		assertThat(both.complete()).isEqualTo(1);
		assertThat(QualityScore.NONE.mean()).isNull();
	}

	@Test
	void teamsAreManagersWithActiveReportsAndEveryoneBelowThem() {
		UUID vp = UUID.randomUUID();
		UUID manager = UUID.randomUUID();
		UUID rep = UUID.randomUUID();
		UUID gone = UUID.randomUUID();
		UUID loneManager = UUID.randomUUID();
		OrgTree org = new OrgTree(List.of(person(vp, "Vera", null, true), person(manager, "Max", vp, true),
				person(rep, "Rita", manager, true), person(gone, "Gus", loneManager, false),
				person(loneManager, "Lou", vp, true)));

		assertThat(org.subtree(vp)).containsExactlyInAnyOrder(vp, manager, rep, gone, loneManager);
		assertThat(org.subtree(manager)).containsExactlyInAnyOrder(manager, rep);
		// Lou manages only a deactivated person: not a team
		assertThat(org.managers(null, null)).containsExactly(new OrgTree.Node(vp, 0), new OrgTree.Node(manager, 1));
		assertThat(org.managers(manager, Set.of(manager, rep))).containsExactly(new OrgTree.Node(manager, 0));
	}

	private static Person person(UUID id, String name, UUID managerId, boolean active) {
		return new Person(id, name, name.toLowerCase() + "@example.com", null, Role.REP, managerId, 0, null, null,
				active, null, Instant.EPOCH, active ? null : Instant.EPOCH, Instant.EPOCH, false, null);
	}

}
