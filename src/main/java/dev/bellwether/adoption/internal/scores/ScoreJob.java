package dev.bellwether.adoption.internal.scores;

import java.time.LocalDate;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.Score.PeriodKind;
import dev.bellwether.platform.db.BootstrapLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Computes the adoption scores every night, on one node: this month's and this quarter's
 * so far (partial, up to yesterday), and on the first days of a period the one just ended
 * (its last figures).
 */
@Component
@ConditionalOnProperty(name = "bellwether.adoption.scores.enabled", havingValue = "true", matchIfMissing = true)
class ScoreJob {

	private static final Logger log = LoggerFactory.getLogger(ScoreJob.class);

	private final AdoptionScores scores;

	private final AdoptionMetrics metrics;

	private final BootstrapLock bootstrap;

	ScoreJob(AdoptionScores scores, AdoptionMetrics metrics, BootstrapLock bootstrap) {
		this.scores = scores;
		this.metrics = metrics;
		this.bootstrap = bootstrap;
	}

	@Scheduled(cron = "${bellwether.adoption.scores.cron:0 30 2 * * *}")
	@SchedulerLock(name = "adoption-scores", lockAtMostFor = "PT30M")
	void nightly() {
		run(this.metrics.today());
	}

	/**
	 * On a first start with usage already there (the demo company, an import), the last
	 * three months and two quarters at once, so the scores page is not empty until
	 * tonight. On one node at a time; the others find the scores there.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		this.bootstrap.runAlone("adoption-scores-catch-up", this::catchUpIfNothingScored);
	}

	private void catchUpIfNothingScored() {
		if (!this.scores.nothingScoredYet()) {
			return;
		}
		LocalDate today = this.metrics.today();
		run(today);
		AdoptionScores.Period month = this.scores.period(PeriodKind.MONTH, today);
		for (int i = 1; i <= 2; i++) {
			month = this.scores.period(PeriodKind.MONTH, month.start().minusDays(1));
			this.scores.compute(month, month.end());
		}
		AdoptionScores.Period quarter = this.scores.period(PeriodKind.QUARTER, today);
		quarter = this.scores.period(PeriodKind.QUARTER, quarter.start().minusDays(1));
		this.scores.compute(quarter, quarter.end());
	}

	void run(LocalDate today) {
		for (PeriodKind kind : PeriodKind.values()) {
			AdoptionScores.Period current = this.scores.period(kind, today);
			// up to yesterday: nothing before the period's first working day has ended
			int written = this.scores.computeToday(current, today);
			if (today.minusDays(3).isBefore(current.start())) {
				AdoptionScores.Period previous = this.scores.period(kind, current.start().minusDays(1));
				written += this.scores.compute(previous, previous.end());
			}
			log.info("Computed {} {} adoption scores", written, kind.name().toLowerCase());
		}
	}

}
