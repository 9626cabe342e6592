package dev.bellwether.programme.web;

import java.util.Comparator;
import java.util.List;

import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.ProgrammeSection;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Programme page ({@code /programme}): every part of the adoption programme the
 * viewer sees, each with one line of where it stands. Programme leads see every part and
 * manage it from there; everyone else sees what concerns them (the charter, their wave).
 */
@Controller
class ProgrammeController {

	private final ProgrammeLeads leads;

	private final List<ProgrammeSection> sections;

	ProgrammeController(ProgrammeLeads leads, List<ProgrammeSection> sections) {
		this.leads = leads;
		this.sections = sections.stream().sorted(Comparator.comparingInt(ProgrammeSection::order)).toList();
	}

	@GetMapping("/programme")
	String programme(Viewer viewer, Model model) {
		boolean lead = this.leads.isLead(viewer);
		List<SectionView> shown = this.sections.stream()
			.filter(section -> section.visibleTo(viewer, lead))
			.map(section -> new SectionView(section.title(), section.path(), section.summary(viewer)))
			.toList();
		model.addAttribute("lead", lead);
		model.addAttribute("sections", shown);
		return "programme/index";
	}

	record SectionView(String title, String path, String summary) {
	}

}
