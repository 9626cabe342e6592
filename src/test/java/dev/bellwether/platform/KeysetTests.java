package dev.bellwether.platform;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.platform.web.PageRequests;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The order a list pages in, the condition "after this row", and the cursor that carries
 * the row: unit tests without a database.
 */
class KeysetTests {

	private static final Map<String, String> SORTABLE = Map.of("name", "lower(c.last_name), lower(c.first_name)",
			"closeDate", "o.close_date", "amount", "o.amount");

	private static final Set<String> NOT_NULL = Set.of("o.close_date", "o.id", "lower(c.last_name)");

	private static final Instant NOW = Instant.parse("2026-06-17T10:00:00Z");

	@Test
	void tieBreakersFollowTheFirstSortsDirectionAndNoExpressionRepeats() {
		List<SortKey> keys = PageRequests.sortKeys(Sort.by(Sort.Direction.DESC, "closeDate"), SORTABLE, NOT_NULL,
				"opportunity", "o.close_date", "o.id");

		assertThat(keys).containsExactly(new SortKey("o.close_date", false, true), new SortKey("o.id", false, true));
		assertThat(SortKey.orderBy(keys)).isEqualTo("o.close_date desc, o.id desc");
	}

	@Test
	void aSortOfSeveralColumnsSortsEachAndNullableOnesLast() {
		List<SortKey> keys = PageRequests.sortKeys(Sort.by(Sort.Direction.DESC, "name"), SORTABLE, NOT_NULL, "contact",
				"lower(c.last_name)", "c.id");

		assertThat(SortKey.orderBy(keys))
			.isEqualTo("lower(c.last_name) desc, lower(c.first_name) desc nulls last, c.id desc nulls last");
	}

	@Test
	void keysNeverNullRunningOneWayAreARowComparison() {
		Map<String, Object> params = new LinkedHashMap<>();
		UUID id = UUID.randomUUID();
		String condition = new Keyset(List.of(LocalDate.of(2026, 8, 1), id), 50)
			.condition(List.of(new SortKey("o.close_date", false, true), new SortKey("o.id", false, true)), params);

		assertThat(condition).isEqualTo("(o.close_date, o.id) < (:keyset0, :keyset1)");
		assertThat(params).containsEntry("keyset0", LocalDate.of(2026, 8, 1)).containsEntry("keyset1", id);
	}

	@Test
	void aNullableKeyComesAfterWithItsNullsLast() {
		List<SortKey> keys = List.of(new SortKey("o.amount", true, false), new SortKey("o.id", true, true));

		String afterAValue = new Keyset(List.of(BigDecimal.TEN, UUID.randomUUID()), 0).condition(keys,
				new LinkedHashMap<>());
		String afterANull = new Keyset(Arrays.asList(null, UUID.randomUUID()), 0).condition(keys,
				new LinkedHashMap<>());

		assertThat(afterAValue)
			.isEqualTo("(((o.amount > :keyset0 or o.amount is null)) or (o.amount = :keyset0 and o.id > :keyset1))");
		// after a null, only the other nulls, by id
		assertThat(afterANull).isEqualTo("((o.amount is null and o.id > :keyset1))");
	}

	@Test
	void aNullableFirstKeyPagesInTwoSectionsEachAnIndexRange() {
		// sort=cf.seats: the field may be null, its tie-breakers never are
		List<SortKey> keys = List.of(new SortKey("(o.custom ->> 'seats')", true, false),
				new SortKey("o.close_date", true, true), new SortKey("o.id", true, true));
		UUID id = UUID.randomUUID();

		List<Keyset.Section> first = Keyset.sections(keys, null, new LinkedHashMap<>());
		Map<String, Object> params = new LinkedHashMap<>();
		List<Keyset.Section> afterAValue = Keyset.sections(keys,
				new Keyset(List.of("12", LocalDate.of(2026, 8, 1), id), 50), params);
		List<Keyset.Section> afterANull = Keyset.sections(keys,
				new Keyset(Arrays.asList(null, LocalDate.of(2026, 8, 1), id), 50), new LinkedHashMap<>());

		assertThat(first).extracting(Keyset.Section::condition)
			.containsExactly("(o.custom ->> 'seats') is not null", "(o.custom ->> 'seats') is null");
		assertThat(first).extracting(Keyset.Section::orderBy)
			.containsExactly("(o.custom ->> 'seats') asc, o.close_date asc, o.id asc", "o.close_date asc, o.id asc");
		assertThat(afterAValue).extracting(Keyset.Section::condition)
			.containsExactly("(o.custom ->> 'seats') is not null and ((o.custom ->> 'seats'), o.close_date, o.id) > "
					+ "(:keyset0, :keyset1, :keyset2)", "(o.custom ->> 'seats') is null");
		assertThat(params).containsEntry("keyset0", "12").containsEntry("keyset2", id);
		// after a row without a value, only the rest of the rows without one
		assertThat(afterANull).singleElement()
			.satisfies(section -> assertThat(section.condition())
				.isEqualTo("(o.custom ->> 'seats') is null and (o.close_date, o.id) > (:keyset1, :keyset2)"));
	}

	@Test
	void aDescendingListKeepsItsNullsLastWithPlainDescendingSections() {
		List<SortKey> keys = PageRequests.sortKeys(Sort.by(Sort.Direction.DESC, "amount"), SORTABLE, NOT_NULL,
				"opportunity", "o.close_date", "o.id");

		List<Keyset.Section> sections = Keyset.sections(keys,
				new Keyset(List.of(BigDecimal.TEN, LocalDate.of(2026, 8, 1), UUID.randomUUID()), 5),
				new LinkedHashMap<>());

		// one ascending index (amount, close_date, id), scanned backwards
		assertThat(sections).extracting(Keyset.Section::orderBy)
			.containsExactly("o.amount desc, o.close_date desc, o.id desc", "o.close_date desc, o.id desc");
		assertThat(sections.get(0).condition())
			.endsWith("(o.amount, o.close_date, o.id) < (:keyset0, :keyset1, :keyset2)");
		assertThat(Keyset.union("select o.id from opportunities o", "o.deleted_at is null", sections)).startsWith(
				"select * from ((select o.id from opportunities o where o.deleted_at is null and o.amount is not null and ")
			.contains(
					" order by o.amount desc, o.close_date desc, o.id desc limit :pageLimit + :pageOffset) union all (")
			.endsWith(") sections limit :pageLimit offset :pageOffset");
	}

	@Test
	void aNeverNullFirstKeyIsNotSplit() {
		// one row comparison does
		assertThat(Keyset.sections(List.of(new SortKey("o.close_date", true, true), new SortKey("o.id", true, true)),
				null, new LinkedHashMap<>()))
			.isEmpty();
	}

	@Test
	void otherNullableKeysAfterTheFirstUseTheGeneralFormWithinEachSection() {
		// contacts by a custom field: the first name (a tie-breaker) may be null
		List<SortKey> keys = List.of(new SortKey("x", true, false), new SortKey("lower(c.last_name)", true, true),
				new SortKey("lower(c.first_name)", true, false), new SortKey("c.id", true, true));
		UUID id = UUID.randomUUID();

		List<Keyset.Section> afterAValue = Keyset.sections(keys, new Keyset(Arrays.asList("7", "doe", null, id), 3),
				new LinkedHashMap<>());
		List<Keyset.Section> afterANull = Keyset.sections(keys, new Keyset(Arrays.asList(null, "doe", "jo", id), 3),
				new LinkedHashMap<>());

		assertThat(afterAValue.get(0).condition())
			.isEqualTo("x is not null and x >= :keyset0 and (x > :keyset0 or (x = :keyset0 and lower(c.last_name) >= "
					+ ":keyset1 and ((lower(c.last_name) > :keyset1) or (lower(c.last_name) = :keyset1 and "
					+ "lower(c.first_name) is null and c.id > :keyset3))))");
		assertThat(afterAValue.get(0).orderBy())
			.isEqualTo("x asc, lower(c.last_name) asc, lower(c.first_name) asc nulls last, c.id asc");
		assertThat(afterAValue.get(1).condition()).isEqualTo("x is null");
		assertThat(afterANull).singleElement()
			.satisfies(section -> assertThat(section.condition())
				.startsWith("x is null and lower(c.last_name) >= :keyset1"));
	}

	@Test
	void aCursorForAnotherNumberOfKeysIsRefused() {
		assertThatExceptionOfType(InvalidCursorException.class)
			.isThrownBy(() -> new Keyset(List.of(UUID.randomUUID()), 0).condition(
					List.of(new SortKey("o.close_date", true, true), new SortKey("o.id", true, true)),
					new LinkedHashMap<>()));
	}

	@Test
	void aCursorCarriesEveryKindOfKeyValueBack() {
		ListCursors cursors = cursors(NOW);
		List<Object> values = Arrays.asList("Zoë | Ltd.", 42L, new BigDecimal("1234.50"), 0.5, LocalDate.of(2026, 2, 3),
				OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6000, ZoneOffset.UTC), UUID.randomUUID(), true, null);

		Keyset decoded = cursors.decode(cursors.encode(new Keyset(values, 75)), NOW);

		assertThat(decoded.values()).isEqualTo(values);
		assertThat(decoded.offset()).isEqualTo(75);
	}

	@Test
	void aCursorExpiresAfterADay() {
		String cursor = cursors(NOW).encode(new Keyset(List.of(UUID.randomUUID()), 25));

		assertThat(cursors(NOW.plus(Duration.ofHours(23))).decode(cursor, NOW.plus(Duration.ofHours(23))).offset())
			.isEqualTo(25);
		assertThatExceptionOfType(InvalidCursorException.class)
			.isThrownBy(() -> cursors(NOW).decode(cursor, NOW.plus(Duration.ofHours(24))))
			.withMessageContaining("expired");
	}

	@Test
	void aCursorSignedWithAnotherKeyIsRefused() {
		String cursor = cursors(NOW).encode(new Keyset(List.of(UUID.randomUUID()), 25));
		ListCursors otherKey = new ListCursors(null, Clock.fixed(NOW, ZoneOffset.UTC), "another key");

		assertThatExceptionOfType(InvalidCursorException.class).isThrownBy(() -> otherKey.decode(cursor, NOW))
			.withMessageContaining("not one this list gave out");
	}

	private static ListCursors cursors(Instant now) {
		return new ListCursors(null, Clock.fixed(now, ZoneOffset.UTC), "a test key");
	}

}
