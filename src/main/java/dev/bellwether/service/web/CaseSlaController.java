package dev.bellwether.service.web;

import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.service.CaseSlas;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /cases/{id}/sla}: the case page's SLA countdown (the card
 * {@code service/sla :: include(caseId)} loads it and refreshes it every minute). Part of
 * viewing the case, so usage capture leaves the refreshes out.
 */
@Controller
@Usage(value = UsageKind.VIEW, ignore = true)
class CaseSlaController {

	private final CaseSlas slas;

	CaseSlaController(CaseSlas slas) {
		this.slas = slas;
	}

	@GetMapping("/cases/{id}/sla")
	String countdown(Viewer viewer, @PathVariable UUID id, Model model) {
		model.addAttribute("sla", this.slas.of(viewer, id).orElse(null));
		return "service/sla :: countdown";
	}

}
