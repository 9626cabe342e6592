package dev.bellwether.customers.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerDuplicates;
import dev.bellwether.customers.PossibleDuplicate;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.OpenedView;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.RecordPages;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.platform.web.SortLinks;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Contact pages: the list (one URL for the page and, for htmx, just its results), the
 * record page, and the create and edit forms.
 */
@Controller
class ContactController {

	private final Contacts contacts;

	private final Accounts accounts;

	private final UserDirectory users;

	private final RecordOwners owners;

	private final ListCursors cursors;

	private final ListViews listViews;

	private final CustomFields customFields;

	private final CustomerDuplicates duplicates;

	ContactController(Contacts contacts, Accounts accounts, UserDirectory users, RecordOwners owners,
			ListCursors cursors, ListViews listViews, CustomFields customFields, CustomerDuplicates duplicates) {
		this.duplicates = duplicates;
		this.cursors = cursors;
		this.listViews = listViews;
		this.customFields = customFields;
		this.owners = owners;
		this.contacts = contacts;
		this.accounts = accounts;
		this.users = users;
	}

	@Usage(value = UsageKind.VIEW, recordType = "contact")
	@GetMapping("/contacts")
	String list(Viewer viewer, HttpServletRequest request, Model model) {
		OpenedView opened = this.listViews.open(viewer, "contact", request.getParameterMap(), !Htmx.isHtmx(request));
		ListQuery query = opened.query();
		String q = query.text("q");
		UUID account = query.id("account");
		UUID owner = query.id("owner");
		Pageable pageable = query.pageable();
		model.addAttribute("listView", opened);
		CustomFilter custom = query.custom(request.getParameterMap());
		Page<Contact> page = this.contacts.list(viewer, new ContactFilter(q, account, owner), custom,
				this.cursors.request(pageable, false, request.getParameter("cursor")));
		model.addAttribute("page", page);
		model.addAttribute("customCells", this.customFields.cells(Contacts.RECORD_TYPE, page.getContent(), Contact::id,
				Contact::customFields, this.users::namesOf));
		model.addAttribute("customFilters", this.customFields.active(Contacts.RECORD_TYPE));
		model.addAttribute("owners",
				this.users.namesOf(page.getContent().stream().map(Contact::ownerId).collect(Collectors.toSet())));
		model.addAttribute("q", q);
		model.addAttribute("account", account);
		// a name for the account filter even when the account has since gone to the
		// recycle bin, so the filter can still be seen and cleared
		model.addAttribute("accountName", account == null ? null : this.accounts.namesOf(Set.of(account)).get(account));
		model.addAttribute("owner", owner);
		model.addAttribute("sort", SortLinks.of(pageable.getSort()));
		model.addAttribute("baseUrl",
				opened.links(ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page")
					.replaceQueryParam("cursor")));
		model.addAttribute("filtered",
				q != null && !q.isBlank() || account != null || owner != null || !custom.isEmpty());
		model.addAttribute("activeUsers", activeUsers());
		return Htmx.targets(request, "results") ? "customers/contacts :: results" : "customers/contacts";
	}

	@Usage(value = UsageKind.VIEW, recordType = "contact")
	@GetMapping("/contacts/{id}")
	String show(Viewer viewer, @PathVariable UUID id, Model model) {
		Contact contact = this.contacts.get(viewer, id);
		model.addAttribute("contact", contact);
		model.addAttribute("canEdit", this.contacts.canEdit(viewer, contact));
		RecordPages.addNamesAndCustomValues(model, this.customFields, Contacts.RECORD_TYPE, contact.customFields(),
				Arrays.asList(contact.ownerId(), contact.createdBy(), contact.updatedBy(), contact.lastTouchedBy()),
				this.users::namesOf);
		return "customers/contact";
	}

	@GetMapping("/contacts/new")
	String newContact(Viewer viewer, @RequestParam(required = false) UUID account, Model model) {
		ContactFormData form = new ContactFormData();
		form.setOwnerId(viewer.id());
		if (account != null) {
			Account preselected = this.accounts.get(viewer, account);
			form.setAccountId(preselected.id());
			form.setAccountName(preselected.name());
		}
		model.addAttribute("form", form);
		model.addAttribute("activeUsers", activeUsers());
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Contacts.ACCESS, null));
		addCustomFields(model);
		return "customers/contact-form";
	}

	/**
	 * The contacts the one being typed into the new-contact form may duplicate, for htmx
	 * to show beside the form.
	 */
	@GetMapping("/contacts/duplicates")
	String duplicates(Viewer viewer, @RequestParam(required = false) String email,
			@RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
			@RequestParam(required = false) UUID accountId, Model model) {
		model.addAttribute("duplicates", this.duplicates.forNewContact(viewer, email, firstName, lastName, accountId));
		return "customers/possible-duplicates :: warning";
	}

	/**
	 * Creates the contact, unless it may duplicate one and the user has not said to
	 * create it anyway: then the form comes back with the warning and the values typed.
	 */
	@PostMapping("/contacts")
	String create(Viewer viewer, @ModelAttribute("form") ContactFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!form.isCreateAnyway() && !result.hasErrors()) {
			List<PossibleDuplicate> duplicates = this.duplicates.forNewContact(viewer, form.getEmail(),
					form.getFirstName(), form.getLastName(), form.getAccountId());
			if (!duplicates.isEmpty()) {
				model.addAttribute("duplicates", duplicates);
				model.addAttribute("confirmDuplicates", true);
				return newForm(viewer, model);
			}
		}
		Optional<Contact> created = FormErrors.save(result, model,
				() -> this.contacts.create(viewer, form.toDetails(), form.getCustomFields()),
				ex -> FormErrors.addWithCustomFields(result, model, ex));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Contact " + created.get().fullName() + " created.");
			return "redirect:/contacts/" + created.get().id();
		}
		return newForm(viewer, model);
	}

	/** The new-contact form shown again, with what was typed. */
	private String newForm(Viewer viewer, Model model) {
		model.addAttribute("activeUsers", activeUsers());
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Contacts.ACCESS, null));
		addCustomFields(model);
		return "customers/contact-form";
	}

	@GetMapping("/contacts/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		Contact contact = editable(viewer, id);
		model.addAttribute("contact", contact);
		ContactFormData form = ContactFormData.of(contact);
		form.setCustomFields(this.customFields.formValues(Contacts.RECORD_TYPE, contact.customFields()));
		model.addAttribute("form", form);
		model.addAttribute("activeUsers", activeUsers());
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Contacts.ACCESS, contact.ownerId()));
		addCustomFields(model);
		return "customers/contact-form";
	}

	@PostMapping("/contacts/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") ContactFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Contact contact = this.contacts.get(viewer, id);
		Optional<Contact> saved = FormErrors.save(result, model,
				() -> this.contacts.update(viewer, id, form.getVersion(), form.toDetails(), form.getCustomFields()),
				ex -> FormErrors.addWithCustomFields(result, model, ex));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Contact " + saved.get().fullName() + " saved.");
			return "redirect:/contacts/" + id;
		}
		model.addAttribute("contact", contact);
		model.addAttribute("activeUsers", activeUsers());
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Contacts.ACCESS, contact.ownerId()));
		addCustomFields(model);
		return "customers/contact-form";
	}

	@PostMapping("/contacts/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		Contact contact = this.contacts.get(viewer, id);
		this.contacts.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess",
				"Contact " + contact.fullName() + " moved to the recycle bin. You can restore it from there.");
		return "redirect:/contacts";
	}

	/**
	 * The edit form is refused up front, rather than letting the user fill it in only to
	 * be refused on saving.
	 */
	private Contact editable(Viewer viewer, UUID id) {
		Contact contact = this.contacts.get(viewer, id);
		if (!this.contacts.canEdit(viewer, contact)) {
			throw new ForbiddenException("You can't change " + contact.fullName()
					+ ": only the owner, the owner's managers, sales administrators and administrators can.");
		}
		return contact;
	}

	/**
	 * The owners offered by the list's filter: the people who own records.
	 */
	private Map<UUID, String> activeUsers() {
		return this.users.activeSalesPeople()
			.stream()
			.collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a, LinkedHashMap::new));
	}

	/** Built-in fields' errors next to them, custom fields' next to their inputs. */
	private void addCustomFields(Model model) {
		model.addAttribute("customFieldList", this.customFields.active(Contacts.RECORD_TYPE));
		model.addAttribute("customFieldUsers",
				this.users.activeSalesPeople()
					.stream()
					.collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a, java.util.LinkedHashMap::new)));
	}

}
