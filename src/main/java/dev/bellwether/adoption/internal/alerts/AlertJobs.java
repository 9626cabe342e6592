package dev.bellwether.adoption.internal.alerts;

import java.time.LocalDate;

import dev.bellwether.platform.FiscalCalendar;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedules of the adoption alerts and digests, each run on one node at a time
 * (ShedLock; the lock provider is set up with usage capture's jobs). Off altogether with
 * {@code bellwether.adoption.alerts.enabled=false}. Each job evaluates the last whole
 * week (ending last Sunday, in the company's time zone) or, for sponsors, today; the
 * classes they call can be run directly for any day.
 */
@Component
@ConditionalOnProperty(name = "bellwether.adoption.alerts.enabled", havingValue = "true", matchIfMissing = true)
class AlertJobs {

	private static final Logger log = LoggerFactory.getLogger(AlertJobs.class);

	private final DeathSpiralAlerts deathSpiral;

	private final SponsorInactivityAlerts sponsors;

	private final WeeklyDigests digests;

	private final FiscalCalendar calendar;

	AlertJobs(DeathSpiralAlerts deathSpiral, SponsorInactivityAlerts sponsors, WeeklyDigests digests,
			FiscalCalendar calendar) {
		this.deathSpiral = deathSpiral;
		this.sponsors = sponsors;
		this.digests = digests;
		this.calendar = calendar;
	}

	@Scheduled(cron = "${bellwether.adoption.alerts.death-spiral.cron:0 0 6 * * MON}",
			zone = "${bellwether.time-zone:UTC}")
	@SchedulerLock(name = "adoption.death-spiral-alerts", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void deathSpiral() {
		LocalDate weekEnd = AlertPeriods.endOfLastWeek(this.calendar.today());
		log.info("Death-spiral warnings for the week ending {}: {}", weekEnd, this.deathSpiral.evaluate(weekEnd));
	}

	@Scheduled(cron = "${bellwether.adoption.alerts.sponsor-inactivity.cron:0 30 6 * * *}",
			zone = "${bellwether.time-zone:UTC}")
	@SchedulerLock(name = "adoption.sponsor-inactivity-alerts", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	void sponsorInactivity() {
		LocalDate yesterday = this.calendar.today().minusDays(1);
		log.info("Sponsors inactive in the 14 days to {}: {}", yesterday, this.sponsors.evaluate(yesterday));
	}

	@Scheduled(cron = "${bellwether.adoption.digest.cron:0 0 7 * * MON}", zone = "${bellwether.time-zone:UTC}")
	@SchedulerLock(name = "adoption.weekly-digests", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
	void weeklyDigests() {
		LocalDate weekEnd = AlertPeriods.endOfLastWeek(this.calendar.today());
		log.info("Weekly digests for the week ending {}: {} sent", weekEnd, this.digests.sendAll(weekEnd));
	}

}
