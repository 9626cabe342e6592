package dev.bellwether.customers.web;

import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
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
 * The recycle bin: deleted accounts and contacts, each list paged on its own, to be
 * restored by whoever may change them or deleted for good by an administrator.
 */
@Controller
class RecycleBinController {

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
		Page<Account> deletedAccounts = this.accounts.deleted(viewer, RecycleBinPages.page(accountsPage));
		Page<Contact> deletedContacts = this.contacts.deleted(viewer, RecycleBinPages.page(contactsPage));
		model.addAttribute("accounts", deletedAccounts);
		model.addAttribute("contacts", deletedContacts);
		model.addAttribute("names", this.users.namesOf(RecycleBinPages
			.deletedBy(deletedAccounts.map(Account::deletedBy), deletedContacts.map(Contact::deletedBy))));
		model.addAttribute("restorableAccounts",
				RecycleBinPages.restorable(deletedAccounts, a -> this.accounts.canEdit(viewer, a), Account::id));
		model.addAttribute("restorableContacts",
				RecycleBinPages.restorable(deletedContacts, c -> this.contacts.canEdit(viewer, c), Contact::id));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request));
		return "customers/recycle-bin";
	}

	@PostMapping("/recycle-bin/accounts/{id}/restore")
	String restoreAccount(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return RecycleBinPages.restore(redirect, "/recycle-bin", () -> "Account "
				+ this.accounts.restore(viewer, id).name() + " restored, with the contacts that were deleted with it.");
	}

	@PostMapping("/recycle-bin/contacts/{id}/restore")
	String restoreContact(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return RecycleBinPages.restore(redirect, "/recycle-bin",
				() -> "Contact " + this.contacts.restore(viewer, id).fullName() + " restored.");
	}

	@PostMapping("/recycle-bin/accounts/{id}/purge")
	String purgeAccount(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = this.accounts.namesOf(Set.of(id)).getOrDefault(id, "The account");
		return RecycleBinPages.purge(redirect, "/recycle-bin", () -> this.accounts.purge(viewer, id),
				name + " was deleted for good, with the contacts deleted with it.");
	}

	@PostMapping("/recycle-bin/contacts/{id}/purge")
	String purgeContact(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return RecycleBinPages.purge(redirect, "/recycle-bin", () -> this.contacts.purge(viewer, id),
				"The contact was deleted for good.");
	}

}
