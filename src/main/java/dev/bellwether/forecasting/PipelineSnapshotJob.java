package dev.bellwether.forecasting;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly pipeline snapshot, at {@code bellwether.forecasting.snapshot.cron} (default
 * Mondays at 06:00) in the company's time zone. ShedLock runs it on one node; should two
 * nodes still start it in the same minute (a lock expired early), the second finds the
 * first's snapshot and writes nothing.
 */
@Component
class PipelineSnapshotJob {

	private static final Logger log = LoggerFactory.getLogger(PipelineSnapshotJob.class);

	private final PipelineSnapshots snapshots;

	PipelineSnapshotJob(PipelineSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Scheduled(cron = "${bellwether.forecasting.snapshot.cron:0 0 6 * * MON}", zone = "${bellwether.time-zone:UTC}")
	@SchedulerLock(name = "forecasting.weekly-pipeline-snapshot", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void weekly() {
		PipelineSnapshots.Taken weekly = this.snapshots.takeWeekly();
		if (!weekly.taken()) {
			log.info("Weekly pipeline snapshot {} was already taken this minute", weekly.snapshot().id());
		}
	}

}
