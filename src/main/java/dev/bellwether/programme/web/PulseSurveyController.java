package dev.bellwether.programme.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.PulseSurveys;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pulse surveys ({@code /programme/pulse}): leads launch surveys and read their results
 * (aggregates only); everyone answers the surveys sent to them at
 * {@code /programme/pulse/{id}}.
 */
@Controller
class PulseSurveyController {

	private final PulseSurveys surveys;

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	PulseSurveyController(PulseSurveys surveys, ProgrammeLeads leads, UserDirectory users) {
		this.surveys = surveys;
		this.leads = leads;
		this.users = users;
	}

	@GetMapping("/programme/pulse")
	String surveys(Viewer viewer, Model model) {
		boolean lead = this.leads.isLead(viewer);
		model.addAttribute("lead", lead);
		model.addAttribute("waiting", this.surveys.waitingFor(viewer.id()));
		model.addAttribute("surveys", lead ? this.surveys.list() : List.of());
		if (lead) {
			form(model);
		}
		return "programme/pulse";
	}

	@PostMapping("/programme/pulse")
	String launch(Viewer viewer, @RequestParam(required = false) PulseSurveys.Kind kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String question,
			@RequestParam(required = false) String options, @RequestParam(required = false) List<String> roles,
			@RequestParam(required = false) String teams, @RequestParam(required = false) String samplePercent,
			Model model, RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		PulseSurveys.SurveyForm form = new PulseSurveys.SurveyForm(kind, title, question, lines(options), roles,
				lines(teams), number(samplePercent), null);
		try {
			PulseSurveys.Survey survey = this.surveys.launch(viewer, form);
			redirect.addFlashAttribute("flashSuccess", "“" + survey.title() + "” was sent to " + survey.asked()
					+ (survey.asked() == 1 ? " person." : " people."));
			return "redirect:/programme/pulse/" + survey.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
			model.addAttribute("form", form);
			model.addAttribute("optionsText", options);
			model.addAttribute("teamsText", teams);
			model.addAttribute("lead", true);
			model.addAttribute("waiting", this.surveys.waitingFor(viewer.id()));
			model.addAttribute("surveys", this.surveys.list());
			form(model);
			return "programme/pulse";
		}
	}

	@GetMapping("/programme/pulse/{id}")
	String survey(Viewer viewer, @PathVariable UUID id, @RequestParam(defaultValue = "team") String by, Model model) {
		PulseSurveys.Survey survey = this.surveys.get(id);
		boolean lead = this.leads.isLead(viewer);
		model.addAttribute("survey", survey);
		model.addAttribute("standing", this.surveys.standing(viewer.id(), id));
		model.addAttribute("stages", PulseSurveys.Stage.values());
		model.addAttribute("lead", lead);
		PulseSurveys.Results results = lead ? this.surveys.results(viewer, id) : null;
		model.addAttribute("results", results);
		if (results != null) {
			List<PulseSurveys.Group> groups = new ArrayList<>();
			groups.add(results.overall());
			boolean byWave = "wave".equals(by);
			groups.addAll(byWave ? results.waves() : results.teams());
			model.addAttribute("groups", groups);
			model.addAttribute("byWave", byWave);
		}
		return "programme/pulse-survey";
	}

	@PostMapping("/programme/pulse/{id}")
	String answer(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) List<String> scores,
			@RequestParam(required = false) String option, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		List<Integer> numbers = new ArrayList<>();
		// ADKAR: one radio group per stage, score0 to score4; NPS: scores
		for (int i = 0; params.containsKey("score" + i); i++) {
			numbers.add(number(params.get("score" + i)));
		}
		for (String score : scores == null ? List.<String>of() : scores) {
			numbers.add(number(score));
		}
		try {
			this.surveys.answer(viewer, id, new PulseSurveys.AnswerForm(numbers, number(option)));
			redirect.addFlashAttribute("flashSuccess", "Thank you: your answer was recorded, without your name.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join(" ", ex.fieldErrors().values()));
		}
		return "redirect:/programme/pulse/" + id;
	}

	@PostMapping("/programme/pulse/{id}/close")
	String close(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		this.surveys.close(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "The survey is closed: it takes no more answers.");
		return "redirect:/programme/pulse/" + id;
	}

	private void form(Model model) {
		model.addAttribute("kinds", PulseSurveys.Kind.values());
		model.addAttribute("roles", Arrays.stream(Role.values()).toList());
		model.addAttribute("teams",
				this.users.people().stream().map(p -> p.team()).filter(t -> t != null).distinct().sorted().toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PulseSurveys.SurveyForm(PulseSurveys.Kind.ADKAR, "", "", List.of(),
					List.of(), List.of(), 100, null));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
	}

	static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/**
	 * @return the number, {@code null} when blank; a value that is not a number is out of
	 * every range (refused by the service with its message)
	 */
	static Integer number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return Integer.MIN_VALUE;
		}
	}

}
