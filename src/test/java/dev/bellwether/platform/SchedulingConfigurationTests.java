package dev.bellwether.platform;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SchedulingConfiguration} on its own: the jobs are scheduled by default, and not
 * at all with {@code bellwether.jobs.enabled=false}.
 */
class SchedulingConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SchedulingConfiguration.class, AJob.class);

	@Test
	void jobsAreScheduledByDefault() {
		this.runner.run((context) -> assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
			.flatMap(ScheduledTaskHolder::getScheduledTasks)
			.hasSize(1));
	}

	@Test
	void noJobIsScheduledWhenJobsAreOff() {
		this.runner.withPropertyValues("bellwether.jobs.enabled=false")
			.run((context) -> assertThat(context.getBeansOfType(ScheduledTaskHolder.class)).isEmpty());
	}

	@Configuration(proxyBeanMethods = false)
	static class AJob {

		@Bean
		Job job() {
			return new Job();
		}

	}

	static class Job {

		@Scheduled(cron = "0 0 3 * * *", zone = "UTC")
		void run() {
		}

	}

}
