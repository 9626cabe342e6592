package dev.bellwether.programme.web;

import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.programme.Communications;
import dev.bellwether.programme.GuidedTours;
import dev.bellwether.programme.HelpTexts;
import dev.bellwether.programme.Tour;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the guidance script of every page ({@code static/js/guidance.js}) asks and
 * reports, in the signed-in person's session (the API under {@code /api/v1} takes API
 * clients' credentials, not the browser's session): the page's help and tours, the
 * person's current banner ({@link Communications#banner}), and what the person did with a
 * tour or the banner. The tours and help are the same operations as
 * {@link GuidanceApiController}'s.
 */
@RestController
class GuidanceScriptController {

	private final GuidedTours tours;

	private final HelpTexts help;

	private final Communications communications;

	GuidanceScriptController(GuidedTours tours, HelpTexts help, Communications communications) {
		this.tours = tours;
		this.help = help;
		this.communications = communications;
	}

	/**
	 * @param help {@code null} when the page has none
	 * @param banner the person's current banner, {@code null} when they have none
	 */
	record PageGuidance(String help, List<Tour> tours, Communications.Banner banner) {
	}

	record Progress(Integer stepReached) {

		int step(int otherwise) {
			return (this.stepReached == null) ? otherwise : this.stepReached;
		}

	}

	record MissingTarget(Integer step, String path) {
	}

	@GetMapping("/programme/guidance/page")
	PageGuidance page(Viewer viewer, @RequestParam String path) {
		return new PageGuidance(this.help.forPage(path).map(HelpTexts.HelpText::text).orElse(null),
				this.tours.forPage(viewer, path), this.communications.banner(viewer).orElse(null));
	}

	/**
	 * The person closed their banner: it counts as read (the same read receipt as opening
	 * the message through its link). 404 for a message not delivered to them.
	 */
	@PostMapping("/programme/guidance/banner/{messageId}/dismissed")
	ResponseEntity<Void> bannerDismissed(Viewer viewer, @PathVariable UUID messageId) {
		if (!this.communications.markRead(viewer, messageId)) {
			throw new RecordNotFoundException(Communications.RECORD_TYPE, messageId);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/programme/guidance/tours/{id}/shown")
	ResponseEntity<Void> shown(Viewer viewer, @PathVariable UUID id) {
		this.tours.shown(viewer, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/programme/guidance/tours/{id}/completed")
	ResponseEntity<Void> completed(Viewer viewer, @PathVariable UUID id, @RequestBody(required = false) Progress body) {
		this.tours.completed(viewer, id, (body == null) ? Integer.MAX_VALUE : body.step(Integer.MAX_VALUE));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/programme/guidance/tours/{id}/dismissed")
	ResponseEntity<Void> dismissed(Viewer viewer, @PathVariable UUID id, @RequestBody(required = false) Progress body) {
		this.tours.dismissed(viewer, id, (body == null) ? 0 : body.step(0));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/programme/guidance/tours/{id}/missing-targets")
	ResponseEntity<Void> missingTarget(Viewer viewer, @PathVariable UUID id, @RequestBody MissingTarget body) {
		this.tours.reportMissingTarget(viewer, id, (body.step() == null) ? 0 : body.step(), body.path());
		return ResponseEntity.noContent().build();
	}

}
