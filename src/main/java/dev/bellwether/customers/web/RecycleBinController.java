package dev.bellwether.customers.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;

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
 * The recycle bin: deleted accounts and contacts, each list paged on its own, to be
 * restored by whoever may change them or deleted for good by an administrator.
 */
@Controller
class RecycleBinController {

	private static final int PAGE_SIZE = 20;

	private final Accounts accounts;

	private final Contacts contacts;

	private final UserDirectory users;

	RecycleBinController(Accounts accounts, Contacts contacts, UserDirectory users) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
	}

	@GetMapping("/recycle-bin")
	String show(Viewer viewer, @RequestParam(defaultValue = "0") int accountsPage,
			@RequestParam(defaultValue = "0") int contactsPage, HttpServletRequest request, Model model) {
		Page<Account> deletedAccounts = this.accounts.deleted(viewer,
				PageRequest.of(Math.max(accountsPage, 0), PAGE_SIZE));
		Page<Contact> deletedContacts = this.contacts.deleted(viewer,
				PageRequest.of(Math.max(contactsPage, 0), PAGE_SIZE));
		Set<UUID> people = new HashSet<>();
		deletedAccounts.forEach(a -> people.add(a.deletedBy()));
		deletedContacts.forEach(c -> people.add(c.deletedBy()));
		people.remove(null);
		model.addAttribute("accounts", deletedAccounts);
		model.addAttribute("contacts", deletedContacts);
		model.addAttribute("names", this.users.namesOf(people));
		model.addAttribute("restorableAccounts",
				deletedAccounts.stream()
					.filter(a -> this.accounts.canEdit(viewer, a))
					.map(Account::id)
					.collect(Collectors.toSet()));
		model.addAttribute("restorableContacts",
				deletedContacts.stream()
					.filter(c -> this.contacts.canEdit(viewer, c))
					.map(Contact::id)
					.collect(Collectors.toSet()));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request));
		return "customers/recycle-bin";
	}

	@PostMapping("/recycle-bin/accounts/{id}/restore")
	String restoreAccount(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		Account account = this.accounts.restore(viewer, id);
		redirect.addFlashAttribute("flashSuccess",
				"Account " + account.name() + " restored, with the contacts that were deleted with it.");
		return "redirect:/recycle-bin";
	}

	@PostMapping("/recycle-bin/contacts/{id}/restore")
	String restoreContact(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Contact contact = this.contacts.restore(viewer, id);
			redirect.addFlashAttribute("flashSuccess", "Contact " + contact.fullName() + " restored.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/recycle-bin";
	}

	@PostMapping("/recycle-bin/accounts/{id}/purge")
	String purgeAccount(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = this.accounts.namesOf(Set.of(id)).getOrDefault(id, "The account");
		this.accounts.purge(viewer, id);
		redirect.addFlashAttribute("flashSuccess", name + " was deleted for good, with the contacts deleted with it.");
		return "redirect:/recycle-bin";
	}

	@PostMapping("/recycle-bin/contacts/{id}/purge")
	String purgeContact(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		this.contacts.purge(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "The contact was deleted for good.");
		return "redirect:/recycle-bin";
	}

}
