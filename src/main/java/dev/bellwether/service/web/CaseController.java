package dev.bellwether.service.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.OpenedView;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.platform.web.SortLinks;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;
import dev.bellwether.service.CaseAttachment;
import dev.bellwether.service.CaseAttachments;
import dev.bellwether.service.CaseComment;
import dev.bellwether.service.CaseFilter;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.CaseQueue;
import dev.bellwether.service.CaseQueues;
import dev.bellwether.service.CaseStatus;
import dev.bellwether.service.Cases;
import dev.bellwether.service.SupportCase;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Case pages: the list with its queue views (one URL for the page and, for htmx, just its
 * results), "Next case", the record page with its status, priority and owner actions, its
 * timeline of replies and internal notes and its attachments, and the create and edit
 * forms.
 */
@Controller
class CaseController {

	private final Cases cases;

	private final CaseQueues queues;

	private final CaseAttachments attachments;

	private final UserDirectory users;

	private final Accounts accounts;

	private final Contacts contacts;

	private final Products products;

	private final ListCursors cursors;

	private final ListViews listViews;

	CaseController(Cases cases, CaseQueues queues, CaseAttachments attachments, UserDirectory users, Accounts accounts,
			Contacts contacts, Products products, ListCursors cursors, ListViews listViews) {
		this.cases = cases;
		this.queues = queues;
		this.attachments = attachments;
		this.users = users;
		this.accounts = accounts;
		this.contacts = contacts;
		this.products = products;
		this.cursors = cursors;
		this.listViews = listViews;
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/cases")
	String list(Viewer viewer, HttpServletRequest request, Model model) {
		OpenedView opened = this.listViews.open(viewer, Cases.RECORD_TYPE, request.getParameterMap(),
				!Htmx.isHtmx(request));
		ListQuery query = opened.query();
		CaseFilter filter = CaseFilter.of(query);
		Page<SupportCase> page = this.cases.list(viewer, filter,
				this.cursors.request(query.pageable(), false, request.getParameter("cursor")));
		model.addAttribute("listView", opened);
		model.addAttribute("page", page);
		model.addAttribute("owners", this.users.namesOf(ids(page.map(SupportCase::ownerId).toSet())));
		model.addAttribute("accountNames", this.accounts.namesOf(ids(page.map(SupportCase::accountId).toSet())));
		model.addAttribute("queueNames", queueNames());
		model.addAttribute("filter", filter);
		model.addAttribute("sort", SortLinks.of(query.pageable().getSort()));
		model.addAttribute("baseUrl",
				opened.links(ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page")
					.replaceQueryParam("cursor")));
		model.addAttribute("filtered", filter.isFiltered());
		model.addAttribute("statusChoices", statusChoices());
		model.addAttribute("priorityChoices", priorityChoices());
		model.addAttribute("agents", agentNames());
		model.addAttribute("canOpen", Cases.mayOpen(viewer));
		model.addAttribute("takesCases", this.cases.mayOwn(viewer.id()));
		return Htmx.targets(request, "results") ? "service/cases :: results" : "service/cases";
	}

	/**
	 * "Next case": the viewer takes the most urgent unassigned case of their queues and
	 * lands on it; with an empty queue, back to the list with a word.
	 */
	@PostMapping("/cases/next")
	String next(Viewer viewer, @RequestParam(defaultValue = "false") boolean everyQueue, RedirectAttributes redirect) {
		Optional<SupportCase> taken = this.cases.takeNext(viewer, everyQueue);
		if (taken.isEmpty()) {
			redirect.addFlashAttribute("flashSuccess",
					everyQueue ? "No unassigned case is waiting in any queue. Well done."
							: "No unassigned case is waiting in your queues. Well done.");
			return "redirect:/cases";
		}
		redirect.addFlashAttribute("flashSuccess",
				"Case " + taken.get().reference() + " is yours now: " + taken.get().subject());
		return "redirect:/cases/" + taken.get().id();
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/cases/{id}")
	String show(Viewer viewer, @PathVariable UUID id, Model model) {
		return page(viewer, this.cases.get(viewer, id), model);
	}

	private String page(Viewer viewer, SupportCase c, Model model) {
		Cases.CaseTrail trail = this.cases.trail(viewer, c.id());
		List<CaseComment> comments = this.cases.comments(viewer, c.id());
		List<CaseAttachment> files = this.attachments.of(viewer, c.id());
		model.addAttribute("supportCase", c);
		model.addAttribute("trail", trail);
		model.addAttribute("comments", comments);
		model.addAttribute("attachments", files);
		model.addAttribute("canEdit", this.cases.canEdit(viewer, c));
		model.addAttribute("takesCases", this.cases.mayOwn(viewer.id()));
		Set<UUID> people = new java.util.HashSet<>();
		people.add(c.ownerId());
		people.add(trail.createdBy());
		people.add(trail.updatedBy());
		people.add(trail.lastTouchedBy());
		comments.forEach(comment -> people.add(comment.authorId()));
		files.forEach(file -> people.add(file.uploadedBy()));
		model.addAttribute("names", this.users.namesOf(ids(people)));
		model.addAttribute("accountName",
				c.accountId() == null ? null : this.accounts.namesOf(List.of(c.accountId())).get(c.accountId()));
		model.addAttribute("contactName",
				c.contactId() == null ? null : this.contacts.namesOf(List.of(c.contactId())).get(c.contactId()));
		model.addAttribute("productName",
				c.productId() == null ? null : this.products.find(c.productId()).map(Product::name).orElse(null));
		model.addAttribute("queueName",
				c.queueId() == null ? null : this.queues.find(c.queueId()).map(CaseQueue::name).orElse(null));
		model.addAttribute("priorityChoices", priorityChoices());
		model.addAttribute("agents", agentNames());
		return "service/case";
	}

	/**
	 * Moves the case to another status from its page: on a refusal (a move not allowed, a
	 * stale page) the page comes back with the message by the actions.
	 */
	@PostMapping("/cases/{id}/status")
	String changeStatus(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) CaseStatus status,
			@RequestParam long version, Model model, RedirectAttributes redirect) {
		try {
			SupportCase c = this.cases.changeStatus(viewer, id, version, status);
			redirect.addFlashAttribute("flashSuccess",
					"Case " + c.reference() + " is " + c.status().label().toLowerCase(java.util.Locale.ROOT) + " now.");
			return "redirect:/cases/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("actionError", String.join(" ", ex.fieldErrors().values()));
		}
		catch (StaleRecordException ex) {
			model.addAttribute("actionError", ex.getMessage());
			model.addAttribute("stale", true);
		}
		return page(viewer, this.cases.get(viewer, id), model);
	}

	@PostMapping("/cases/{id}/priority")
	String changePriority(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) CasePriority priority,
			@RequestParam long version, Model model, RedirectAttributes redirect) {
		try {
			SupportCase c = this.cases.changePriority(viewer, id, version, priority);
			redirect.addFlashAttribute("flashSuccess", "Case " + c.reference() + " is "
					+ c.priority().label().toLowerCase(java.util.Locale.ROOT) + " priority now.");
			return "redirect:/cases/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("actionError", String.join(" ", ex.fieldErrors().values()));
		}
		catch (StaleRecordException ex) {
			model.addAttribute("actionError", ex.getMessage());
			model.addAttribute("stale", true);
		}
		return page(viewer, this.cases.get(viewer, id), model);
	}

	@PostMapping("/cases/{id}/assign")
	String assign(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) UUID ownerId,
			@RequestParam long version, Model model, RedirectAttributes redirect) {
		try {
			SupportCase c = this.cases.assign(viewer, id, version, ownerId);
			redirect.addFlashAttribute("flashSuccess",
					c.ownerId() == null ? "Case " + c.reference() + " is back in its queue, unassigned."
							: "Case " + c.reference() + " is assigned to "
									+ this.users.namesOf(List.of(c.ownerId())).get(c.ownerId()) + ".");
			return "redirect:/cases/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("actionError", String.join(" ", ex.fieldErrors().values()));
		}
		catch (ForbiddenException ex) {
			if (ex.field() == null) {
				throw ex;
			}
			model.addAttribute("actionError", ex.getMessage());
		}
		catch (StaleRecordException ex) {
			model.addAttribute("actionError", ex.getMessage());
			model.addAttribute("stale", true);
		}
		return page(viewer, this.cases.get(viewer, id), model);
	}

	@PostMapping("/cases/{id}/assign-to-me")
	String assignToMe(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		SupportCase c = this.cases.assignToMe(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "Case " + c.reference() + " is yours now.");
		return "redirect:/cases/" + id;
	}

	/**
	 * A public reply or an internal note; an empty or too long one comes back with the
	 * text kept and the message by it.
	 */
	@PostMapping("/cases/{id}/comments")
	String comment(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) String body,
			@RequestParam(defaultValue = "false") boolean internal, Model model, RedirectAttributes redirect) {
		try {
			this.cases.addComment(viewer.id(), id, body, internal);
			redirect.addFlashAttribute("flashSuccess", internal ? "Internal note added." : "Reply added.");
			return "redirect:/cases/" + id + "#timeline";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("commentError", String.join(" ", ex.fieldErrors().values()));
			model.addAttribute("commentBody", body);
			model.addAttribute("commentInternal", internal);
		}
		return page(viewer, this.cases.get(viewer, id), model);
	}

	@PostMapping("/cases/{id}/attachments")
	String attach(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "Choose a file to attach.");
			}
			if (file.getSize() > CaseAttachment.MAX_SIZE) {
				throw new dev.bellwether.service.AttachmentTooLargeException(file.getOriginalFilename(),
						file.getSize());
			}
			CaseAttachment attached = this.attachments.attach(viewer, id, file.getOriginalFilename(),
					file.getContentType(), file.getBytes());
			redirect.addFlashAttribute("flashSuccess", attached.fileName() + " attached.");
			return "redirect:/cases/" + id + "#attachments";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("attachmentError", String.join(" ", ex.fieldErrors().values()));
		}
		return page(viewer, this.cases.get(viewer, id), model);
	}

	@GetMapping("/cases/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(Viewer viewer, @PathVariable UUID id, @PathVariable UUID attachmentId) {
		return CaseApiController.file(this.attachments.download(viewer, id, attachmentId));
	}

	@GetMapping("/cases/new")
	String newCase(Viewer viewer, @RequestParam(required = false) UUID accountId, Model model) {
		requireOpen(viewer);
		CaseFormData form = new CaseFormData();
		if (accountId != null) {
			form.setAccountId(accountId);
			form.setAccountName(this.accounts.get(viewer, accountId).name());
		}
		model.addAttribute("form", form);
		return form(viewer, null, form, model);
	}

	@PostMapping("/cases")
	String create(Viewer viewer, @ModelAttribute("form") CaseFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		requireOpen(viewer);
		Optional<SupportCase> created = FormErrors.save(result, model, () -> this.cases.open(viewer, form.toDetails()),
				ex -> FormErrors.addTo(result, ex));
		if (created.isPresent()) {
			redirect.addFlashAttribute("flashSuccess",
					"Case " + created.get().reference() + " opened: " + created.get().subject());
			return "redirect:/cases/" + created.get().id();
		}
		return form(viewer, null, form, model);
	}

	@GetMapping("/cases/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		SupportCase c = this.cases.get(viewer, id);
		if (!this.cases.canEdit(viewer, c)) {
			throw new ForbiddenException("You can't change case " + c.reference()
					+ ": only its owner, the owner's managers, service users and administrators can.");
		}
		CaseFormData form = CaseFormData.of(c,
				c.accountId() == null ? null : this.accounts.namesOf(List.of(c.accountId())).get(c.accountId()));
		model.addAttribute("form", form);
		return form(viewer, c, form, model);
	}

	@PostMapping("/cases/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") CaseFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		SupportCase c = this.cases.get(viewer, id);
		Optional<SupportCase> saved = FormErrors.save(result, model,
				() -> this.cases.update(viewer, id, form.getVersion(), form.toDetails()),
				ex -> FormErrors.addTo(result, ex));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", "Case " + saved.get().reference() + " saved.");
			return "redirect:/cases/" + id;
		}
		return form(viewer, c, form, model);
	}

	@PostMapping("/cases/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		SupportCase c = this.cases.get(viewer, id);
		this.cases.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "Case " + c.reference() + " moved to the recycle bin.");
		return "redirect:/cases";
	}

	/** The contacts of the chosen account, for the form's contact picker (htmx). */
	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping("/cases/contact-options")
	String contactOptions(Viewer viewer, @RequestParam(required = false) UUID accountId, Model model) {
		model.addAttribute("contactChoices", contactChoices(viewer, accountId));
		model.addAttribute("selected", null);
		return "service/case-form :: contactOptions";
	}

	/**
	 * The account page's "Cases" card (htmx): the cases on the account the viewer may
	 * see, open ones first; nothing at all for a viewer who sees none and works none.
	 */
	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping("/cases/of-account/{accountId}")
	String ofAccount(Viewer viewer, @PathVariable UUID accountId, Model model) {
		List<SupportCase> shown = this.cases.ofAccount(viewer, accountId, 10);
		model.addAttribute("accountCases", shown);
		model.addAttribute("accountId", accountId);
		model.addAttribute("openCount", this.cases.openCountOfAccount(viewer, accountId));
		model.addAttribute("canOpen", Cases.mayOpen(viewer));
		model.addAttribute("owners", this.users.namesOf(ids(shown.stream().map(SupportCase::ownerId).toList())));
		return "service/account-cases :: card";
	}

	private void requireOpen(Viewer viewer) {
		if (!Cases.mayOpen(viewer)) {
			throw new ForbiddenException("You can't open cases: service users, managers, executives and "
					+ "administrators can. The cases on your accounts are shown on each account's page.");
		}
	}

	private String form(Viewer viewer, SupportCase c, CaseFormData form, Model model) {
		model.addAttribute("supportCase", c);
		model.addAttribute("priorityChoices", priorityChoices());
		model.addAttribute("channelChoices",
				Arrays.stream(dev.bellwether.service.CaseChannel.values())
					.collect(Collectors.toMap(Enum::name, dev.bellwether.service.CaseChannel::label, (a, b) -> a,
							LinkedHashMap::new)));
		model.addAttribute("ownerChoices", agentNames());
		model.addAttribute("queueChoices",
				this.queues.all()
					.stream()
					.filter(q -> q.active() || q.id().equals(form.getQueueId()))
					.collect(Collectors.toMap(CaseQueue::id, CaseQueue::name, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("productChoices",
				this.products.active()
					.stream()
					.collect(Collectors.toMap(Product::id, Product::name, (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("contactChoices", contactChoices(viewer, form.getAccountId()));
		model.addAttribute("selected", form.getContactId());
		return "service/case-form";
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

	private Map<UUID, String> agentNames() {
		return this.users.activeUsers()
			.stream()
			.filter(u -> !u.integrationAccount() && Cases.AGENT_ROLES.contains(u.role()))
			.collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a, LinkedHashMap::new));
	}

	private Map<UUID, String> queueNames() {
		return this.queues.all()
			.stream()
			.collect(Collectors.toMap(CaseQueue::id, CaseQueue::name, (a, b) -> a, LinkedHashMap::new));
	}

	static Map<String, String> statusChoices() {
		Map<String, String> choices = new LinkedHashMap<>();
		for (CaseStatus status : CaseStatus.values()) {
			choices.put(status.name(), status.label());
		}
		return choices;
	}

	static Map<String, String> priorityChoices() {
		Map<String, String> choices = new LinkedHashMap<>();
		for (CasePriority priority : CasePriority.values()) {
			choices.put(priority.name(), priority.label());
		}
		return choices;
	}

	private static List<UUID> ids(Collection<UUID> ids) {
		return ids.stream().filter(Objects::nonNull).distinct().toList();
	}

	static String contentDisposition(String fileName, boolean inline) {
		return (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
			.build()
			.toString();
	}

	static MediaType mediaType(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	static HttpHeaders noSniff() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Content-Type-Options", "nosniff");
		return headers;
	}

}
