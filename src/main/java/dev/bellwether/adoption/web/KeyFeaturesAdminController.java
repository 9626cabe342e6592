package dev.bellwether.adoption.web;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import dev.bellwether.adoption.internal.metrics.KeyFeatureSets;
import dev.bellwether.adoption.internal.metrics.KeyFeatures;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Administrators choose the key features breadth is measured against
 * ({@code /admin/adoption/key-features}): the company-wide list, and a list of a role's
 * own ({@code ?role=SERVICE}) or the company-wide list for it. Every feature the modules
 * declare is offered, with how many people used it; any other is refused.
 */
@Controller
class KeyFeaturesAdminController {

	private final KeyFeatures keyFeatures;

	KeyFeaturesAdminController(KeyFeatures keyFeatures) {
		this.keyFeatures = keyFeatures;
	}

	@GetMapping("/admin/adoption/key-features")
	String keyFeatures(Viewer viewer, @RequestParam(required = false) String role, Model model) {
		requireAdmin(viewer);
		Role chosenRole = role(role);
		KeyFeatureSets sets = this.keyFeatures.sets();
		model.addAttribute("candidates", this.keyFeatures.candidates());
		model.addAttribute("role", chosenRole);
		model.addAttribute("roles", Role.values());
		model.addAttribute("sets", sets);
		model.addAttribute("ownList", chosenRole != null && sets.ownList(chosenRole));
		model.addAttribute("chosen", new HashSet<>(chosenRole == null ? sets.company() : sets.of(chosenRole)));
		model.addAttribute("defaults", chosenRole == null ? KeyFeatures.DEFAULTS
				: KeyFeatures.ROLE_DEFAULTS.getOrDefault(chosenRole, KeyFeatures.DEFAULTS));
		return "adoption/key-features";
	}

	@PostMapping("/admin/adoption/key-features")
	String choose(Viewer viewer, @RequestParam(required = false) String role,
			@RequestParam(name = "keys", required = false) List<String> keys, RedirectAttributes redirect) {
		requireAdmin(viewer);
		Role chosenRole = role(role);
		try {
			List<String> chosen = chosenRole == null ? this.keyFeatures.set(keys, viewer.id())
					: this.keyFeatures.setForRole(chosenRole, keys, viewer.id());
			redirect.addFlashAttribute("flashSuccess",
					(chosenRole == null ? "Breadth now counts " : chosenRole.label() + " users' breadth now counts ")
							+ chosen.size() + " key features, from the next figures computed on.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return page(chosenRole);
	}

	@PostMapping("/admin/adoption/key-features/company-list")
	String useCompanyList(Viewer viewer, @RequestParam String role, RedirectAttributes redirect) {
		requireAdmin(viewer);
		Role chosenRole = role(role);
		if (chosenRole == null) {
			throw new InvalidInputException("role", "Choose the role to measure by the company-wide list.");
		}
		this.keyFeatures.useCompanyList(chosenRole, viewer.id());
		redirect.addFlashAttribute("flashSuccess",
				chosenRole.label() + " users are measured by the company-wide key features from now on.");
		return page(chosenRole);
	}

	private static String page(Role role) {
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/adoption/key-features")
			.queryParamIfPresent("role", java.util.Optional.ofNullable(role).map(Role::name))
			.toUriString();
	}

	private static Role role(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return Arrays.stream(Role.values())
			.filter(role -> role.name().equals(name))
			.findFirst()
			.orElseThrow(
					() -> new InvalidInputException("role", "\"" + (name.length() > 40 ? name.substring(0, 40) : name)
							+ "\" is not a role: choose one of " + Arrays.toString(Role.values()) + "."));
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Key features are chosen by administrators.");
		}
	}

}
