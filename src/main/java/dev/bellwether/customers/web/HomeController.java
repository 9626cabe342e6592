package dev.bellwether.customers.web;

import dev.bellwether.customers.AccountFilter;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Viewer;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: the signed-in user's own accounts and contacts, most recently changed
 * first.
 */
@Controller
class HomeController {

	private final Accounts accounts;

	private final Contacts contacts;

	HomeController(Accounts accounts, Contacts contacts) {
		this.accounts = accounts;
		this.contacts = contacts;
	}

	@GetMapping("/")
	String home(Viewer viewer, Model model) {
		PageRequest recent = PageRequest.of(0, 8, Sort.by(Sort.Order.desc("updatedAt")));
		model.addAttribute("myAccounts",
				this.accounts.list(viewer, new AccountFilter(null, null, null, viewer.id()), recent));
		model.addAttribute("myContacts",
				this.contacts.list(viewer, new ContactFilter(null, null, viewer.id()), recent));
		model.addAttribute("allAccounts",
				this.accounts.list(viewer, AccountFilter.all(), PageRequest.of(0, 1)).getTotalElements());
		model.addAttribute("allContacts",
				this.contacts.list(viewer, ContactFilter.all(), PageRequest.of(0, 1)).getTotalElements());
		return "customers/home";
	}

}
