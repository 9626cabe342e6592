package dev.bellwether.marketing.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.web.RecycleBinPages;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Deleted leads the viewer may see, to be restored by whoever may change them or deleted
 * for good by an administrator.
 */
@Controller
class LeadRecycleBinController {

	private static final String BIN = "/recycle-bin/leads";

	private final Leads leads;

	private final UserDirectory users;

	LeadRecycleBinController(Leads leads, UserDirectory users) {
		this.leads = leads;
		this.users = users;
	}

	@GetMapping(BIN)
	String show(Viewer viewer, @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		Page<Lead> deleted = this.leads.deleted(viewer, RecycleBinPages.page(page));
		model.addAttribute("page", deleted);
		model.addAttribute("names", this.users.namesOf(RecycleBinPages.deletedBy(deleted.map(Lead::deletedBy))));
		model.addAttribute("restorable",
				RecycleBinPages.restorable(deleted, lead -> this.leads.canEdit(viewer, lead), Lead::id));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		return "marketing/recycle-bin";
	}

	@PostMapping(BIN + "/{id}/restore")
	String restore(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return RecycleBinPages.restore(redirect, BIN,
				() -> "Lead " + this.leads.restore(viewer, id).fullName() + " restored.");
	}

	@PostMapping(BIN + "/{id}/purge")
	String purge(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return RecycleBinPages.purge(redirect, BIN, () -> this.leads.purge(viewer, id),
				"The lead was deleted for good, with its history.");
	}

}
