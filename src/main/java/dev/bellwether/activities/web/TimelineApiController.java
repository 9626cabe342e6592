package dev.bellwether.activities.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bellwether.activities.Timeline;
import dev.bellwether.activities.TimelinePage;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Timeline", description = "One record's history, newest first: activities, field changes, stage "
		+ "changes. Paged by position: pass the previous page's next as before.")
class TimelineApiController {

	private final Timeline timeline;

	TimelineApiController(Timeline timeline) {
		this.timeline = timeline;
	}

	/**
	 * One entry as the API returns it.
	 */
	record TimelineEntryResource(Instant at, UUID id, String source, String type, String summary,
			List<FieldChange> changes, UUID actorId, String actorName, String url) {
	}

	/**
	 * A page of entries; {@code next} is null on the last page.
	 */
	record TimelineResource(List<TimelineEntryResource> entries, String next) {
	}

	@GetMapping("/api/v1/{records}/{id}/timeline")
	@Operation(summary = "A record's timeline",
			description = "records: accounts, contacts or opportunities. size: 1 to 100 (default 20). before: the "
					+ "next value of the previous page. An account's timeline includes the work on its contacts and "
					+ "opportunities that the caller may see.")
	TimelineResource timeline(Viewer viewer, @PathVariable String records, @PathVariable UUID id,
			@RequestParam(required = false) String before,
			@RequestParam(defaultValue = "" + Timeline.DEFAULT_PAGE_SIZE) int size) {
		String recordType = switch (records) {
			case "accounts" -> "account";
			case "contacts" -> "contact";
			case "opportunities" -> "opportunity";
			default -> throw new RecordNotFoundException(records, id);
		};
		TimelinePage page = this.timeline.page(viewer, recordType, id, Timeline.parse(before), size);
		return new TimelineResource(page.entries()
			.stream()
			.map(item -> new TimelineEntryResource(item.entry().at(), item.entry().id(), item.entry().source(),
					item.entry().type(), item.entry().summary(), item.entry().changes(), item.entry().actorId(),
					item.actorName(), item.entry().url()))
			.toList(), page.nextToken());
	}

}
