package dev.bellwether.forecasting.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineReviews;
import dev.bellwether.forecasting.PipelineReviews.Review;
import dev.bellwether.forecasting.PipelineReviews.ReviewDeal;
import dev.bellwether.forecasting.PipelineReviews.ReviewRecord;
import dev.bellwether.forecasting.PipelineReviews.ReviewRequest;
import dev.bellwether.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipeline/reviews")
@Tag(name = "Pipeline reviews", description = "The pipeline review (meeting mode): a manager walks a rep's or a "
		+ "team's deals one by one; each review is kept with who ran it, with whom, when, the period, the deals "
		+ "and a note per deal. Scoped like the pages: a rep their own, a manager their organisation, executives, "
		+ "sales administrators and administrators everyone.")
class PipelineReviewApiController {

	private final PipelineReviews reviews;

	PipelineReviewApiController(PipelineReviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping
	@Operation(summary = "Past and running pipeline reviews, newest first",
			description = "Those of the people the caller may review (themself; a manager their organisation; "
					+ "executives, sales administrators and administrators everyone) and those the caller ran or "
					+ "attended; subject narrows to the reviews of one person (of them or of their team). limit 1 "
					+ "to 500 (400 otherwise).")
	List<Review> list(Viewer viewer, @RequestParam(required = false) UUID subject,
			@RequestParam(defaultValue = "100") int limit) {
		return this.reviews.list(viewer, subject, limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One pipeline review with its deals and notes",
			description = "Unknown id: 404; a review of someone the caller may not review, which they neither ran "
					+ "nor attended: 403.")
	ReviewRecord get(Viewer viewer, @PathVariable UUID id) {
		return this.reviews.record(viewer, id);
	}

	@PostMapping
	@Operation(summary = "Start a pipeline review",
			description = "kind REP (the subject's own deals) or TEAM (their whole organisation); period 2026-Q4, "
					+ "2026-11 or FY2026 (default: the current fiscal quarter); dealIds the deals to walk in order "
					+ "(default: open deals closing in the period, largest first, then those pushed out of it since "
					+ "the last review of the same rep or team); attendeeIds the users present besides the caller "
					+ "(default: the subject); otherAttendees people present who are not users. Captured once as "
					+ "MEETING_MODE usage. Unknown subject: 404; a subject the caller may not review: 403; a "
					+ "malformed period, unknown attendees, deals that are not open deals of the subject, or "
					+ "nothing to review: 400.")
	ResponseEntity<ReviewRecord> start(Viewer viewer, @RequestBody ReviewRequest request) {
		Review review = this.reviews.start(viewer, request);
		return ResponseEntity.created(URI.create("/api/v1/pipeline/reviews/" + review.id()))
			.body(this.reviews.record(viewer, review.id()));
	}

	@PutMapping("/{id}/deals/{dealId}/note")
	@Operation(summary = "Keep a note on one deal of a running review",
			description = "By the one running it (403 otherwise); an ended review is kept as it was (400). A blank "
					+ "note clears it; at most 4,000 characters.")
	ReviewDeal note(Viewer viewer, @PathVariable UUID id, @PathVariable UUID dealId,
			@RequestBody ReviewNoteRequest note) {
		return this.reviews.note(viewer, id, dealId, note.note());
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "End a review", description = "By the one running it (403 otherwise), with an optional "
			+ "summary; ending one already ended changes nothing.")
	Review end(Viewer viewer, @PathVariable UUID id, @RequestBody(required = false) ReviewEndRequest end) {
		return this.reviews.end(viewer, id, end == null ? null : end.summary());
	}

	record ReviewNoteRequest(String note) {
	}

	record ReviewEndRequest(String summary) {
	}

}
