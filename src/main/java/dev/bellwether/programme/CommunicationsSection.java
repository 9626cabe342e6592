package dev.bellwether.programme;

import java.util.Comparator;
import java.util.List;

import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The communications part of the Programme page, for programme leads: the queue that runs
 * dry soonest, or that every queue is stocked.
 */
@Component
class CommunicationsSection implements ProgrammeSection {

	private final Communications communications;

	CommunicationsSection(Communications communications) {
		this.communications = communications;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public String title() {
		return "Communications";
	}

	@Override
	public String path() {
		return "/programme/communications";
	}

	@Override
	public boolean visibleTo(Viewer viewer, boolean lead) {
		return lead;
	}

	@Override
	public String summary(Viewer viewer) {
		return summary(this.communications.queues());
	}

	static String summary(List<Communications.Queue> queues) {
		List<Communications.Queue> dry = queues.stream()
			.filter(Communications.Queue::runsDry)
			.sorted(Comparator.comparing((Communications.Queue q) -> !q.messages().isEmpty())
				.thenComparing(Communications.Queue::daysLeft))
			.toList();
		int queued = queues.stream().mapToInt(q -> q.messages().size()).sum();
		if (dry.isEmpty()) {
			return "Every queue is stocked for " + Communications.RUN_DRY_DAYS + " days or more; " + queued
					+ (queued == 1 ? " message" : " messages") + " queued";
		}
		String first = dry.get(0).warning();
		return dry.size() == 1 ? first : first + " (" + dry.size() + " of " + queues.size() + " queues run dry within "
				+ Communications.RUN_DRY_DAYS + " days)";
	}

}
