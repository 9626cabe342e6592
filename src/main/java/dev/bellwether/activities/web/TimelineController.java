package dev.bellwether.activities.web;

import java.util.UUID;

import dev.bellwether.activities.Timeline;
import dev.bellwether.activities.TimelinePage;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A record's timeline as an htmx fragment, embedded in the account, contact and
 * opportunity pages ({@code hx-get} on load); "show older" fetches the next page with
 * {@code before}.
 */
@Controller
class TimelineController {

	private final Timeline timeline;

	TimelineController(Timeline timeline) {
		this.timeline = timeline;
	}

	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping("/timeline/{recordType}/{id}")
	String timeline(Viewer viewer, @PathVariable String recordType, @PathVariable UUID id,
			@RequestParam(required = false) String before, Model model) {
		TimelinePage page = this.timeline.page(viewer, recordType, id, Timeline.parse(before),
				Timeline.DEFAULT_PAGE_SIZE);
		model.addAttribute("timeline", page);
		return before == null || before.isBlank() ? "activities/timeline :: timeline"
				: "activities/timeline :: entries";
	}

}
