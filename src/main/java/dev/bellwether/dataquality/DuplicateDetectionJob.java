package dev.bellwether.dataquality;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds duplicate accounts and contacts every night, on one node.
 */
@Component
class DuplicateDetectionJob {

	private static final Logger log = LoggerFactory.getLogger(DuplicateDetectionJob.class);

	private final Duplicates duplicates;

	DuplicateDetectionJob(Duplicates duplicates) {
		this.duplicates = duplicates;
	}

	@Scheduled(cron = "${bellwether.dataquality.duplicates.cron:0 15 3 * * *}")
	@SchedulerLock(name = "duplicate-detection", lockAtMostFor = "PT1H")
	void nightly() {
		DetectionRun run = this.duplicates.detect();
		log.info("Duplicate detection: {} account pairs, {} contact pairs in {} ms", run.accountPairs(),
				run.contactPairs(), run.millis());
	}

}
