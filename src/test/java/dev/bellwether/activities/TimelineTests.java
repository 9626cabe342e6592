package dev.bellwether.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record timeline over real sources: activities from the database and a second source
 * standing in for field and stage history, merged and paged.
 */
@IntegrationTest
class TimelineTests {

	@Autowired
	Timeline timeline;

	@Autowired
	Clock clock;

	@Autowired
	Activities activities;

	@Autowired
	Accounts accounts;

	@Autowired
	RecordedTimelineSource recorded;

	@Autowired
	TestUsers users;

	@Test
	void mergesEverySourceNewestFirstAndPagesThroughAllOfThem() {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		UUID account = this.accounts
			.create(viewer,
					new AccountDetails("Timeline Co " + UUID.randomUUID(), null, null, null, null, null, null, null,
							null, null, null, null, rep.id(), null))
			.id();
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.DAYS);
		Set<UUID> expected = new HashSet<>();
		for (int i = 0; i < 25; i++) {
			Instant at = start.plus(i, ChronoUnit.HOURS);
			expected.add(
					this.activities
						.create(viewer,
								ActivityDetails.call("Call " + i, null, at, at.plusSeconds(600), rep.id())
									.linkedTo(account, null, null))
						.id());
			// a field change at the very same instant as every other call: ties across
			// sources
			if (i % 2 == 0) {
				UUID id = Ids.newId();
				this.recorded.record(account, new TimelineEntry(at, id, RecordedTimelineSource.SOURCE, "UPDATED",
						"Field changed", List.of(new FieldChange("phone", "1", "2")), rep.id(), null));
				expected.add(id);
			}
		}

		List<TimelineItem> seen = new ArrayList<>();
		TimelinePage page = this.timeline.page(viewer, "account", account, null, Timeline.DEFAULT_PAGE_SIZE);
		assertThat(page.entries()).hasSize(20);
		seen.addAll(page.entries());
		while (page.next() != null) {
			page = this.timeline.page(viewer, "account", account, page.next(), Timeline.DEFAULT_PAGE_SIZE);
			seen.addAll(page.entries());
		}

		// the account's own field history (its creation) is on the timeline too
		seen.removeIf(item -> !Set.of(ActivityTimelineSource.SOURCE, RecordedTimelineSource.SOURCE)
			.contains(item.entry().source()));
		List<TimelineEntry> entries = seen.stream().map(TimelineItem::entry).toList();
		assertThat(entries).hasSize(expected.size()).isSortedAccordingTo(Timeline.NEWEST_FIRST);
		assertThat(entries).extracting(TimelineEntry::id).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(entries).extracting(TimelineEntry::source)
			.contains(ActivityTimelineSource.SOURCE, RecordedTimelineSource.SOURCE);
		assertThat(seen.get(0).actorName()).isEqualTo(rep.fullName());
		assertThat(entries.get(0).at()).isEqualTo(start.plus(24, ChronoUnit.HOURS));
		assertThat(entries).extracting(TimelineEntry::summary).contains("Call: Call 24 (10 min)", "Field changed");
	}

	@Test
	void aRecordOnlyItsReadersMaySeeHasNoTimeline() {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);

		assertThatThrownBy(() -> this.timeline.page(viewer, "account", UUID.randomUUID(), null, 20))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> this.timeline.page(viewer, "opportunity", UUID.randomUUID(), null, 20))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> this.timeline.page(viewer, "widget", UUID.randomUUID(), null, 20))
			.isInstanceOf(RecordNotFoundException.class);
	}

}
