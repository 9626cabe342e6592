package dev.bellwether.forecasting.web;

import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineReviews;
import dev.bellwether.forecasting.PipelineReviews.Review;
import dev.bellwether.forecasting.PipelineReviews.ReviewRequest;
import dev.bellwether.forecasting.PipelineReviews.Step;
import dev.bellwether.forecasting.PipelineReviews.SubjectKind;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pipeline review pages: past reviews, starting one (a rep or a team, a period, the
 * deals and who is there), the walk deal by deal, and the record of one review.
 */
@Controller
class PipelineReviewController {

	private final PipelineReviews reviews;

	private final UserDirectory users;

	PipelineReviewController(PipelineReviews reviews, UserDirectory users) {
		this.reviews = reviews;
		this.users = users;
	}

	@GetMapping("/pipeline/reviews")
	String list(Viewer viewer, @RequestParam(required = false) UUID subject, Model model) {
		String subjectName = null;
		if (subject != null) {
			subjectName = this.users.find(subject)
				.map(User::fullName)
				.orElseThrow(() -> new RecordNotFoundException("user", subject));
		}
		model.addAttribute("reviews", this.reviews.list(viewer, subject, 200));
		model.addAttribute("subject", subject);
		model.addAttribute("subjectName", subjectName);
		return "forecasting/reviews";
	}

	@GetMapping("/pipeline/reviews/new")
	String start(Viewer viewer, @RequestParam(required = false) UUID subject,
			@RequestParam(defaultValue = "REP") SubjectKind kind, @RequestParam(required = false) String period,
			Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("subject", subject);
		model.addAttribute("periodCode", period);
		model.addAttribute("people", reviewable(viewer));
		if (subject != null) {
			try {
				model.addAttribute("candidates", this.reviews.candidates(viewer, kind, subject, period));
			}
			catch (InvalidInputException ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		return "forecasting/review-new";
	}

	@PostMapping("/pipeline/reviews")
	String start(Viewer viewer, @RequestParam(required = false) SubjectKind kind,
			@RequestParam(required = false) UUID subject, @RequestParam(required = false) String period,
			@RequestParam(name = "deals", required = false) List<UUID> deals,
			@RequestParam(name = "attendees", required = false) List<UUID> attendees,
			@RequestParam(required = false) String others, Model model) {
		try {
			if (deals == null || deals.isEmpty()) {
				// unticked boxes send nothing, and no deals would mean the default ones
				throw new InvalidInputException("dealIds", "Tick at least one deal to walk.");
			}
			Review review = this.reviews.start(viewer,
					new ReviewRequest(kind, subject, period, deals, attendees, others));
			return "redirect:/pipeline/reviews/" + review.id() + "/deals/1";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("kind", kind == null ? SubjectKind.REP : kind);
			model.addAttribute("subject", subject);
			model.addAttribute("periodCode", period);
			model.addAttribute("people", reviewable(viewer));
			if (subject != null && kind != null) {
				try {
					model.addAttribute("candidates", this.reviews.candidates(viewer, kind, subject, period));
				}
				catch (InvalidInputException again) {
					// the message above says what to fix
				}
			}
			return "forecasting/review-new";
		}
	}

	@GetMapping("/pipeline/reviews/{id}")
	String record(Viewer viewer, @PathVariable UUID id, Model model) {
		model.addAttribute("record", this.reviews.record(viewer, id));
		model.addAttribute("runsIt", this.reviews.get(viewer, id).runBy().equals(viewer.id()));
		return "forecasting/review";
	}

	@GetMapping("/pipeline/reviews/{id}/deals/{position}")
	String walk(Viewer viewer, @PathVariable UUID id, @PathVariable int position, Model model) {
		Step step = this.reviews.walk(viewer, id, position);
		model.addAttribute("step", step);
		model.addAttribute("runsIt", step.review().runBy().equals(viewer.id()));
		return "forecasting/review-walk";
	}

	@PostMapping("/pipeline/reviews/{id}/deals/{dealId}/note")
	String note(Viewer viewer, @PathVariable UUID id, @PathVariable UUID dealId,
			@RequestParam(required = false) String note, @RequestParam(defaultValue = "1") int position,
			RedirectAttributes redirect) {
		try {
			this.reviews.note(viewer, id, dealId, note);
			redirect.addFlashAttribute("flashSuccess", "Note kept.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("noteError", ex.getMessage());
			redirect.addFlashAttribute("noteText", note);
		}
		return "redirect:/pipeline/reviews/" + id + "/deals/" + position;
	}

	@PostMapping("/pipeline/reviews/{id}/end")
	String end(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) String summary,
			RedirectAttributes redirect) {
		try {
			this.reviews.end(viewer, id, summary);
			redirect.addFlashAttribute("flashSuccess", "Review ended and kept.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/pipeline/reviews/" + id;
	}

	/**
	 * The people whose deals the viewer may walk: those who own deals (not the
	 * administrator, marketing or service users, whose pipeline is always empty).
	 */
	private List<User> reviewable(Viewer viewer) {
		return this.users.activeSalesPeople()
			.stream()
			.filter(user -> this.reviews.mayReview(viewer, user.id()))
			.toList();
	}

}
