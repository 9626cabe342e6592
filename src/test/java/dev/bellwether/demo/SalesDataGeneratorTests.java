package dev.bellwether.demo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.Role;
import dev.bellwether.platform.db.CopyRows;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The generator without a database: the same seed gives the same rows, and the
 * benchmark's organisation has the shape the benchmark needs.
 */
class SalesDataGeneratorTests {

	static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

	@Test
	void generatesTheSameRowsFromTheSameSeed() {
		SalesDataGenerator first = new SalesDataGenerator(42, NOW, 5, 3);
		SalesDataGenerator second = new SalesDataGenerator(42, NOW, 5, 3);
		assertThat(second.fingerprint(second.organisation(60, "b."), 300, 5))
			.isEqualTo(first.fingerprint(first.organisation(60, "b."), 300, 5));
		assertThat(second.accountRows(17, second.organisation(60, "b."), 5).opportunities.toString())
			.isEqualTo(first.accountRows(17, first.organisation(60, "b."), 5).opportunities.toString());
	}

	@Test
	void generatesOtherRowsFromAnotherSeedOrDay() {
		SalesDataGenerator generator = new SalesDataGenerator(42, NOW, 5, 3);
		byte[] fingerprint = generator.fingerprint(generator.organisation(60, "b."), 100, 5);
		SalesDataGenerator otherSeed = new SalesDataGenerator(43, NOW, 5, 3);
		SalesDataGenerator otherDay = new SalesDataGenerator(42, NOW.plusSeconds(86_400), 5, 3);
		assertThat(otherSeed.fingerprint(otherSeed.organisation(60, "b."), 100, 5)).isNotEqualTo(fingerprint);
		assertThat(otherDay.fingerprint(otherDay.organisation(60, "b."), 100, 5)).isNotEqualTo(fingerprint);
	}

	@Test
	void anAccountsRowsDoNotDependOnTheAccountsBeforeIt() {
		SalesDataGenerator generator = new SalesDataGenerator(42, NOW, 5, 3);
		SalesDataGenerator.Organisation organisation = generator.organisation(60, "b.");
		// what lets several threads write chunks of accounts and still give the same rows
		assertThat(generator.accountRows(250, organisation, 5).history.toString())
			.isEqualTo(new SalesDataGenerator(42, NOW, 5, 3).accountRows(250, organisation, 5).history.toString());
	}

	@Test
	void buildsAFiveLevelOrganisationOfTwoThousandPeople() {
		SalesDataGenerator.Organisation organisation = new SalesDataGenerator(1, NOW, 5, 3).organisation(2_000,
				"bench.");
		assertThat(organisation.members()).hasSize(2_000);
		Map<Integer, Long> levels = organisation.members()
			.stream()
			.collect(Collectors.groupingBy(SalesDataGenerator.Member::level, Collectors.counting()));
		assertThat(levels).containsOnlyKeys(0, 1, 2, 3, 4).containsEntry(0, 1L);
		assertThat(organisation.withRole(Role.SALES_ADMIN)).hasSize(1);
		long managers = organisation.atLevel(3).size();
		long reps = organisation.withRole(Role.REP).size();
		assertThat(reps / managers).isBetween(12L, 18L);
		Map<UUID, SalesDataGenerator.Member> byId = organisation.members()
			.stream()
			.collect(Collectors.toMap(SalesDataGenerator.Member::id, m -> m));
		// everyone below the chief executive reports to someone one level up
		assertThat(organisation.members()).filteredOn(m -> m.level() > 0)
			.allSatisfy(m -> assertThat(byId.get(m.managerId()).level()).isEqualTo(m.level() - 1));
		assertThat(organisation.members().stream().map(SalesDataGenerator.Member::username).distinct()).hasSize(2_000);
	}

	@Test
	void refusesAnOrganisationTooSmallForFiveLevels() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SalesDataGenerator(1, NOW, 5, 3).organisation(10, "bench."));
	}

	@Test
	void writesCopyTextWithEscapesNullsAndUtcTimes() {
		CopyRows rows = new CopyRows("t", "a, b, c, d, e");
		rows.text("tab\there\\back\nline")
			.nul()
			.cents(123_456)
			.instant(Instant.parse("2026-01-02T03:04:05.006Z").toEpochMilli())
			.uuid(UUID.fromString("01900000-0000-7000-8000-00000000000a"))
			.endRow();
		assertThat(rows).hasToString(
				"tab\\there\\\\back\\nline\t\\N\t1234.56\t2026-01-02 03:04:05.006+00\t01900000-0000-7000-8000-00000000000a\n");
		assertThat(rows.rows()).isEqualTo(1);
	}

}
