package dev.bellwether.identity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.web.FormErrors;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The administrators' user pages: the list (one URL for the page and, for htmx, just its
 * results), each user's page with their place in the org chart, the create and edit
 * forms, deactivation and password resets. Only administrators reach {@code /admin/**}
 * (see the security configuration). Users are never deleted, so there is no delete.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final UserDirectory users;

	private final OrgChart orgChart;

	UserAdminController(UserDirectory users, OrgChart orgChart) {
		this.users = users;
		this.orgChart = orgChart;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) String status, @PageableDefault(size = 25, sort = "name") Pageable pageable,
			HttpServletRequest request, Model model) {
		Boolean active = switch (status == null ? "" : status) {
			case "active" -> true;
			case "inactive" -> false;
			default -> null;
		};
		Page<User> page = this.users.list(new UserFilter(q, role, active, null), pageable);
		model.addAttribute("page", page);
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("status", active == null ? "" : status);
		model.addAttribute("roles", Role.values());
		model.addAttribute("sort", SortLinks.of(pageable.getSort()));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		model.addAttribute("filtered", q != null && !q.isBlank() || role != null || active != null);
		return Htmx.targets(request, "results") ? "identity/users :: results" : "identity/users";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		showUser(this.users.get(id), new PasswordFormData(), model);
		return "identity/user";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new UserFormData());
		addChoices(null, model);
		return "identity/user-form";
	}

	@PostMapping
	String create(Viewer viewer, @ModelAttribute("form") UserFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				User user = this.users.provision(form.toProfile(), form.getPassword(), viewer.id());
				redirect.addFlashAttribute("flashSuccess",
						"User " + user.fullName() + " created. They can sign in as " + user.username() + ".");
				return "redirect:/admin/users/" + user.id();
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
		}
		form.setPassword(null);
		addChoices(null, model);
		return "identity/user-form";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		User user = this.users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("form", UserFormData.of(user));
		addChoices(user, model);
		return "identity/user-form";
	}

	@PostMapping("/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") UserFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		User user = this.users.get(id);
		if (!result.hasErrors()) {
			try {
				User saved = this.users.update(id, form.getVersion(), form.toProfile(), viewer.id());
				redirect.addFlashAttribute("flashSuccess", "User " + saved.fullName() + " saved.");
				return "redirect:/admin/users/" + id;
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
			catch (StaleRecordException ex) {
				result.reject("stale", ex.getMessage());
				model.addAttribute("stale", true);
			}
		}
		model.addAttribute("user", user);
		addChoices(user, model);
		return "identity/user-form";
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			User user = this.users.deactivate(id, viewer.id());
			redirect.addFlashAttribute("flashSuccess", user.fullName()
					+ " is deactivated: they can no longer sign in or use their API tokens. Their records stay.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		User user = this.users.reactivate(id, viewer.id());
		redirect.addFlashAttribute("flashSuccess", user.fullName() + " is active again and can sign in.");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(Viewer viewer, @PathVariable UUID id, @ModelAttribute("passwordForm") PasswordFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		User user = this.users.get(id);
		try {
			this.users.resetPassword(id, form.getNewPassword(), viewer.id());
			redirect.addFlashAttribute("flashSuccess", "New password set for " + user.fullName()
					+ ". Their open sessions have ended; ask them to sign in and choose their own.");
			return "redirect:/admin/users/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.addTo(result, ex);
		}
		form.clear();
		showUser(user, form, model);
		return "identity/user";
	}

	/**
	 * The user and their place in the org chart: managers nearest first, direct reports,
	 * and how many people their organisation holds (them included).
	 */
	private void showUser(User user, PasswordFormData passwordForm, Model model) {
		List<UUID> chain = this.orgChart.managerChain(user.id());
		List<UUID> reports = this.orgChart.directReports(user.id());
		List<UUID> people = new ArrayList<>(chain);
		people.addAll(reports);
		Map<UUID, String> names = this.users.namesOf(people);
		model.addAttribute("user", user);
		model.addAttribute("level", chain.size());
		model.addAttribute("managers",
				chain.stream().map(managerId -> new Person(managerId, names.get(managerId))).toList());
		model.addAttribute("directReports",
				reports.stream().map(reportId -> new Person(reportId, names.get(reportId))).toList());
		model.addAttribute("organisationSize", this.orgChart.organisationOf(user.id()).size());
		model.addAttribute("passwordForm", passwordForm);
		model.addAttribute("minPasswordLength", UserDirectory.MIN_PASSWORD_LENGTH);
	}

	private void addChoices(User editing, Model model) {
		Map<UUID, String> managers = new LinkedHashMap<>();
		this.users.activeUsers()
			.stream()
			.filter(candidate -> editing == null || !candidate.id().equals(editing.id()))
			.forEach(candidate -> managers.put(candidate.id(),
					candidate.fullName() + (candidate.title() != null ? " · " + candidate.title() : "")));
		if (editing != null && editing.managerId() != null && !managers.containsKey(editing.managerId())) {
			// keep a deactivated manager selected, so that saving does not drop them
			// silently; the directory then asks for an active one
			managers.put(editing.managerId(), editing.managerName() + " (deactivated)");
		}
		model.addAttribute("managers", managers);
		model.addAttribute("roles", Role.values());
		model.addAttribute("minPasswordLength", UserDirectory.MIN_PASSWORD_LENGTH);
	}

	/**
	 * Someone linked from a user's page.
	 */
	record Person(UUID id, String name) {
	}

}
