package dev.bellwether.adoption.web;

import java.util.HashSet;
import java.util.List;

import dev.bellwether.adoption.internal.metrics.KeyFeatures;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators choose the key features breadth is measured against
 * ({@code /admin/adoption/key-features}): every feature the modules declare is offered,
 * with how many people used it; any other is refused.
 */
@Controller
class KeyFeaturesAdminController {

	private final KeyFeatures keyFeatures;

	KeyFeaturesAdminController(KeyFeatures keyFeatures) {
		this.keyFeatures = keyFeatures;
	}

	@GetMapping("/admin/adoption/key-features")
	String keyFeatures(Viewer viewer, Model model) {
		requireAdmin(viewer);
		model.addAttribute("candidates", this.keyFeatures.candidates());
		model.addAttribute("chosen", new HashSet<>(this.keyFeatures.current()));
		model.addAttribute("defaults", KeyFeatures.DEFAULTS);
		return "adoption/key-features";
	}

	@PostMapping("/admin/adoption/key-features")
	String choose(Viewer viewer, @RequestParam(name = "keys", required = false) List<String> keys,
			RedirectAttributes redirect) {
		requireAdmin(viewer);
		try {
			List<String> chosen = this.keyFeatures.set(keys, viewer.id());
			redirect.addFlashAttribute("flashSuccess",
					"Breadth now counts " + chosen.size() + " key features, from the next figures computed on.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/adoption/key-features";
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Key features are chosen by administrators.");
		}
	}

}
