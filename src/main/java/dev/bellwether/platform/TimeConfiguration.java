package dev.bellwether.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One clock for the whole application, so that tests can fix "now": with
 * {@code bellwether.clock.fixed} (an ISO-8601 instant, set by the test profile) the clock
 * stands still at that instant; otherwise it is the system's, in UTC.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${bellwether.clock.fixed:}") String fixed) {
		if (StringUtils.hasText(fixed)) {
			return Clock.fixed(Instant.parse(fixed.strip()), ZoneOffset.UTC);
		}
		return Clock.systemUTC();
	}

}
