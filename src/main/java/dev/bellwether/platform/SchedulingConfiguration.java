package dev.bellwether.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run unless {@code bellwether.jobs.enabled=false}: the test profile turns
 * them all off, so that no job writes into a test's data or reads the clock behind its
 * back; a test that needs a job calls it (each job's method is a bean's). Each job's own
 * switch ({@code bellwether.adoption.alerts.enabled}, …) still applies. This must be the
 * only {@code @EnableScheduling} of the application: Spring Modulith's Moments, which has
 * its own, is off ({@code spring.modulith.moments.enabled=false}), and
 * {@code DeterministicTestsTests} fails if anything schedules a job in the tests.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bellwether.jobs.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {

}
