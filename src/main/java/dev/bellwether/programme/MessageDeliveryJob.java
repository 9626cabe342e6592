package dev.bellwether.programme;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the programme's due messages ({@link MessageDelivery}) every 15 minutes by
 * default ({@code bellwether.programme.messages.cron}); off with
 * {@code bellwether.programme.messages.enabled=false}, and, like every job, in the tests
 * unless a test calls it. ShedLock runs it on one node.
 */
@Component
@ConditionalOnProperty(name = "bellwether.programme.messages.enabled", havingValue = "true", matchIfMissing = true)
class MessageDeliveryJob {

	private static final Logger log = LoggerFactory.getLogger(MessageDeliveryJob.class);

	private final MessageDelivery delivery;

	private final Clock clock;

	MessageDeliveryJob(MessageDelivery delivery, Clock clock) {
		this.delivery = delivery;
		this.clock = clock;
	}

	@Scheduled(cron = "${bellwether.programme.messages.cron:0 */15 * * * *}")
	@SchedulerLock(name = "programme.message-delivery", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void deliver() {
		MessageDelivery.Result result = this.delivery.deliverDue(this.clock.instant());
		if (result.released() > 0 || result.delivered() > 0) {
			log.info("Programme messages: {} released, {} delivered, {} waiting", result.released(), result.delivered(),
					result.waiting());
		}
	}

}
