package dev.bellwether.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketing generator without a database: the same seed, day and deals give the same
 * rows; another seed other rows.
 */
class MarketingDataGeneratorTests {

	static final Instant AS_OF = Instant.parse("2026-06-16T23:59:59.999Z");

	static final UUID MARKETER = UUID.fromString("01900000-0000-7000-8000-0000000000aa");

	@Test
	void generatesTheSameRowsFromTheSameSeedAndDeals() {
		String first = generate(20260101).fingerprint();
		assertThat(generate(20260101).fingerprint()).isEqualTo(first);
		assertThat(generate(20260102).fingerprint()).isNotEqualTo(first);
	}

	@Test
	void convertsLeadsIntoAboutAFifthOfTheDealsItIsGiven() {
		MarketingDataGenerator generator = generate(7);
		java.util.Map<UUID, String> sources = generator.dealSources();
		assertThat(sources.keySet()).allSatisfy(deal -> assertThat(deal.getMostSignificantBits()).isEqualTo(4));
		assertThat(sources).hasSizeBetween(20, 70);
		assertThat(sources.values()).contains("Webinar", "Partner");
	}

	static MarketingDataGenerator generate(long seed) {
		SplittableRandom random = new SplittableRandom(1);
		List<MarketingDataGenerator.Rep> reps = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			reps.add(new MarketingDataGenerator.Rep(new UUID(1, i), i < 4 ? "North" : "South",
					i == 3 ? LocalDate.of(2026, 4, 1) : null));
		}
		List<MarketingDataGenerator.Company> companies = new ArrayList<>();
		List<MarketingDataGenerator.Deal> deals = new ArrayList<>();
		long asOf = AS_OF.toEpochMilli();
		for (int a = 0; a < 40; a++) {
			UUID account = new UUID(2, a);
			List<MarketingDataGenerator.Person> people = new ArrayList<>();
			for (int c = 0; c < 3; c++) {
				people.add(new MarketingDataGenerator.Person(new UUID(3, a * 10 + c), "First" + c, "Last" + a, "Buyer",
						"first" + c + ".last" + a + "@account" + a + ".example", "+1 555 0000"));
			}
			companies.add(new MarketingDataGenerator.Company(account, "Account " + a, "US", people));
			for (int d = 0; d < 5; d++) {
				long created = asOf - (1 + random.nextInt(500)) * 86_400_000L;
				boolean closed = random.nextBoolean();
				long closedAt = closed ? Math.min(asOf - 1, created + random.nextInt(90) * 86_400_000L)
						: Long.MIN_VALUE;
				deals.add(new MarketingDataGenerator.Deal(new UUID(4, a * 10 + d), account, people.get(0).id(),
						reps.get(a % reps.size()).id(), created, closedAt,
						closed ? Instant.ofEpochMilli(closedAt).atZone(ZoneOffset.UTC).toLocalDate()
								: LocalDate.of(2026, 9, 30),
						closed && random.nextBoolean(), 10_000_00 + random.nextInt(50_000_00)));
			}
		}
		deals.sort(java.util.Comparator.comparingLong(MarketingDataGenerator.Deal::createdAt));
		return new MarketingDataGenerator(seed, asOf, MARKETER).generate(reps, companies, deals);
	}

}
