package dev.bellwether.customers.web;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountFilter;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerDuplicates;
import dev.bellwether.customers.PossibleDuplicate;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.OpenedView;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.RecordPages;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.platform.web.SortLinks;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Account pages: the list (one URL for the page and, for htmx, just its results), the
 * record page, and the create and edit forms.
 */
@Controller
class AccountController {

	private final Accounts accounts;

	private final Contacts contacts;

	private final UserDirectory users;

	private final RecordOwners owners;

	private final ListCursors cursors;

	private final PickLists pickLists;

	private final ListViews listViews;

	private final CustomFields customFields;

	private final CustomerDuplicates duplicates;

	AccountController(Accounts accounts, Contacts contacts, UserDirectory users, RecordOwners owners,
			ListCursors cursors, PickLists pickLists, ListViews listViews, CustomFields customFields,
			CustomerDuplicates duplicates) {
		this.duplicates = duplicates;
		this.cursors = cursors;
		this.listViews = listViews;
		this.customFields = customFields;
		this.owners = owners;
		this.pickLists = pickLists;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
	}

	@Usage(value = UsageKind.VIEW, recordType = "account")
	@GetMapping("/accounts")
	String list(Viewer viewer, HttpServletRequest request, Model model) {
		OpenedView opened = this.listViews.open(viewer, "account", request.getParameterMap(), !Htmx.isHtmx(request));
		ListQuery query = opened.query();
		String q = query.text("q");
		String industry = query.text("industry");
		String country = query.text("country");
		UUID owner = query.id("owner");
		Pageable pageable = query.pageable();
		CustomFilter custom = query.custom(request.getParameterMap());
		Page<Account> page = this.accounts.list(viewer, new AccountFilter(q, industry, country, owner), custom,
				this.cursors.request(pageable, false, request.getParameter("cursor")));
		model.addAttribute("listView", opened);
		model.addAttribute("page", page);
		model.addAttribute("customCells", this.customFields.cells(Accounts.RECORD_TYPE, page.getContent(), Account::id,
				Account::customFields, this.users::namesOf));
		model.addAttribute("customFilters", this.customFields.active(Accounts.RECORD_TYPE));
		model.addAttribute("owners", this.users.namesOf(ownerIds(page.getContent())));
		model.addAttribute("q", q);
		model.addAttribute("industry", industry);
		model.addAttribute("country", country);
		model.addAttribute("owner", owner);
		model.addAttribute("sort", SortLinks.of(pageable.getSort()));
		model.addAttribute("baseUrl",
				opened.links(ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page")
					.replaceQueryParam("cursor")));
		model.addAttribute("filtered", q != null && !q.isBlank() || industry != null && !industry.isBlank()
				|| country != null && !country.isBlank() || owner != null || !custom.isEmpty());
		addChoices(model, industry, country);
		return Htmx.targets(request, "results") ? "customers/accounts :: results" : "customers/accounts";
	}

	@Usage(value = UsageKind.VIEW, recordType = "account")
	@GetMapping("/accounts/{id}")
	String show(Viewer viewer, @PathVariable UUID id, Model model) {
		Account account = this.accounts.get(viewer, id);
		model.addAttribute("account", account);
		model.addAttribute("canEdit", this.accounts.canEdit(viewer, account));
		model.addAttribute("children", this.accounts.children(viewer, id));
		model.addAttribute("contacts",
				this.contacts.list(viewer, new ContactFilter(null, id, null), PageRequest.of(0, 50, Sort.by("name"))));
		RecordPages.addNamesAndCustomValues(model, this.customFields, Accounts.RECORD_TYPE, account.customFields(),
				Arrays.asList(account.ownerId(), account.createdBy(), account.updatedBy(), account.lastTouchedBy()),
				this.users::namesOf);
		return "customers/account";
	}

	@GetMapping("/accounts/new")
	String newAccount(Viewer viewer, @RequestParam(required = false) UUID parent, Model model) {
		AccountFormData form = new AccountFormData();
		form.setOwnerId(viewer.id());
		if (parent != null) {
			Account parentAccount = this.accounts.get(viewer, parent);
			form.setParentId(parent);
			form.setParentName(parentAccount.name());
		}
		model.addAttribute("form", form);
		addChoices(model, form.getIndustry(), form.getCountry());
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Accounts.ACCESS, null));
		return "customers/account-form";
	}

	/**
	 * The accounts the one being typed into the new-account form may duplicate, for htmx
	 * to show beside the form.
	 */
	@GetMapping("/accounts/duplicates")
	String duplicates(Viewer viewer, @RequestParam(required = false) String name,
			@RequestParam(required = false) String website, Model model) {
		model.addAttribute("duplicates", this.duplicates.forNewAccount(viewer, name, website));
		return "customers/possible-duplicates :: warning";
	}

	/**
	 * Creates the account, unless it may duplicate one and the user has not said to
	 * create it anyway: then the form comes back with the warning and the values typed.
	 */
	@PostMapping("/accounts")
	String create(Viewer viewer, @ModelAttribute("form") AccountFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!form.isCreateAnyway() && !result.hasErrors()) {
			List<PossibleDuplicate> duplicates = this.duplicates.forNewAccount(viewer, form.getName(),
					form.getWebsite());
			if (!duplicates.isEmpty()) {
				model.addAttribute("duplicates", duplicates);
				model.addAttribute("confirmDuplicates", true);
				return newForm(viewer, form, model);
			}
		}
		Optional<Account> created = FormErrors.save(result, model,
				() -> this.accounts.create(viewer, form.toDetails(), form.getCustomFields()),
				ex -> FormErrors.addWithCustomFields(result, model, ex));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Account " + created.get().name() + " created.");
			return "redirect:/accounts/" + created.get().id();
		}
		return newForm(viewer, form, model);
	}

	/** The new-account form shown again, with what was typed. */
	private String newForm(Viewer viewer, AccountFormData form, Model model) {
		addChoices(model, form.getIndustry(), form.getCountry());
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Accounts.ACCESS, null));
		return "customers/account-form";
	}

	@GetMapping("/accounts/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		Account account = this.accounts.get(viewer, id);
		if (!this.accounts.canEdit(viewer, account)) {
			throw new ForbiddenException("You can't change " + account.name()
					+ ": only its owner, the owner's managers, sales administrators and administrators can.");
		}
		model.addAttribute("account", account);
		AccountFormData form = AccountFormData.of(account);
		form.setCustomFields(this.customFields.formValues(Accounts.RECORD_TYPE, account.customFields()));
		model.addAttribute("form", form);
		addChoices(model, account.industry(), account.country());
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Accounts.ACCESS, account.ownerId()));
		return "customers/account-form";
	}

	@PostMapping("/accounts/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") AccountFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Account account = this.accounts.get(viewer, id);
		Optional<Account> saved = FormErrors.save(result, model,
				() -> this.accounts.update(viewer, id, form.getVersion(), form.toDetails(), form.getCustomFields()),
				ex -> FormErrors.addWithCustomFields(result, model, ex));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Account " + saved.get().name() + " saved.");
			return "redirect:/accounts/" + id;
		}
		model.addAttribute("account", account);
		addChoices(model, form.getIndustry(), form.getCountry());
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Accounts.ACCESS, account.ownerId()));
		return "customers/account-form";
	}

	@PostMapping("/accounts/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		Account account = this.accounts.get(viewer, id);
		this.accounts.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "Account " + account.name()
				+ " moved to the recycle bin, with its contacts. You can restore it from there.");
		return "redirect:/accounts";
	}

	/**
	 * Accounts matching the text, for the parent-account picker.
	 */
	@GetMapping(path = "/accounts/lookup", produces = "application/json")
	@ResponseBody
	List<Map<String, String>> lookup(Viewer viewer, @RequestParam(defaultValue = "") String q) {
		return this.accounts.search(viewer, q, 10)
			.stream()
			.map(a -> Map.of("id", a.id().toString(), "label",
					a.name() + (a.billingCity() != null ? " · " + a.billingCity() : "")))
			.toList();
	}

	/**
	 * The custom fields, and the industries and countries offered: those not retired, and
	 * the one chosen now even when it is.
	 */
	private void addChoices(Model model, String industry, String country) {
		model.addAttribute("customFieldList", this.customFields.active(Accounts.RECORD_TYPE));
		model.addAttribute("industries", this.pickLists.choices("industry", industry));
		model.addAttribute("countries", this.pickLists.choices("country", country));
		// the owners offered by the list's filter: the people who own records
		model.addAttribute("activeUsers",
				this.users.activeSalesPeople()
					.stream()
					.collect(java.util.stream.Collectors.toMap(User::id, User::fullName, (a, b) -> a,
							java.util.LinkedHashMap::new)));
	}

	private static Set<UUID> ownerIds(List<Account> accounts) {
		Set<UUID> ids = new HashSet<>();
		accounts.forEach(a -> ids.add(a.ownerId()));
		return ids;
	}

}
