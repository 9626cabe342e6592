package dev.bellwether.sales.web;

import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.web.RecycleBinPages;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;

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
 * Deleted deals the viewer may see, to be restored by whoever may change them or deleted
 * for good by an administrator. (The accounts and contacts recycle bin lives in the
 * customers module, which knows nothing of deals.)
 */
@Controller
class OpportunityRecycleBinController {

	private final Opportunities opportunities;

	private final Accounts accounts;

	private final UserDirectory users;

	OpportunityRecycleBinController(Opportunities opportunities, Accounts accounts, UserDirectory users) {
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.users = users;
	}

	@GetMapping("/recycle-bin/opportunities")
	String show(Viewer viewer, @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		Page<Opportunity> deleted = this.opportunities.deleted(viewer, RecycleBinPages.page(page));
		model.addAttribute("page", deleted);
		model.addAttribute("names", this.users.namesOf(RecycleBinPages.deletedBy(deleted.map(Opportunity::deletedBy))));
		model.addAttribute("accountNames", this.accounts.namesOf(deleted.map(Opportunity::accountId).toSet()));
		model.addAttribute("restorable",
				RecycleBinPages.restorable(deleted, o -> this.opportunities.canEdit(viewer, o), Opportunity::id));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		return "sales/recycle-bin";
	}

	@PostMapping("/recycle-bin/opportunities/{id}/restore")
	String restore(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return RecycleBinPages.restore(redirect, "/recycle-bin/opportunities",
				() -> "Deal " + this.opportunities.restore(viewer, id).name() + " restored.");
	}

	@PostMapping("/recycle-bin/opportunities/{id}/purge")
	String purge(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = this.opportunities.namesOf(Set.of(id)).getOrDefault(id, "The deal");
		return RecycleBinPages.purge(redirect, "/recycle-bin/opportunities", () -> this.opportunities.purge(viewer, id),
				name + " was deleted for good, with its history.");
	}

}
