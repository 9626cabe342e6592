package dev.bellwether.adoption.alerts;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import dev.bellwether.IntegrationTest;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job of the application runs on one node at a time: each
 * {@code @Scheduled} method also has a {@code @SchedulerLock} of its own name, and there
 * is one lock provider. The alert and digest jobs are among them. The only exceptions are
 * jobs that read, to fill a node's own memory, and so must run on every node: listed in
 * {@link #EVERY_NODE}, each with why.
 */
@IntegrationTest
class AlertSchedulingTests {

	/** Jobs that run on every node, and why. */
	static final Map<String, String> EVERY_NODE = Map.of("CompanyDashboardWarmUp.keepTheCompanyDashboardComputed",
			"computes the company dashboard's figures into this node's FiguresCache; reads only");

	@Autowired
	ApplicationContext context;

	@Test
	void everyScheduledJobIsLockedAcrossNodes() {
		Map<String, String> locks = new HashMap<>();
		for (String name : this.context.getBeanDefinitionNames()) {
			Class<?> type = this.context.getType(name);
			if (type == null || !type.getName().startsWith("dev.bellwether")) {
				continue;
			}
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(ClassUtils.getUserClass(type))) {
				if (!AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
					continue;
				}
				String job = method.getDeclaringClass().getSimpleName() + "." + method.getName();
				if (EVERY_NODE.containsKey(job)) {
					assertThat(AnnotatedElementUtils.hasAnnotation(method, SchedulerLock.class))
						.as(job + " runs on every node")
						.isFalse();
					continue;
				}
				SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
				assertThat(lock).as(job + " has a @SchedulerLock").isNotNull();
				assertThat(lock.name()).as(job + "'s lock name").isNotBlank();
				assertThat(locks.put(lock.name(), job)).as("lock " + lock.name() + " used once").isNull();
			}
		}
		assertThat(locks).containsKeys("adoption.death-spiral-alerts", "adoption.sponsor-inactivity-alerts",
				"adoption.weekly-digests");
		assertThat(locks.get("adoption.weekly-digests")).isEqualTo("AlertJobs.weeklyDigests");
		assertThat(this.context.getBeansOfType(LockProvider.class)).hasSize(1);
	}

}
