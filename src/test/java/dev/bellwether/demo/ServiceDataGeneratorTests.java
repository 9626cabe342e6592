package dev.bellwether.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.businesstime.BusinessCalendar;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.SlaTargets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service generator without a database: the same seed and inputs give the same rows,
 * another seed other rows; the backlog is all open.
 */
class ServiceDataGeneratorTests {

	static final Instant AS_OF = Instant.parse("2026-06-16T21:59:59.999Z");

	@Test
	void generatesTheSameRowsFromTheSameSeed() {
		ServiceDataGenerator.Counts first = generate(20260101);
		assertThat(generate(20260101)).isEqualTo(first);
		assertThat(generate(20260102).digest()).isNotEqualTo(first.digest());
		assertThat(first.cases()).isEqualTo(600 + 50);
		assertThat(first.comments()).isBetween(first.cases() * 3, first.cases() * 6);
		assertThat(first.surveys()).isPositive();
		assertThat(first.answered()).isBetween(first.surveys() / 4, first.surveys() / 2);
	}

	@Test
	void leavesTheBacklogOpen() {
		ServiceDataGenerator generator = generator(3);
		generator.backlog(null, 10, 200, agents(), queues(), requesters(), products());
		assertThat(generator.finish(null).openCases()).isEqualTo(200);
	}

	static ServiceDataGenerator.Counts generate(long seed) {
		ServiceDataGenerator generator = generator(seed);
		generator.history(null, AS_OF.minus(Duration.ofDays(365)), 600, agents(), queues(), requesters(), products());
		generator.backlog(null, 10, 50, agents(), queues(), requesters(), products());
		return generator.finish(null);
	}

	static ServiceDataGenerator generator(long seed) {
		BusinessCalendar calendar = BusinessCalendar.weekdays(ZoneId.of("Europe/Berlin"),
				BusinessCalendar.Hours.of(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		Map<CasePriority, SlaTargets> targets = new EnumMap<>(CasePriority.class);
		targets.put(CasePriority.URGENT, SlaTargets.ofMinutes(60, 240));
		targets.put(CasePriority.HIGH, SlaTargets.ofMinutes(240, 480));
		targets.put(CasePriority.NORMAL, SlaTargets.ofMinutes(480, 1440));
		targets.put(CasePriority.LOW, SlaTargets.ofMinutes(480, 2400));
		return new ServiceDataGenerator(seed, AS_OF,
				new ServiceDataGenerator.Policy(new UUID(9, 1), new UUID(9, 2), calendar, 25, targets),
				Duration.ofDays(14), 1001)
			.worseProduct(new UUID(5, 3));
	}

	static List<ServiceDataGenerator.Agent> agents() {
		List<ServiceDataGenerator.Agent> agents = new ArrayList<>();
		for (int a = 0; a < 4; a++) {
			agents.add(new ServiceDataGenerator.Agent(new UUID(1, a), "agent" + a + "@example.com", 5 + 2 * a));
		}
		return agents;
	}

	static ServiceDataGenerator.Queues queues() {
		return new ServiceDataGenerator.Queues(new UUID(2, 1), new UUID(2, 2), new UUID(2, 3));
	}

	static List<ServiceDataGenerator.Requester> requesters() {
		List<ServiceDataGenerator.Requester> requesters = new ArrayList<>();
		for (int c = 0; c < 60; c++) {
			requesters.add(new ServiceDataGenerator.Requester(new UUID(3, c / 3), new UUID(4, c), "Person " + c,
					"person" + c + "@account" + c / 3 + ".example"));
		}
		return requesters;
	}

	static List<UUID> products() {
		List<UUID> products = new ArrayList<>();
		for (int p = 0; p < 8; p++) {
			products.add(new UUID(5, p));
		}
		return products;
	}

}
