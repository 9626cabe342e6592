package dev.bellwether.marketing;

import java.time.Clock;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The speed-to-lead breach check, every five minutes by default
 * ({@code bellwether.marketing.speed-to-lead.cron}); off with
 * {@code bellwether.marketing.speed-to-lead.alerts.enabled=false}, and, like every job,
 * in the tests unless a test calls it. ShedLock runs it on one node.
 */
@Component
@ConditionalOnProperty(name = "bellwether.marketing.speed-to-lead.alerts.enabled", havingValue = "true",
		matchIfMissing = true)
class SpeedToLeadJob {

	private static final Logger log = LoggerFactory.getLogger(SpeedToLeadJob.class);

	private final SpeedToLeadAlerts alerts;

	private final Clock clock;

	SpeedToLeadJob(SpeedToLeadAlerts alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	@Scheduled(cron = "${bellwether.marketing.speed-to-lead.cron:0 */5 * * * *}")
	@SchedulerLock(name = "marketing.speed-to-lead-breaches", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
	void check() {
		List<SpeedToLeadAlerts.Recorded> recorded = this.alerts.run(this.clock.instant());
		if (!recorded.isEmpty()) {
			log.info("{} speed-to-lead breach(es) recorded", recorded.size());
		}
	}

}
