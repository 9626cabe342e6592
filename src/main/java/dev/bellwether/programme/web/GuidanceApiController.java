package dev.bellwether.programme.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.programme.ChecklistItem;
import dev.bellwether.programme.GuidedTours;
import dev.bellwether.programme.HelpTexts;
import dev.bellwether.programme.OnboardingChecklist;
import dev.bellwether.programme.Tour;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * In-app guidance (docs/programme.md, "In-app guidance"): the onboarding checklist,
 * guided tours and the help of pages.
 */
@RestController
@RequestMapping("/api/v1/programme")
@Tag(name = "Programme: in-app guidance",
		description = "Each person's onboarding checklist (items complete themselves from the person's own "
				+ "behaviour), guided tours of pages and the help text of each page. Everyone reads their checklist, "
				+ "the tours to run on a page and a page's help, and reports what they did with a tour; programme "
				+ "leads and administrators define tours and help texts and read who completed a tour and whether it "
				+ "changed behaviour (403 for anyone else).")
class GuidanceApiController {

	private final OnboardingChecklist checklist;

	private final GuidedTours tours;

	private final HelpTexts help;

	GuidanceApiController(OnboardingChecklist checklist, GuidedTours tours, HelpTexts help) {
		this.checklist = checklist;
		this.tours = tours;
		this.help = help;
	}

	record ChecklistResource(long done, int total, String summary, List<ChecklistEntryResource> items) {
	}

	/**
	 * @param completedAt {@code null} while not done
	 * @param source what completed it, e.g. {@code RecordChanged opportunity CREATED}
	 */
	record ChecklistEntryResource(ChecklistItem item, String label, String completedBy, boolean done,
			Instant completedAt, String source) {
	}

	record TourResource(UUID id, String name, String path, Set<Role> roles, String featureKey, boolean active,
			List<Tour.Step> steps, long version) {

		static TourResource of(Tour tour) {
			return new TourResource(tour.id(), tour.name(), tour.path(), tour.roles(), tour.featureKey(), tour.active(),
					tour.steps(), tour.version());
		}

	}

	/**
	 * @param roles role names (REP, MANAGER, …), at least one
	 * @param steps at least one, each with a selector and a title
	 * @param version the version read (updates only)
	 */
	record TourRequest(String name, String path, List<String> roles, String featureKey, Boolean active,
			List<Tour.StepDetails> steps, Long version) {

		Tour.Details toDetails() {
			return new Tour.Details(this.name, this.path, this.roles, this.featureKey, this.active, this.steps);
		}

	}

	/**
	 * @param stepReached the last step shown, 1-based
	 */
	record TourProgress(Integer stepReached) {

		int step() {
			return (this.stepReached == null) ? 0 : this.stepReached;
		}

	}

	/**
	 * @param step the step skipped, 1-based
	 * @param path the page it was missing on
	 */
	record MissingTargetReport(Integer step, String path) {
	}

	record HelpRequest(String path, String text, Long version) {
	}

	@GetMapping("/guidance/checklist")
	@Operation(summary = "The caller's onboarding checklist",
			description = "The items of the caller's role, each done once the caller's own behaviour completed it.")
	ChecklistResource checklist(Viewer viewer) {
		OnboardingChecklist.Checklist list = this.checklist.checklist(viewer);
		return new ChecklistResource(list.done(), list.total(), list.summary(),
				list.entries()
					.stream()
					.map(e -> new ChecklistEntryResource(e.item(), e.item().label(), e.item().completedBy(), e.done(),
							e.done() ? e.completion().at() : null, e.done() ? e.completion().source() : null))
					.toList());
	}

	@GetMapping("/tours")
	@Usage(value = UsageKind.API_CALL, ignore = true)
	@Operation(summary = "The tours to run on a page for the caller",
			description = "Active tours of the page at path for the caller's role that the caller has neither "
					+ "completed nor dismissed, by name. Asked by every page's guidance script, so not counted as use.")
	List<TourResource> toursForPage(Viewer viewer, @RequestParam String path) {
		return this.tours.forPage(viewer, path).stream().map(TourResource::of).toList();
	}

	@PostMapping("/tours/{id}/shown")
	@Operation(summary = "Record that a tour started for the caller")
	ResponseEntity<Void> shown(Viewer viewer, @PathVariable UUID id) {
		this.tours.shown(viewer, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/tours/{id}/completed")
	@Operation(summary = "Record that the caller went through a tour to its end")
	ResponseEntity<Void> completed(Viewer viewer, @PathVariable UUID id,
			@RequestBody(required = false) TourProgress body) {
		this.tours.completed(viewer, id, (body == null) ? Integer.MAX_VALUE : body.step());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/tours/{id}/dismissed")
	@Operation(summary = "Record that the caller closed a tour before its end",
			description = "stepReached: the step at which they closed it.")
	ResponseEntity<Void> dismissed(Viewer viewer, @PathVariable UUID id,
			@RequestBody(required = false) TourProgress body) {
		this.tours.dismissed(viewer, id, (body == null) ? 0 : body.step());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/tours/{id}/missing-targets")
	@Operation(summary = "Report a step skipped because its target element is not on the page",
			description = "The lead sees \"step 3's target #foo is missing on /pipeline\" on the tour's page. 400 for a "
					+ "step the tour does not have.")
	ResponseEntity<Void> missingTarget(Viewer viewer, @PathVariable UUID id, @RequestBody MissingTargetReport body) {
		this.tours.reportMissingTarget(viewer, id, (body.step() == null) ? 0 : body.step(), body.path());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/guidance/tours")
	@Operation(summary = "List the tours with what their audience did (leads)")
	List<GuidedTours.Overview> listTours(Viewer viewer) {
		return this.tours.list(viewer);
	}

	@GetMapping("/guidance/tours/{id}")
	@Operation(summary = "Get one tour (leads)")
	TourResource getTour(Viewer viewer, @PathVariable UUID id) {
		return TourResource.of(this.tours.get(viewer, id));
	}

	@PostMapping("/guidance/tours")
	@Operation(summary = "Add a tour (leads)",
			description = "400 with field errors for no name, a path not starting with /, no or an unknown role, no "
					+ "steps, a step without selector or title, a feature not of the form module:KIND.")
	ResponseEntity<TourResource> createTour(Viewer viewer, @RequestBody TourRequest request) {
		Tour tour = this.tours.create(viewer, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/programme/guidance/tours/" + tour.id()))
			.body(TourResource.of(tour));
	}

	@PutMapping("/guidance/tours/{id}")
	@Operation(summary = "Replace a tour (leads)", description = "409 when version is not the tour's current one.")
	TourResource updateTour(Viewer viewer, @PathVariable UUID id, @RequestBody TourRequest request) {
		return TourResource.of(this.tours.update(viewer, id, request.toDetails(),
				(request.version() == null) ? -1 : request.version()));
	}

	@DeleteMapping("/guidance/tours/{id}")
	@Operation(summary = "Delete a tour with what was recorded of it (leads)")
	ResponseEntity<Void> deleteTour(Viewer viewer, @PathVariable UUID id) {
		this.tours.delete(viewer, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/guidance/tours/{id}/views")
	@Operation(summary = "Who was shown a tour, and completed or dismissed it at which step (leads)")
	List<GuidedTours.PersonView> views(Viewer viewer, @PathVariable UUID id) {
		return this.tours.views(viewer, id);
	}

	@GetMapping("/guidance/tours/{id}/missing-targets")
	@Operation(summary = "The steps of a tour reported missing on a page (leads)")
	List<GuidedTours.MissingTarget> missingTargets(Viewer viewer, @PathVariable UUID id) {
		return this.tours.missingTargets(viewer, id);
	}

	@GetMapping("/guidance/tours/{id}/results")
	@Operation(summary = "Whether a tour changed behaviour (leads)",
			description = "For each person who completed the tour, the days on which they used the tour's feature in "
					+ "the 14 days after the day of completion against the 14 days before (that day in neither); the "
					+ "median change over the people whose after-window is over.")
	GuidedTours.Results results(Viewer viewer, @PathVariable UUID id) {
		return this.tours.results(viewer, id);
	}

	@GetMapping("/guidance/help")
	@Usage(value = UsageKind.API_CALL, ignore = true)
	@Operation(summary = "The help of a page", description = "204 when the page has none. Asked by every page's "
			+ "guidance script, so not counted as use.")
	ResponseEntity<HelpTexts.HelpText> help(@RequestParam String path) {
		return this.help.forPage(path).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/guidance/help-texts")
	@Operation(summary = "Every page's help (leads)")
	List<HelpTexts.HelpText> helpTexts(Viewer viewer) {
		return this.help.list(viewer);
	}

	@PutMapping("/guidance/help")
	@Operation(summary = "Write or replace a page's help (leads)",
			description = "version: the one read, none for a page without help. 409 when it changed meanwhile.")
	HelpTexts.HelpText saveHelp(Viewer viewer, @RequestBody HelpRequest request) {
		return this.help.save(viewer, request.path(), request.text(), request.version());
	}

	@DeleteMapping("/guidance/help")
	@Operation(summary = "Delete a page's help (leads)")
	ResponseEntity<Void> deleteHelp(Viewer viewer, @RequestParam String path) {
		this.help.delete(viewer, path);
		return ResponseEntity.noContent().build();
	}

}
