package dev.bellwether.dataquality;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Measures data quality every night, on one node, after the duplicate detection (so that
 * the queue holds the night's pairs): the day's score snapshot and the steward queue
 * re-evaluated.
 */
@Component
class DataQualityJob {

	private static final Logger log = LoggerFactory.getLogger(DataQualityJob.class);

	private final QualityMeasurement measurement;

	DataQualityJob(QualityMeasurement measurement) {
		this.measurement = measurement;
	}

	@Scheduled(cron = "${bellwether.dataquality.measure.cron:0 45 3 * * *}")
	@SchedulerLock(name = "data-quality-measurement", lockAtMostFor = "PT1H")
	void nightly() {
		Measurement run = this.measurement.measure();
		log.info("Data quality: {} accounts, {} contacts, {} open deals scored; {} open issues, {} fixed, in {} ms",
				run.accounts(), run.contacts(), run.deals(), run.openIssues(), run.fixedIssues(), run.millis());
	}

}
