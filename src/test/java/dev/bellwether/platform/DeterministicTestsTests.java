package dev.bellwether.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.bellwether.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.TaskManagementConfigUtils;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test profile's promises: the application's clock starts at the fixed instant (today
 * is the same day on every run) and no scheduled job runs on its own.
 */
@IntegrationTest
class DeterministicTestsTests {

	@Autowired
	Clock clock;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	ApplicationContext context;

	@Value("${bellwether.clock.start}")
	Instant start;

	@Test
	void theClockStartsAtTheTestProfilesInstantAndRunsOn() {
		Instant now = this.clock.instant();
		assertThat(now).isAfterOrEqualTo(this.start).isBefore(this.start.plus(Duration.ofHours(6)));
		assertThat(this.calendar.today()).isEqualTo(LocalDate.of(2026, 6, 17));
		assertThat(this.clock.instant()).isAfterOrEqualTo(now);
	}

	/**
	 * The application's jobs are beans with {@code @Scheduled} methods (a test calls
	 * them), but nothing schedules them: no post-processor reads {@code @Scheduled}
	 * (whoever would register it, e.g. a library's own {@code @EnableScheduling}), no
	 * task holder holds a task, and Spring Session's expired-session cleanup has no
	 * scheduler of its own.
	 */
	@Test
	void noScheduledJobRunsOnItsOwn() {
		List<String> jobs = new ArrayList<>();
		for (String name : this.context.getBeanDefinitionNames()) {
			Class<?> type = this.context.getType(name);
			if (type != null && type.getName().startsWith("dev.bellwether")) {
				ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), (method) -> jobs.add(method.getName()),
						(method) -> AnnotatedElementUtils.hasAnnotation(method, Scheduled.class));
			}
		}
		assertThat(jobs).as("the application's @Scheduled jobs, as beans").isNotEmpty();

		assertThat(
				this.context.containsBeanDefinition(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME))
			.as("a @Scheduled post-processor is registered")
			.isFalse();
		assertThat(this.context.getBeansOfType(ScheduledTaskHolder.class).values())
			.flatMap(ScheduledTaskHolder::getScheduledTasks)
			.isEmpty();
		assertThat(
				ReflectionTestUtils.getField(this.context.getBean(JdbcIndexedSessionRepository.class), "taskScheduler"))
			.as("Spring Session's cleanup scheduler")
			.isNull();
	}

}
