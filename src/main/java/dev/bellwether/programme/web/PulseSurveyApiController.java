package dev.bellwether.programme.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.PulseSurveys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pulse surveys and the privacy policy through the API (docs/programme.md, "Pulse
 * surveys" and "Privacy"): programme leads launch surveys and read results (aggregates
 * only); everyone lists and answers the surveys sent to them.
 */
@RestController
@RequestMapping("/api/v1/programme")
@Tag(name = "Programme: pulse surveys and privacy",
		description = "ADKAR, NPS and one-question polls, sampled and throttled (once in 60 days a person); answers "
				+ "anonymous and shown only as aggregates of groups of at least the privacy minimum. The privacy policy: "
				+ "INDIVIDUAL or AGGREGATE_ONLY, and the minimum group size.")
class PulseSurveyApiController {

	private final PulseSurveys surveys;

	private final ProgrammeLeads leads;

	private final PrivacyPolicy privacy;

	PulseSurveyApiController(PulseSurveys surveys, ProgrammeLeads leads, PrivacyPolicy privacy) {
		this.surveys = surveys;
		this.leads = leads;
		this.privacy = privacy;
	}

	@GetMapping("/pulse")
	@Operation(summary = "Surveys: every survey for programme leads, the surveys waiting for the caller otherwise")
	List<PulseSurveys.Survey> list(Viewer viewer) {
		return this.leads.isLead(viewer) ? this.surveys.list() : this.surveys.waitingFor(viewer.id());
	}

	@PostMapping("/pulse")
	@Operation(summary = "Launch a survey (programme leads): sample the audience and ask them in-app",
			description = "kind ADKAR, NPS or POLL; a poll needs a question and 2-10 options; roles and teams narrow the "
					+ "audience (none: everyone); samplePercent 0-100; seed makes the sample reproducible.")
	ResponseEntity<PulseSurveys.Survey> launch(Viewer viewer, @RequestBody PulseSurveys.SurveyForm form) {
		PulseSurveys.Survey survey = this.surveys.launch(viewer, form);
		return ResponseEntity.created(URI.create("/api/v1/programme/pulse/" + survey.id())).body(survey);
	}

	@GetMapping("/pulse/{id}")
	@Operation(
			summary = "A survey and where the caller stands with it (leads: any survey; others: surveys sent to them)")
	SurveyStanding get(Viewer viewer, @PathVariable UUID id) {
		PulseSurveys.Standing standing = this.surveys.standing(viewer.id(), id);
		if (standing == PulseSurveys.Standing.NOT_ASKED && !this.leads.isLead(viewer)) {
			throw new RecordNotFoundException("survey", id);
		}
		return new SurveyStanding(this.surveys.get(id), standing);
	}

	@PostMapping("/pulse/{id}/answers")
	@Operation(summary = "Answer a survey sent to the caller, once",
			description = "ADKAR: scores, five numbers 1-5 in stage order (Awareness, Desire, Knowledge, Ability, "
					+ "Reinforcement); NPS: scores, one number 0-10; POLL: option, the option's index from 0. A second "
					+ "answer is refused (400).")
	ResponseEntity<Void> answer(Viewer viewer, @PathVariable UUID id, @RequestBody PulseSurveys.AnswerForm answer) {
		this.surveys.answer(viewer, id, answer);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/pulse/{id}/close")
	@Operation(summary = "Close a survey (programme leads): no more answers")
	PulseSurveys.Survey close(Viewer viewer, @PathVariable UUID id) {
		return this.surveys.close(viewer, id);
	}

	@GetMapping("/pulse/{id}/results")
	@Operation(summary = "A survey's results (programme leads): overall, by team and by rollout wave, aggregates only",
			description = "teams and waves: the team and wave each answer's person was in when answering (waves in "
					+ "their order, then '(no wave)'). A group with fewer answers than the privacy policy's minimum "
					+ "is hidden: hidden=true and no figure. ADKAR: barrierShares per stage (answers of 3 or less ÷ answers) and topBarrier; NPS: "
					+ "promoters, detractors (shares) and nps (-100 to 100); POLL: optionCounts.")
	PulseSurveys.Results results(Viewer viewer, @PathVariable UUID id) {
		return this.surveys.results(viewer, id);
	}

	@GetMapping("/pulse/barriers")
	@Operation(summary = "ADKAR barriers by team of the latest ADKAR survey (programme leads)")
	List<PulseSurveys.TeamBarriers> barriers(Viewer viewer) {
		this.leads.requireLead(viewer);
		return this.surveys.barriersByTeam();
	}

	@GetMapping("/privacy")
	@Operation(summary = "The privacy policy in force (everyone may read it)")
	PrivacyPolicy.Settings privacy() {
		return this.privacy.current();
	}

	@PutMapping("/privacy")
	@Operation(summary = "Change the privacy policy (programme leads and administrators)",
			description = "mode INDIVIDUAL or AGGREGATE_ONLY; minimumGroupSize 2 or more; version: the version read "
					+ "(409 when someone changed it since).")
	PrivacyPolicy.Settings updatePrivacy(Viewer viewer, @RequestBody PolicyRequest request) {
		this.leads.requireLead(viewer);
		return this.privacy.update(viewer, request.mode(), request.minimumGroupSize(),
				request.version() == null ? 0 : request.version());
	}

	@GetMapping("/privacy/exports")
	@Operation(summary = "The latest 100 exports of individual adoption figures: who, when, what (programme leads)")
	List<PrivacyPolicy.Export> exports(Viewer viewer) {
		this.leads.requireLead(viewer);
		return this.privacy.exports(100);
	}

	record SurveyStanding(PulseSurveys.Survey survey, PulseSurveys.Standing standing) {
	}

	record PolicyRequest(PrivacyPolicy.Mode mode, Integer minimumGroupSize, Long version) {
	}

}
