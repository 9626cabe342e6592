package dev.bellwether.adoption.internal.capture;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Usage capture's recorder and listeners, and the lock that makes the adoption module's
 * scheduled jobs run on one node at a time (ShedLock on the {@code shedlock} table, with
 * the database's clock so that nodes' clocks need not agree). Scheduling itself is
 * enabled by the application class.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaptureProperties.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class CaptureConfiguration {

	@Bean
	UsageRecorder usageRecorder(CaptureProperties properties, UsageEventWriter writer,
			ObjectProvider<MeterRegistry> meters) {
		return new UsageRecorder(properties, writer, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	UsageListeners usageListeners(UsageRecorder recorder) {
		return new UsageListeners(recorder);
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Bean
	CaptureWebConfiguration captureWebConfiguration(UsageRecorder recorder, Clock clock) {
		return new CaptureWebConfiguration(recorder, clock);
	}

}
