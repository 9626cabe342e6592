package dev.bellwether.activities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.timeline.TimelineCursor;
import dev.bellwether.platform.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Merging sources' pages into one timeline, and positions in it.
 */
class TimelineMergeTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static TimelineEntry entry(String source, long second, UUID id) {
		return new TimelineEntry(T0.plusSeconds(second), id, source, "X", source + " " + second, List.of(), null, null);
	}

	@Test
	void pagingThroughMergedSourcesVisitsEveryEntryOnceNewestFirst() {
		Random random = new Random(42);
		List<List<TimelineEntry>> sources = new ArrayList<>();
		List<TimelineEntry> all = new ArrayList<>();
		for (int s = 0; s < 3; s++) {
			List<TimelineEntry> source = new ArrayList<>();
			for (int i = 0; i < 37; i++) {
				// few distinct instants, so ties across sources are common
				TimelineEntry e = entry("s" + s, random.nextInt(20), new UUID(random.nextLong(), random.nextLong()));
				source.add(e);
				all.add(e);
			}
			sources.add(source);
		}
		List<TimelineEntry> visited = new ArrayList<>();
		TimelineCursor cursor = null;
		for (int page = 0; page < 100; page++) {
			final TimelineCursor before = cursor;
			List<List<TimelineEntry>> pages = sources.stream()
				.map(source -> source.stream()
					.filter(e -> before == null || Timeline.NEWEST_FIRST.compare(e,
							new TimelineEntry(before.at(), before.id(), "", "", "", List.of(), null, null)) > 0)
					.sorted(Timeline.NEWEST_FIRST)
					.limit(11)
					.toList())
				.toList();
			List<TimelineEntry> merged = Timeline.merge(pages, before, 11);
			List<TimelineEntry> shown = merged.size() > 10 ? merged.subList(0, 10) : merged;
			visited.addAll(shown);
			if (merged.size() <= 10) {
				break;
			}
			cursor = shown.get(shown.size() - 1).cursor();
		}

		assertThat(visited).hasSize(all.size()).doesNotHaveDuplicates().isSortedAccordingTo(Timeline.NEWEST_FIRST);
	}

	@Test
	void entriesNotAfterTheCursorAreDropped() {
		UUID id = UUID.fromString("00000000-0000-0000-0000-000000000005");
		TimelineEntry newer = entry("a", 10, UUID.randomUUID());
		TimelineEntry same = entry("a", 5, id);
		TimelineEntry older = entry("a", 4, UUID.randomUUID());

		assertThat(Timeline.merge(List.of(List.of(newer, same, older)), new TimelineCursor(T0.plusSeconds(5), id), 10))
			.containsExactly(older);
	}

	@Test
	void idsCompareAsPostgreSqlComparesUuids() {
		UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
		UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");

		assertThat(Timeline.compareUuids(low, high)).isNegative();
		assertThat(low.compareTo(high)).isPositive();
	}

	@Test
	void aCursorSurvivesTheRoundTripAndNonsenseIsNamed() {
		TimelineCursor cursor = new TimelineCursor(Instant.parse("2026-02-03T04:05:06.123456Z"), UUID.randomUUID());

		assertThat(Timeline.parse(Timeline.format(cursor))).isEqualTo(cursor);
		assertThat(Timeline.parse(" ")).isNull();
		assertThatThrownBy(() -> Timeline.parse("yesterday")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not a timeline position");
	}

}
