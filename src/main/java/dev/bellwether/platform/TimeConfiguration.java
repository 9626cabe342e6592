package dev.bellwether.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One clock for the whole application, so that tests can fix "now": with
 * {@code bellwether.clock.start} (an ISO-8601 instant, set by the test profile) the clock
 * reads that instant when the application starts and runs on from it, so that the day and
 * the time of day are the same on every run while one write still comes after another (a
 * clock standing still would give a record's creation and its update the same moment);
 * otherwise it is the system's, in UTC.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${bellwether.clock.start:}") String start) {
		Clock system = Clock.systemUTC();
		if (StringUtils.hasText(start)) {
			return Clock.offset(system, Duration.between(system.instant(), Instant.parse(start.strip())));
		}
		return system;
	}

}
