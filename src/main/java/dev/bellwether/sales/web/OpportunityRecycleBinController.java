package dev.bellwether.sales.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
		Page<Opportunity> deleted = this.opportunities.deleted(viewer, PageRequest.of(Math.max(page, 0), 20));
		Set<UUID> people = new HashSet<>();
		deleted.forEach(o -> people.add(o.deletedBy()));
		people.remove(null);
		Set<UUID> accountIds = new HashSet<>();
		deleted.forEach(o -> {
			accountIds.add(o.accountId());
		});
		model.addAttribute("page", deleted);
		model.addAttribute("names", this.users.namesOf(people));
		model.addAttribute("accountNames", this.accounts.namesOf(accountIds));
		model.addAttribute("restorable",
				deleted.stream()
					.filter(o -> this.opportunities.canEdit(viewer, o))
					.map(Opportunity::id)
					.collect(Collectors.toSet()));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		return "sales/recycle-bin";
	}

	@PostMapping("/recycle-bin/opportunities/{id}/restore")
	String restore(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Opportunity deal = this.opportunities.restore(viewer, id);
			redirect.addFlashAttribute("flashSuccess", "Deal " + deal.name() + " restored.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/recycle-bin/opportunities";
	}

	@PostMapping("/recycle-bin/opportunities/{id}/purge")
	String purge(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = this.opportunities.namesOf(Set.of(id)).getOrDefault(id, "The deal");
		this.opportunities.purge(viewer, id);
		redirect.addFlashAttribute("flashSuccess", name + " was deleted for good, with its history.");
		return "redirect:/recycle-bin/opportunities";
	}

}
