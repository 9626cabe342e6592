package dev.bellwether.marketing;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Web-to-lead's settings, and the hourly job (on one node) that deletes the rate-limit
 * counters of minutes more than an hour old.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebToLeadProperties.class)
class WebToLeadConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebToLeadConfiguration.class);

	private final WebLeadIntake intake;

	WebToLeadConfiguration(WebLeadIntake intake) {
		this.intake = intake;
	}

	@Scheduled(cron = "${bellwether.web-to-lead.prune-cron:0 7 * * * *}")
	@SchedulerLock(name = "web-to-lead-rate-counters", lockAtMostFor = "PT10M")
	void pruneRateCounters() {
		int deleted = this.intake.pruneRateCounters();
		log.debug("Web-to-lead: {} rate-limit counters pruned", deleted);
	}

}
