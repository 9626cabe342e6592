package dev.bellwether.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import dev.bellwether.sales.ForecastTotal;
import dev.bellwether.sales.OpportunityAccess;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.OpenedView;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.RecordPages;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.platform.web.SortLinks;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.LineItemDetails;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.OpportunityFilter;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import dev.bellwether.sales.Products;
import dev.bellwether.sales.StageChange;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Deal pages: the list (one URL for the page, for htmx just its results, and for an
 * account page the account's deals), the record page with its line items and stage
 * history, the create and edit forms, and stage moves.
 */
@Controller
class OpportunityController {

	private final Opportunities opportunities;

	private final PipelineStages stages;

	private final Products products;

	private final Accounts accounts;

	private final Contacts contacts;

	private final UserDirectory users;

	private final RecordOwners owners;

	private final ListCursors cursors;

	private final ListViews listViews;

	private final CustomFields customFields;

	OpportunityController(Opportunities opportunities, PipelineStages stages, Products products, Accounts accounts,
			Contacts contacts, UserDirectory users, RecordOwners owners, ListCursors cursors, ListViews listViews,
			CustomFields customFields) {
		this.cursors = cursors;
		this.listViews = listViews;
		this.customFields = customFields;
		this.owners = owners;
		this.opportunities = opportunities;
		this.stages = stages;
		this.products = products;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
	}

	@Usage(value = UsageKind.VIEW, recordType = "opportunity")
	@GetMapping("/opportunities")
	String list(Viewer viewer, HttpServletRequest request, Model model) {
		OpenedView opened = this.listViews.open(viewer, OpportunityAccess.RECORD_TYPE, request.getParameterMap(),
				!Htmx.isHtmx(request));
		ListQuery query = opened.query();
		String status = query.choice("status");
		UUID accountId = query.id("accountId");
		Boolean open = "open".equals(status) ? Boolean.TRUE : "closed".equals(status) ? Boolean.FALSE : null;
		String category = query.choice("category");
		OpportunityFilter filter = new OpportunityFilter(query.text("q"), accountId, query.id("owner"),
				query.id("team"), query.id("stage"), category == null ? null : ForecastCategory.valueOf(category),
				query.date("closeFrom"), query.date("closeTo"), open, query.flag("stale"), query.flag("overdue"),
				query.choice("forecast") == null ? null : ForecastTotal.valueOf(query.choice("forecast")));
		Pageable pageable = query.pageable();
		model.addAttribute("listView", opened);
		CustomFilter custom = query.custom(request.getParameterMap());
		Page<Opportunity> page = this.opportunities.list(viewer, filter, custom,
				this.cursors.request(pageable, false, request.getParameter("cursor")));
		model.addAttribute("page", page);
		model.addAttribute("customCells", this.customFields.cells(Opportunities.RECORD_TYPE, page.getContent(),
				Opportunity::id, Opportunity::customFields, this.users::namesOf));
		model.addAttribute("customFilters", this.customFields.active(Opportunities.RECORD_TYPE));
		model.addAttribute("capped", Opportunities.isCountCapped(page));
		model.addAttribute("names",
				this.users.namesOf(page.getContent().stream().map(Opportunity::ownerId).collect(Collectors.toSet())));
		model.addAttribute("accountNames", this.accounts
			.namesOf(page.getContent().stream().map(Opportunity::accountId).collect(Collectors.toSet())));
		model.addAttribute("filter", filter);
		model.addAttribute("status", status);
		model.addAttribute("sort", SortLinks.of(pageable.getSort()));
		model.addAttribute("baseUrl",
				opened.links(ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page")
					.replaceQueryParam("cursor")));
		model.addAttribute("filtered", !filter.isEmpty() || !custom.isEmpty());
		model.addAttribute("stages", this.stages.all());
		model.addAttribute("categories", ForecastCategory.values());
		model.addAttribute("activeUsers", activeUsers());
		model.addAttribute("managers",
				this.users.activeUsers()
					.stream()
					.filter(u -> u.role() == dev.bellwether.identity.Role.MANAGER
							|| u.role() == dev.bellwether.identity.Role.EXECUTIVE)
					.collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("canManage", this.stages.canManage(viewer));
		if (accountId != null && Htmx.targets(request, "account-opportunities")) {
			model.addAttribute("accountId", accountId);
			return "sales/opportunities :: accountDeals";
		}
		return Htmx.targets(request, "results") ? "sales/opportunities :: results" : "sales/opportunities";
	}

	@Usage(value = UsageKind.VIEW, recordType = "opportunity")
	@GetMapping("/opportunities/{id}")
	String show(Viewer viewer, @PathVariable UUID id, Model model) {
		Opportunity deal = this.opportunities.get(viewer, id);
		model.addAttribute("deal", deal);
		model.addAttribute("canEdit", this.opportunities.canEdit(viewer, deal));
		model.addAttribute("accountName", this.accounts.namesOf(Set.of(deal.accountId())).get(deal.accountId()));
		model.addAttribute("contact", contact(viewer, deal.primaryContactId()));
		List<StageChange> history = this.opportunities.history(viewer, id);
		model.addAttribute("history", history);
		model.addAttribute("firstStage", this.stages.find(deal.firstStageId()).map(PipelineStage::name).orElse(""));
		addLineItems(viewer, deal, model);
		model.addAttribute("stages", this.stages.active());
		List<UUID> people = new ArrayList<>(Arrays.asList(deal.ownerId(), deal.createdBy(), deal.lastTouchedBy()));
		history.forEach(h -> people.add(h.changedBy()));
		RecordPages.addNamesAndCustomValues(model, this.customFields, Opportunities.RECORD_TYPE, deal.customFields(),
				people, this.users::namesOf);
		return "sales/opportunity";
	}

	@GetMapping("/opportunities/new")
	String newDeal(Viewer viewer, @RequestParam(required = false) UUID accountId, Model model) {
		OpportunityFormData form = new OpportunityFormData();
		form.setOwnerId(viewer.id());
		form.setStageId(this.stages.active()
			.stream()
			.filter(PipelineStage::isOpen)
			.findFirst()
			.map(PipelineStage::id)
			.orElse(null));
		form.setCloseDate(this.opportunities.today().plusMonths(3).withDayOfMonth(1).minusDays(1).toString());
		if (accountId != null) {
			Account account = this.accounts.get(viewer, accountId);
			form.setAccountId(account.id());
			form.setAccountName(account.name());
		}
		model.addAttribute("form", form);
		addChoices(viewer, form, model);
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, OpportunityAccess.ACCESS, null));
		return "sales/opportunity-form";
	}

	@PostMapping("/opportunities")
	String create(Viewer viewer, @ModelAttribute("form") OpportunityFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			Inputs inputs = new Inputs();
			OpportunityDetails details = form.toDetails(inputs);
			Optional<Opportunity> created = FormErrors.save(result, model,
					() -> inputs.submit(() -> this.opportunities.check(viewer, null, details, form.getCustomFields()),
							() -> this.opportunities.create(viewer, details, form.getCustomFields())),
					ex -> FormErrors.addWithCustomFields(result, model, ex));
			if (created.isPresent()) {
				redirect.addFlashAttribute("flashSuccess", "Deal " + created.get().name() + " created.");
				return "redirect:/opportunities/" + created.get().id();
			}
		}
		addChoices(viewer, form, model);
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, OpportunityAccess.ACCESS, null));
		return "sales/opportunity-form";
	}

	@GetMapping("/opportunities/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		Opportunity deal = editable(viewer, id);
		model.addAttribute("deal", deal);
		OpportunityFormData form = OpportunityFormData.of(deal,
				this.accounts.namesOf(Set.of(deal.accountId())).get(deal.accountId()));
		form.setCustomFields(this.customFields.formValues(Opportunities.RECORD_TYPE, deal.customFields()));
		model.addAttribute("form", form);
		addChoices(viewer, form, model);
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, OpportunityAccess.ACCESS, deal.ownerId()));
		return "sales/opportunity-form";
	}

	@PostMapping("/opportunities/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") OpportunityFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Opportunity deal = editable(viewer, id);
		if (!result.hasErrors()) {
			Inputs inputs = new Inputs();
			OpportunityDetails details = form.toDetails(inputs);
			Optional<Opportunity> saved = FormErrors
				.save(result, model,
						() -> inputs.submit(() -> this.opportunities.check(viewer, id, details, form.getCustomFields()),
								() -> this.opportunities.update(viewer, id, form.getVersion(), details,
										form.getCustomFields())),
						ex -> FormErrors.addWithCustomFields(result, model, ex));
			if (saved.isPresent()) {
				redirect.addFlashAttribute("flashSuccess", "Deal " + saved.get().name() + " saved.");
				return "redirect:/opportunities/" + id;
			}
		}
		model.addAttribute("deal", deal);
		addChoices(viewer, form, model);
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, OpportunityAccess.ACCESS, deal.ownerId()));
		return "sales/opportunity-form";
	}

	/**
	 * Moves the deal to a stage from its record page (the stage buttons, "mark won",
	 * "mark lost" with a reason).
	 */
	@PostMapping("/opportunities/{id}/stage")
	String changeStage(Viewer viewer, @PathVariable UUID id, @RequestParam UUID stageId, @RequestParam long version,
			@RequestParam(required = false) String lossReason, @RequestParam(required = false) String lossReasonDetail,
			RedirectAttributes redirect) {
		try {
			Opportunity moved = this.opportunities.changeStage(viewer, id, stageId, version, lossReason,
					lossReasonDetail);
			redirect.addFlashAttribute("flashSuccess", moved.name() + " moved to " + moved.stageName() + ".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
			redirect.addFlashAttribute("lossReasonError", ex.fieldErrors().get("lossReason"));
			redirect.addFlashAttribute("lossReasonDetailError", ex.fieldErrors().get("lossReasonDetail"));
		}
		catch (StaleRecordException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage() + " The page now shows the latest version.");
		}
		return "redirect:/opportunities/" + id;
	}

	@PostMapping("/opportunities/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		Opportunity deal = this.opportunities.get(viewer, id);
		this.opportunities.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess",
				"Deal " + deal.name() + " moved to the recycle bin. You can restore it from there.");
		return "redirect:/opportunities";
	}

	@PostMapping("/opportunities/{id}/line-items")
	String addLineItem(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) UUID productId,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String unitPrice,
			@RequestParam(required = false) String discountPercent, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Inputs inputs = new Inputs();
		LineItemDetails details = new LineItemDetails(productId, inputs.decimal("quantity", quantity, "a quantity"),
				inputs.decimal("unitPrice", unitPrice, "a price"),
				inputs.decimal("discountPercent", discountPercent, "a percentage"), null);
		try {
			inputs.throwIfAny();
			this.opportunities.addLineItem(viewer, id, details);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("lineItemErrors", ex.fieldErrors());
		}
		return lineItemsResponse(viewer, id, request, model, redirect);
	}

	@PostMapping("/opportunities/{id}/line-items/{itemId}")
	String updateLineItem(Viewer viewer, @PathVariable UUID id, @PathVariable UUID itemId, @RequestParam UUID productId,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String unitPrice,
			@RequestParam(required = false) String discountPercent, @RequestParam long version,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Inputs inputs = new Inputs();
		LineItemDetails details = new LineItemDetails(productId, inputs.decimal("quantity", quantity, "a quantity"),
				inputs.decimal("unitPrice", unitPrice, "a price"),
				inputs.decimal("discountPercent", discountPercent, "a percentage"), null);
		try {
			inputs.throwIfAny();
			this.opportunities.updateLineItem(viewer, id, itemId, version, details);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("lineItemErrors", ex.fieldErrors());
		}
		catch (StaleRecordException ex) {
			model.addAttribute("lineItemErrors", Map.of("version", ex.getMessage()));
		}
		return lineItemsResponse(viewer, id, request, model, redirect);
	}

	@PostMapping("/opportunities/{id}/line-items/{itemId}/delete")
	String removeLineItem(Viewer viewer, @PathVariable UUID id, @PathVariable UUID itemId, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		this.opportunities.removeLineItem(viewer, id, itemId);
		return lineItemsResponse(viewer, id, request, model, redirect);
	}

	/**
	 * The contacts of an account, as options for the primary-contact choice.
	 */
	@GetMapping("/opportunities/contact-options")
	String contactOptions(Viewer viewer, @RequestParam(required = false) UUID accountId, Model model) {
		model.addAttribute("contactChoices", contactChoices(viewer, accountId));
		model.addAttribute("selected", null);
		return "sales/opportunity-form :: contactOptions";
	}

	private String lineItemsResponse(Viewer viewer, UUID id, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		if (Htmx.isHtmx(request)) {
			Opportunity deal = this.opportunities.get(viewer, id);
			model.addAttribute("deal", deal);
			model.addAttribute("canEdit", this.opportunities.canEdit(viewer, deal));
			addLineItems(viewer, deal, model);
			return "sales/opportunity :: lineItems";
		}
		if (model.containsAttribute("lineItemErrors")) {
			redirect.addFlashAttribute("flashError",
					String.join(" ",
							((Map<?, ?>) model.getAttribute("lineItemErrors")).values()
								.stream()
								.map(String::valueOf)
								.toList()));
		}
		return "redirect:/opportunities/" + id;
	}

	private void addLineItems(Viewer viewer, Opportunity deal, Model model) {
		var items = this.opportunities.lineItems(viewer, deal.id());
		model.addAttribute("lineItems", items);
		model.addAttribute("lineItemsTotal",
				items.stream().map(i -> i.total()).reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("products", this.products.active());
		if (!model.containsAttribute("lineItemErrors")) {
			model.addAttribute("lineItemErrors", Map.of());
		}
	}

	private Opportunity editable(Viewer viewer, UUID id) {
		Opportunity deal = this.opportunities.get(viewer, id);
		if (!this.opportunities.canEdit(viewer, deal)) {
			throw new ForbiddenException("You can't change " + deal.name()
					+ ": only its owner, the owner's managers, sales administrators and administrators can.");
		}
		return deal;
	}

	private Contact contact(Viewer viewer, UUID id) {
		if (id == null) {
			return null;
		}
		try {
			return this.contacts.get(viewer, id);
		}
		catch (RecordNotFoundException ex) {
			return null;
		}
	}

	private Map<UUID, String> contactChoices(Viewer viewer, UUID accountId) {
		if (accountId == null) {
			return Map.of();
		}
		return this.contacts
			.list(viewer, new ContactFilter(null, accountId, null), PageRequest.of(0, 200, Sort.by("name")))
			.getContent()
			.stream()
			.collect(Collectors.toMap(Contact::id, Contact::fullName, (a, b) -> a, LinkedHashMap::new));
	}

	private void addChoices(Viewer viewer, OpportunityFormData form, Model model) {
		List<PipelineStage> offered = this.stages.all()
			.stream()
			.filter(s -> !s.retired() || s.id().equals(form.getStageId()))
			.toList();
		model.addAttribute("stageChoices", offered);
		model.addAttribute("categories", ForecastCategory.values());
		model.addAttribute("customFieldList", this.customFields.active(Opportunities.RECORD_TYPE));
		model.addAttribute("activeUsers", activeUsers());
		model.addAttribute("contactChoices", contactChoices(viewer, form.getAccountId()));
		model.addAttribute("selected", form.getPrimaryContactId());
		model.addAttribute("currency", this.opportunities.currency());
	}

	/** Built-in fields' errors next to them, custom fields' next to their inputs. */
	/**
	 * The owners offered by the list's filter: the people who own records.
	 */
	private Map<UUID, String> activeUsers() {
		return this.users.activeSalesPeople()
			.stream()
			.collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a, LinkedHashMap::new));
	}

}
