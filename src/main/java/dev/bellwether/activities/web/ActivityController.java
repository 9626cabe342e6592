package dev.bellwether.activities.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityFilter;
import dev.bellwether.activities.ActivityKind;
import dev.bellwether.activities.LinkedNames;
import dev.bellwether.activities.TaskPriority;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.OpenedView;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.Htmx;

import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Activity pages: the list, the record page, the "log activity" form (one form, a tab per
 * kind, reachable from account, contact and opportunity pages with the link filled in),
 * editing, and one-click completing or reopening of a task from any list (htmx swaps the
 * row in place).
 */
@Controller
class ActivityController {

	/** Tells the page's task counters (the nav badge) to refresh. */
	static final String TASKS_CHANGED = "tasks-changed";

	private final Activities activities;

	private final Accounts accounts;

	private final Contacts contacts;

	private final UserDirectory users;

	private final ZoneId zone;

	private final java.time.Clock clock;

	private final RecordOwners owners;

	private final ListCursors cursors;

	private final ListViews listViews;

	private final Leads leads;

	ActivityController(Activities activities, Accounts accounts, Contacts contacts, UserDirectory users,
			@Value("${bellwether.time-zone:UTC}") ZoneId zone, java.time.Clock clock, RecordOwners owners,
			ListCursors cursors, ListViews listViews, Leads leads) {
		this.leads = leads;
		this.cursors = cursors;
		this.listViews = listViews;
		this.owners = owners;
		this.clock = clock;
		this.activities = activities;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.zone = zone;
	}

	@Usage(value = UsageKind.VIEW, recordType = "activity")
	@GetMapping("/activities")
	String list(Viewer viewer, HttpServletRequest request, Model model) {
		OpenedView opened = this.listViews.open(viewer, "activity", request.getParameterMap(), !Htmx.isHtmx(request));
		ListQuery query = opened.query();
		String kindName = query.choice("kind");
		ActivityKind kind = kindName == null ? null : ActivityKind.valueOf(kindName);
		UUID owner = query.id("owner");
		LocalDate from = query.date("from");
		LocalDate to = query.date("to");
		String q = query.text("q");
		String status = query.choice("status");
		ActivityFilter filter = new ActivityFilter(kind, owner, null, null, null,
				status == null ? null : dev.bellwether.activities.TaskStatus.valueOf(status), from, to, q,
				query.flag("overdue"));
		Pageable pageable = query.pageable();
		Page<Activity> page = this.activities.list(viewer, filter,
				this.cursors.request(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), false,
						request.getParameter("cursor")));
		model.addAttribute("listView", opened);
		model.addAttribute("page", page);
		model.addAttribute("names", this.activities.namesFor(page.getContent()));
		model.addAttribute("kind", kind);
		model.addAttribute("owner", owner);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("q", q);
		model.addAttribute("filtered", filter.isFiltered());
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("activeUsers", activeUsers());
		model.addAttribute("today", this.activities.today());
		model.addAttribute("baseUrl",
				opened.links(ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page")
					.replaceQueryParam("cursor")));
		return Htmx.targets(request, "results") ? "activities/list :: results" : "activities/list";
	}

	@Usage(value = UsageKind.VIEW, recordType = "activity")
	@GetMapping("/activities/{id}")
	String show(Viewer viewer, @PathVariable UUID id, Model model) {
		Activity activity = this.activities.get(viewer, id);
		model.addAttribute("activity", activity);
		model.addAttribute("canEdit", this.activities.canEdit(viewer, activity));
		model.addAttribute("names", this.activities.namesFor(List.of(activity)));
		model.addAttribute("today", this.activities.today());
		return "activities/activity";
	}

	@GetMapping("/activities/new")
	String newActivity(Viewer viewer, @RequestParam(defaultValue = "TASK") ActivityKind kind,
			@RequestParam(required = false) UUID accountId, @RequestParam(required = false) UUID contactId,
			@RequestParam(required = false) UUID opportunityId, @RequestParam(required = false) UUID leadId,
			@RequestParam(required = false) String origin, Model model) {
		ActivityFormData form = new ActivityFormData();
		form.setKind(kind);
		form.setOwnerId(viewer.id());
		form.setAccountId(accountId);
		form.setContactId(contactId);
		form.setOpportunityId(opportunityId);
		form.setLeadId(leadId);
		form.setOrigin(origin);
		if (contactId != null && accountId == null) {
			Contact contact = this.contacts.get(viewer, contactId);
			form.setAccountId(contact.accountId());
		}
		// whichever kind the form opens with, the user may switch to a call or meeting:
		// "when" starts as now, in the company's time zone, for both
		java.time.LocalDateTime now = java.time.LocalDateTime.now(this.clock.withZone(this.zone))
			.withSecond(0)
			.withNano(0);
		form.setCallAt(now.toString());
		form.setDurationMinutes(15);
		form.setStartsAt(now.toString());
		form.setEndsAt(now.plusHours(1).toString());
		model.addAttribute("form", form);
		addChoices(viewer, form, model);
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Activities.ACCESS, null));
		return "activities/form";
	}

	@PostMapping("/activities")
	String create(Viewer viewer, @ModelAttribute("form") ActivityFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Optional<Activity> created = FormErrors.save(result, model,
				() -> this.activities.create(viewer, form.toDetails(this.zone)),
				ex -> FormErrors.addTo(result, forForm(form, ex)));
		if (created.isPresent()) {
			Activity activity = created.get();
			redirect.addFlashAttribute("flashSuccess",
					activity.kind().label() + " \u201c" + activity.subject() + "\u201d logged.");
			return "redirect:" + afterSave(form.getOrigin(), activity);
		}
		addChoices(viewer, form, model);
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Activities.ACCESS, null));
		return "activities/form";
	}

	@GetMapping("/activities/{id}/edit")
	String edit(Viewer viewer, @PathVariable UUID id, Model model) {
		Activity activity = this.activities.get(viewer, id);
		if (!this.activities.canEdit(viewer, activity)) {
			throw new dev.bellwether.platform.ForbiddenException(
					"You can't change this " + activity.kind().label().toLowerCase()
							+ ": only its owner, the owner's managers, sales administrators and administrators can.");
		}
		ActivityFormData form = ActivityFormData.of(activity, this.zone);
		model.addAttribute("activity", activity);
		model.addAttribute("form", form);
		addChoices(viewer, form, model);
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Activities.ACCESS, activity.ownerId()));
		return "activities/form";
	}

	@PostMapping("/activities/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") ActivityFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Activity activity = this.activities.get(viewer, id);
		form.setKind(activity.kind());
		Optional<Activity> saved = FormErrors.save(result, model,
				() -> this.activities.update(viewer, id, form.getVersion(), form.toDetails(this.zone)),
				ex -> FormErrors.addTo(result, forForm(form, ex)));
		if (saved.isPresent()) {
			redirect.addFlashAttribute("flashSuccess", saved.get().kind().label() + " saved.");
			return "redirect:/activities/" + id;
		}
		model.addAttribute("activity", activity);
		addChoices(viewer, form, model);
		model.addAttribute("ownerChoices", this.owners.choiceNames(viewer, Activities.ACCESS, activity.ownerId()));
		return "activities/form";
	}

	@PostMapping("/activities/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		Activity activity = this.activities.get(viewer, id);
		this.activities.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess",
				activity.kind().label() + " \u201c" + activity.subject() + "\u201d deleted.");
		return "redirect:" + recordPage(activity, "/activities");
	}

	@PostMapping("/activities/{id}/complete")
	String complete(Viewer viewer, @PathVariable UUID id, @RequestParam(defaultValue = "") String view,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return row(this.activities.complete(viewer, id), viewer, view, request, response, model);
	}

	@PostMapping("/activities/{id}/reopen")
	String reopen(Viewer viewer, @PathVariable UUID id, @RequestParam(defaultValue = "") String view,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return row(this.activities.reopen(viewer, id), viewer, view, request, response, model);
	}

	/**
	 * Opportunities the viewer may see whose name contains the text, for the form's
	 * picker.
	 */
	@GetMapping(path = "/activities/lookup/opportunities", produces = "application/json")
	@ResponseBody
	List<Map<String, String>> lookupOpportunities(Viewer viewer, @RequestParam(defaultValue = "") String q) {
		return this.activities.findOpportunities(viewer, q, null, 10)
			.entrySet()
			.stream()
			.map(e -> Map.of("id", e.getKey().toString(), "label", e.getValue()))
			.toList();
	}

	/**
	 * Contacts whose name contains the text, for the form's picker.
	 */
	@GetMapping(path = "/activities/lookup/contacts", produces = "application/json")
	@ResponseBody
	List<Map<String, String>> lookupContacts(Viewer viewer, @RequestParam(defaultValue = "") String q) {
		return this.contacts.search(viewer, q, 10)
			.stream()
			.map(c -> Map.of("id", c.id().toString(), "label",
					c.fullName() + (c.accountName() != null ? " · " + c.accountName() : "")))
			.toList();
	}

	private String row(Activity activity, Viewer viewer, String view, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!Htmx.isHtmx(request)) {
			return "redirect:" + ("task".equals(view) ? "/tasks" : "/activities/" + activity.id());
		}
		response.setHeader("HX-Trigger", TASKS_CHANGED);
		model.addAttribute("a", activity);
		model.addAttribute("names", this.activities.namesFor(List.of(activity)));
		model.addAttribute("today", this.activities.today());
		model.addAttribute("canEdit", this.activities.canEdit(viewer, activity));
		if ("row".equals(view)) {
			// the row of the list page it came from, in that page's columns
			model.addAttribute("listView", this.listViews.open(viewer, "activity", pageParameters(request), false));
			return "activities/rows :: activityListRow";
		}
		return "task".equals(view) ? "activities/rows :: taskRow" : "activities/rows :: taskStatus";
	}

	/**
	 * @return the query parameters of the page an htmx request came from
	 */
	private static Map<String, String[]> pageParameters(HttpServletRequest request) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		String page = request.getHeader("HX-Current-URL");
		if (page == null) {
			return parameters;
		}
		try {
			org.springframework.web.util.UriComponentsBuilder.fromUriString(page)
				.build()
				.getQueryParams()
				.forEach((name, values) -> parameters.put(
						java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8),
						values.stream()
							.map(v -> v == null ? ""
									: java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8))
							.toArray(String[]::new)));
		}
		catch (IllegalArgumentException ex) {
			// not a URL: the list as it comes
		}
		return parameters;
	}

	/**
	 * The form shows a call's time and length as "when" and "duration", and attendees in
	 * one box: name errors after those fields.
	 */
	private static InvalidInputException forForm(ActivityFormData form, InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, message) -> {
			String shown = field;
			if (form.getKind() == ActivityKind.CALL && field.equals("startsAt")) {
				shown = "callAt";
			}
			else if (form.getKind() == ActivityKind.CALL && field.equals("endsAt")) {
				shown = "durationMinutes";
			}
			else if (field.startsWith("attendees")) {
				shown = "attendeeEmails";
			}
			errors.putIfAbsent(shown, message);
		});
		return new InvalidInputException(errors);
	}

	private static String afterSave(String origin, Activity activity) {
		if ("account".equals(origin) && activity.accountId() != null) {
			return "/accounts/" + activity.accountId();
		}
		if ("contact".equals(origin) && activity.contactId() != null) {
			return "/contacts/" + activity.contactId();
		}
		if ("opportunity".equals(origin) && activity.opportunityId() != null) {
			return "/opportunities/" + activity.opportunityId();
		}
		if ("lead".equals(origin) && activity.leadId() != null) {
			return "/leads/" + activity.leadId();
		}
		if ("tasks".equals(origin)) {
			return "/tasks";
		}
		return "/activities/" + activity.id();
	}

	private static String recordPage(Activity activity, String otherwise) {
		if (activity.leadId() != null) {
			return "/leads/" + activity.leadId();
		}
		if (activity.opportunityId() != null) {
			return "/opportunities/" + activity.opportunityId();
		}
		if (activity.contactId() != null) {
			return "/contacts/" + activity.contactId();
		}
		if (activity.accountId() != null) {
			return "/accounts/" + activity.accountId();
		}
		return otherwise;
	}

	private void addChoices(Viewer viewer, ActivityFormData form, Model model) {
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("priorities", TaskPriority.values());
		model.addAttribute("activeUsers", activeUsers());
		if (form.getLeadId() != null && form.getLeadName() == null) {
			try {
				form.setLeadName(this.leads.get(viewer, form.getLeadId()).fullName());
			}
			catch (dev.bellwether.platform.RecordNotFoundException ex) {
				// a lead the viewer may not see stays unnamed; saving refuses it
			}
		}
		if (form.getAccountId() != null && form.getAccountName() == null) {
			try {
				Account account = this.accounts.get(viewer, form.getAccountId());
				form.setAccountName(account.name());
			}
			catch (dev.bellwether.platform.RecordNotFoundException ex) {
				// an unknown id stays in the form; saving names the problem
			}
		}
		if (form.getContactId() != null && form.getContactName() == null) {
			try {
				form.setContactName(this.contacts.get(viewer, form.getContactId()).fullName());
			}
			catch (dev.bellwether.platform.RecordNotFoundException ex) {
				// as above
			}
		}
		if (form.getOpportunityId() != null && form.getOpportunityName() == null) {
			LinkedNames names = this.activities.namesForOpportunity(viewer, form.getOpportunityId());
			form.setOpportunityName(names.opportunity(form.getOpportunityId()));
		}
		// a meeting's attendees are picked from the account's contacts and from
		// colleagues
		Map<UUID, String> accountContacts = new LinkedHashMap<>();
		if (form.getAccountId() != null) {
			this.contacts
				.list(viewer, new ContactFilter(null, form.getAccountId(), null),
						PageRequest.of(0, 100, Sort.by("name")))
				.forEach(c -> accountContacts.put(c.id(), c.fullName()));
		}
		Map<UUID, String> chosen = this.activities.contactNames(form.getAttendeeContactIds());
		chosen.forEach(accountContacts::putIfAbsent);
		model.addAttribute("attendeeContacts", accountContacts);
	}

	private Map<UUID, String> activeUsers() {
		return this.users.activeUsers()
			.stream()
			.collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a, LinkedHashMap::new));
	}

}
