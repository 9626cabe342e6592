package dev.bellwether.service;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The SLA sweep ({@link SlaSweep}), every minute by default
 * ({@code bellwether.service.sla-sweep.cron}); off with
 * {@code bellwether.service.sla-sweep.enabled=false}, and, like every job, in the tests
 * unless a test calls it. ShedLock runs it on one node.
 */
@Component
@ConditionalOnProperty(name = "bellwether.service.sla-sweep.enabled", havingValue = "true", matchIfMissing = true)
class SlaSweepJob {

	private static final Logger log = LoggerFactory.getLogger(SlaSweepJob.class);

	private final SlaSweep sweep;

	private final Clock clock;

	SlaSweepJob(SlaSweep sweep, Clock clock) {
		this.sweep = sweep;
		this.clock = clock;
	}

	@Scheduled(cron = "${bellwether.service.sla-sweep.cron:0 * * * * *}")
	@SchedulerLock(name = "service.sla-sweep", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
	void sweep() {
		SlaSweep.Result result = this.sweep.run(this.clock.instant());
		if (!result.warned().isEmpty() || !result.breached().isEmpty()) {
			log.info("SLA sweep: {} due soon, {} breached", result.warned().size(), result.breached().size());
		}
	}

}
