package dev.bellwether.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.programme.ProgrammeMessage.AdkarStage;
import dev.bellwether.programme.ProgrammeMessage.Audience;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel's queue runs dry when it is empty or its last queued message is sooner than
 * 14 days away; messages already released are not in it.
 */
class CommunicationQueuesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

	@Test
	void aQueueWhoseLastMessageIsSixDaysAwayRunsDryInSixDays() {
		List<ProgrammeMessage> messages = List.of(message(Channel.EMAIL, "2026-06-23", false),
				message(Channel.EMAIL, "2026-06-17", false), message(Channel.EMAIL, "2026-08-01", true));

		Communications.Queue queue = Communications.Queue.of(Channel.EMAIL, messages, TODAY);

		assertThat(queue.messages()).extracting(ProgrammeMessage::sendOn)
			.containsExactly(LocalDate.of(2026, 6, 17), LocalDate.of(2026, 6, 23));
		assertThat(queue.lastSendOn()).isEqualTo(LocalDate.of(2026, 6, 23));
		assertThat(queue.daysLeft()).isEqualTo(6);
		assertThat(queue.runsDry()).isTrue();
		assertThat(queue.warning()).isEqualTo("E-mail queue runs dry in 6 days");
	}

	@Test
	void aQueueStockedFourteenDaysAheadDoesNotRunDryButThirteenDoes() {
		assertThat(Communications.Queue
			.of(Channel.ANNOUNCEMENT, List.of(message(Channel.ANNOUNCEMENT, "2026-07-01", false)), TODAY)
			.runsDry()).isFalse();
		Communications.Queue thirteen = Communications.Queue.of(Channel.ANNOUNCEMENT,
				List.of(message(Channel.ANNOUNCEMENT, "2026-06-30", false)), TODAY);
		assertThat(thirteen.runsDry()).isTrue();
		assertThat(thirteen.daysLeft()).isEqualTo(13);
	}

	@Test
	void anEmptyQueueRunsDryAndOtherChannelsMessagesAreNotInIt() {
		Communications.Queue queue = Communications.Queue.of(Channel.TALKING_POINTS, List
			.of(message(Channel.EMAIL, "2026-09-01", false), message(Channel.TALKING_POINTS, "2026-06-20", true)),
				TODAY);

		assertThat(queue.messages()).isEmpty();
		assertThat(queue.runsDry()).isTrue();
		assertThat(queue.warning()).isEqualTo("Talking points queue is empty");
	}

	@Test
	void theSectionNamesTheQueueThatRunsDrySoonest() {
		List<ProgrammeMessage> messages = List.of(message(Channel.EMAIL, "2026-06-23", false),
				message(Channel.ANNOUNCEMENT, "2026-06-19", false), message(Channel.IN_APP_BANNER, "2026-07-10", false),
				message(Channel.TALKING_POINTS, "2026-07-01", false));
		List<Communications.Queue> queues = java.util.Arrays.stream(Channel.values())
			.map(c -> Communications.Queue.of(c, messages, TODAY))
			.toList();

		assertThat(CommunicationsSection.summary(queues))
			.isEqualTo("Announcement queue runs dry in 2 days (2 of 4 queues run dry within 14 days)");
		assertThat(CommunicationsSection.summary(queues.stream().filter(q -> !q.runsDry()).toList()))
			.isEqualTo("Every queue is stocked for 14 days or more; 2 messages queued");
	}

	static ProgrammeMessage message(Channel channel, String sendOn, boolean released) {
		return new ProgrammeMessage(UUID.randomUUID(), "t", "b", channel, SenderKind.MANAGER, null,
				AdkarStage.AWARENESS, LocalDate.parse(sendOn), null, new Audience(List.of("REP"), List.of()),
				released ? Instant.parse("2026-06-10T10:00:00Z") : null, Instant.parse("2026-06-01T10:00:00Z"), 0);
	}

}
