package dev.bellwether.activities;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.timeline.TimelineCursor;
import dev.bellwether.platform.timeline.TimelineEntry;
import dev.bellwether.platform.timeline.TimelineSource;
import dev.bellwether.marketing.LeadAccess;
import dev.bellwether.sales.OpportunityAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A record's timeline: the entries of every {@link TimelineSource} (activities, field
 * history, stage history, whatever modules add), merged newest first and paged by
 * position ({@link TimelineCursor}), so that the hundredth page costs what the first
 * does. The record's visibility is checked first: a record the viewer may not see has no
 * timeline (404).
 */
@Service
@Transactional(readOnly = true)
public class Timeline {

	public static final int DEFAULT_PAGE_SIZE = 20;

	public static final int MAX_PAGE_SIZE = 100;

	/** The record types that have a timeline. */
	public static final List<String> RECORD_TYPES = List.of(Accounts.RECORD_TYPE, Contacts.RECORD_TYPE,
			OpportunityAccess.RECORD_TYPE, LeadAccess.RECORD_TYPE);

	/**
	 * Newest first, then by id descending — the order every source returns, with ids
	 * compared as PostgreSQL compares {@code uuid} values (unsigned, byte by byte).
	 */
	static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
		.thenComparing(TimelineEntry::id, Timeline::compareUuids)
		.reversed();

	private final List<TimelineSource> others;

	private final ActivityTimelineSource activities;

	private final Accounts accounts;

	private final Contacts contacts;

	private final OpportunityAccess opportunities;

	private final UserDirectory users;

	private final LeadAccess leads;

	Timeline(List<TimelineSource> sources, ActivityTimelineSource activities, Accounts accounts, Contacts contacts,
			OpportunityAccess opportunities, UserDirectory users, LeadAccess leads) {
		this.leads = leads;
		this.others = sources.stream().filter(source -> source != activities).toList();
		this.activities = activities;
		this.accounts = accounts;
		this.contacts = contacts;
		this.opportunities = opportunities;
		this.users = users;
	}

	/**
	 * @param before where the previous page ended, or {@code null} for the newest entries
	 * @param size entries per page, 1 to {@link #MAX_PAGE_SIZE}
	 * @throws RecordNotFoundException when the record does not exist or the viewer may
	 * not see it
	 */
	public TimelinePage page(Viewer viewer, String recordType, UUID recordId, TimelineCursor before, int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "Ask for 1 to " + MAX_PAGE_SIZE + " entries per page.");
		}
		requireRead(viewer, recordType, recordId);
		List<List<TimelineEntry>> pages = new ArrayList<>();
		pages.add(this.activities.entries(viewer, recordType, recordId, before, size + 1));
		for (TimelineSource source : this.others) {
			pages.add(source.entries(recordType, recordId, before, size + 1));
		}
		List<TimelineEntry> merged = merge(pages, before, size + 1);
		boolean more = merged.size() > size;
		List<TimelineEntry> entries = more ? merged.subList(0, size) : merged;
		Set<UUID> actors = new HashSet<>();
		entries.stream().map(TimelineEntry::actorId).filter(java.util.Objects::nonNull).forEach(actors::add);
		Map<UUID, String> names = this.users.namesOf(actors);
		return new TimelinePage(recordType, recordId,
				entries.stream()
					.map(e -> new TimelineItem(e, e.actorId() == null ? null : names.get(e.actorId())))
					.toList(),
				more ? entries.get(entries.size() - 1).cursor() : null);
	}

	/**
	 * Merges the sources' pages into one, newest first, at most {@code limit} long.
	 * Guards against a source that returns entries out of order or not after the cursor.
	 */
	static List<TimelineEntry> merge(List<List<TimelineEntry>> pages, TimelineCursor before, int limit) {
		TimelineEntry cursor = before == null ? null
				: new TimelineEntry(before.at(), before.id(), "", "", "", List.of(), null, null);
		return pages.stream()
			.flatMap(List::stream)
			.filter(e -> cursor == null || NEWEST_FIRST.compare(e, cursor) > 0)
			.sorted(NEWEST_FIRST)
			.limit(limit)
			.toList();
	}

	private void requireRead(Viewer viewer, String recordType, UUID recordId) {
		switch (recordType) {
			case Accounts.RECORD_TYPE -> this.accounts.get(viewer, recordId);
			case Contacts.RECORD_TYPE -> this.contacts.get(viewer, recordId);
			case OpportunityAccess.RECORD_TYPE -> this.opportunities.requireRead(viewer, recordId);
			case LeadAccess.RECORD_TYPE -> this.leads.requireRead(viewer, recordId);
			default -> throw new RecordNotFoundException(recordType, recordId);
		}
	}

	static int compareUuids(UUID a, UUID b) {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	}

	/**
	 * @return the cursor as a query parameter value
	 */
	public static String format(TimelineCursor cursor) {
		return cursor.at() + "_" + cursor.id();
	}

	/**
	 * @param token a value made by {@link #format}, or blank for the first page
	 * @throws InvalidInputException when it is not one
	 */
	public static TimelineCursor parse(String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		int split = token.lastIndexOf('_');
		try {
			if (split > 0) {
				return new TimelineCursor(Instant.parse(token.substring(0, split)),
						UUID.fromString(token.substring(split + 1)));
			}
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			// fall through to the message below
		}
		throw new InvalidInputException("before",
				"'" + token + "' is not a timeline position; pass the 'next' value of the previous page.");
	}

}
