package dev.bellwether.programme.web;

import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.programme.Champions;
import dev.bellwether.programme.ProgrammeLeads;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Champions ({@code /programme/champions}): coverage by team against the ratio, the teams
 * below it, and champion teams' adoption beside the others'. Programme leads designate
 * champions and set the ratio.
 */
@Controller
class ChampionsController {

	private static final String PAGE = "redirect:/programme/champions";

	private final Champions champions;

	private final ChampionAccess access;

	private final ProgrammeLeads leads;

	private final UserDirectory users;

	ChampionsController(Champions champions, ChampionAccess access, ProgrammeLeads leads, UserDirectory users) {
		this.champions = champions;
		this.access = access;
		this.leads = leads;
		this.users = users;
	}

	@GetMapping("/programme/champions")
	String champions(Viewer viewer, Model model) {
		this.access.requireReader(viewer);
		boolean lead = this.leads.isLead(viewer);
		var list = this.champions.list();
		model.addAttribute("lead", lead);
		model.addAttribute("champions", list);
		model.addAttribute("anyFlag", list.stream().anyMatch(c -> !c.flags().isEmpty()));
		model.addAttribute("coverage", this.champions.coverage());
		model.addAttribute("ratio", this.champions.ratio());
		if (lead) {
			model.addAttribute("candidates",
					this.users.people()
						.stream()
						.filter(p -> p.active() && p.countedInAdoption() && p.team() != null && !p.team().isBlank())
						.sorted(Comparator.comparing(p -> p.fullName().toLowerCase(Locale.ROOT)))
						.toList());
		}
		return "programme/champions";
	}

	@PostMapping("/programme/champions")
	String designate(Viewer viewer, @RequestParam(required = false) UUID userId,
			@RequestParam(required = false) String team, RedirectAttributes redirect) {
		this.leads.requireLead(viewer);
		try {
			Champions.Champion champion = this.champions.designate(viewer, userId, team);
			redirect.addFlashAttribute("flashSuccess",
					champion.fullName() + " is a champion of " + champion.team() + ".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join(" ", ex.fieldErrors().values()));
		}
		return PAGE;
	}

	@PostMapping("/programme/champions/{id}/remove")
	String remove(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		this.champions.remove(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "The champion is removed.");
		return PAGE;
	}

	@PostMapping("/programme/champions/ratio")
	String ratio(Viewer viewer, @RequestParam(required = false) Integer peoplePerChampion, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			this.champions.changeRatio(viewer, peoplePerChampion, version);
			redirect.addFlashAttribute("flashSuccess", "One champion now covers " + peoplePerChampion + " people.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join(" ", ex.fieldErrors().values()));
		}
		catch (StaleRecordException ex) {
			redirect.addFlashAttribute("flashError", "Someone changed the ratio meanwhile: here it is as it is now.");
		}
		return PAGE;
	}

}
