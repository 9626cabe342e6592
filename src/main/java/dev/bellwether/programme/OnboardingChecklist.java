package dev.bellwether.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.adoption.FeatureUsage;
import dev.bellwether.identity.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The role-based onboarding checklist: each person's items
 * ({@link ChecklistItem#forRole}), done once the person's own behaviour completed them.
 * Completions are written by {@link ChecklistListeners} from other modules' domain events
 * as they happen, and for {@link ChecklistItem#FORECAST_VIEWED} from the adoption
 * module's captured usage when the checklist is read; each keeps when and from what it
 * was completed. A completion stays, whatever the person's role becomes.
 */
@Service
@Transactional
public class OnboardingChecklist {

	private final JdbcClient jdbc;

	private final FeatureUsage usage;

	private final Clock clock;

	OnboardingChecklist(JdbcClient jdbc, FeatureUsage usage, Clock clock) {
		this.jdbc = jdbc;
		this.usage = usage;
		this.clock = clock;
	}

	/**
	 * @return the viewer's checklist, from their completions
	 */
	public Checklist checklist(Viewer viewer) {
		List<ChecklistItem> items = ChecklistItem.forRole(viewer.role());
		Map<ChecklistItem, Completion> done = completions(viewer.id());
		if (items.contains(ChecklistItem.FORECAST_VIEWED) && !done.containsKey(ChecklistItem.FORECAST_VIEWED)) {
			Optional<LocalDate> first = this.usage.firstDayUsed(viewer.id(), ChecklistItem.FORECAST_FEATURE);
			if (first.isPresent()) {
				complete(viewer.id(), ChecklistItem.FORECAST_VIEWED,
						first.get().atStartOfDay().toInstant(ZoneOffset.UTC), "usage " + ChecklistItem.FORECAST_FEATURE,
						null);
				done = completions(viewer.id());
			}
		}
		Map<ChecklistItem, Completion> completed = done;
		return new Checklist(items.stream().map(item -> new Entry(item, completed.get(item))).toList());
	}

	/**
	 * Records that the user completed the item, unless they had already: the first time
	 * is kept.
	 * @param source what completed it, e.g. {@code RecordChanged opportunity CREATED}
	 * @return whether this completed the item
	 */
	boolean complete(UUID userId, ChecklistItem item, Instant at, String source, UUID recordId) {
		return this.jdbc.sql("""
				insert into programme_guidance_completions (user_id, item, completed_at, source, record_id, created_at)
				values (:user, :item, :at, :source, :record, :now)
				on conflict (user_id, item) do nothing
				""")
			.param("user", userId)
			.param("item", item.name())
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("source", source)
			.param("record", recordId)
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update() > 0;
	}

	private Map<ChecklistItem, Completion> completions(UUID userId) {
		Map<ChecklistItem, Completion> done = new EnumMap<>(ChecklistItem.class);
		this.jdbc.sql(
				"select item, completed_at, source, record_id from programme_guidance_completions where user_id = :user")
			.param("user", userId)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				ChecklistItem item = ChecklistItem.valueOf(rs.getString("item"));
				done.put(item, new Completion(rs.getObject("completed_at", OffsetDateTime.class).toInstant(),
						rs.getString("source"), rs.getObject("record_id", UUID.class)));
			});
		return done;
	}

	/**
	 * When and from what an item was completed.
	 *
	 * @param recordId the record the completing change was about, if any
	 */
	public record Completion(Instant at, String source, UUID recordId) {
	}

	/**
	 * One item of a person's checklist.
	 *
	 * @param completion {@code null} while not done
	 */
	public record Entry(ChecklistItem item, Completion completion) {

		public boolean done() {
			return this.completion != null;
		}

	}

	/**
	 * A person's checklist, in order.
	 */
	public record Checklist(List<Entry> entries) {

		public long done() {
			return this.entries.stream().filter(Entry::done).count();
		}

		public int total() {
			return this.entries.size();
		}

		/**
		 * @return e.g. "3 of 5 done"
		 */
		public String summary() {
			return done() + " of " + total() + " done";
		}

	}

}
