package dev.bellwether.service.web;

import java.util.Map;

import dev.bellwether.service.CaseSurveys;
import dev.bellwether.service.CaseSurveys.SurveyPage;
import dev.bellwether.service.SurveyAnswerException;
import dev.bellwether.service.SurveyState;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a customer answers a case's satisfaction survey on, from the link in the
 * e-mail, without signing in. Opening the link never answers (mail scanners open links
 * too): it shows the question with the answer clicked in the e-mail already chosen, and
 * one press sends it. A link that was not signed here answers 404; an expired or replaced
 * one 410; an answered one thanks the customer again.
 */
@Controller
@RequestMapping("/survey/{token}")
class SurveyController {

	private final CaseSurveys surveys;

	SurveyController(CaseSurveys surveys) {
		this.surveys = surveys;
	}

	@GetMapping
	String show(@PathVariable String token, @RequestParam(required = false) String csat, Model model,
			HttpServletResponse response) {
		SurveyPage page = this.surveys.open(token);
		model.addAttribute("chosenCsat", score(csat, 1, 5));
		return render(page, token, model, response);
	}

	@PostMapping
	String answer(@PathVariable String token, @RequestParam(required = false) String csat,
			@RequestParam(required = false) String nps, @RequestParam(required = false) String comment, Model model,
			HttpServletResponse response) {
		Integer csatScore = score(csat, 1, 5);
		Integer npsScore = score(nps, 0, 10);
		try {
			if (nps != null && !nps.isBlank() && npsScore == null) {
				throw new SurveyAnswerException(Map.of("nps", "Choose a number from 0 to 10, or leave it out."));
			}
			SurveyPage page = this.surveys.answer(token, csatScore, npsScore, comment);
			model.addAttribute("justAnswered", page.state() == SurveyState.ANSWERED);
			return render(page, token, model, response);
		}
		catch (SurveyAnswerException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", ex.problems());
			model.addAttribute("chosenCsat", csatScore);
			model.addAttribute("chosenNps", npsScore);
			model.addAttribute("comment", comment);
			model.addAttribute("page", this.surveys.open(token));
			model.addAttribute("token", token);
			return "service/survey";
		}
	}

	private static String render(SurveyPage page, String token, Model model, HttpServletResponse response) {
		switch (page.state()) {
			case INVALID -> response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			case EXPIRED, SUPERSEDED -> response.setStatus(HttpServletResponse.SC_GONE);
			default -> {
			}
		}
		model.addAttribute("page", page);
		model.addAttribute("token", token);
		return "service/survey";
	}

	/**
	 * @return the whole number within bounds, or {@code null} for anything else
	 */
	private static Integer score(String text, int min, int max) {
		if (text == null || text.isBlank() || text.length() > 3) {
			return null;
		}
		try {
			int value = Integer.parseInt(text.trim());
			return value >= min && value <= max ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
