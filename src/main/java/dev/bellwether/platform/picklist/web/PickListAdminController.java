package dev.bellwether.platform.picklist.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickList;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/pick-lists}: administrators and sales administrators add, rename,
 * reorder, retire and restore the values of each pick list, and see what was changed.
 * Set-up, not use of a feature, so usage capture leaves it out.
 */
@Controller
@Usage(value = UsageKind.VIEW, ignore = true)
class PickListAdminController {

	private static final int CHANGES_SHOWN = 20;

	private final PickLists pickLists;

	private final PickListAdministrators administrators;

	PickListAdminController(PickLists pickLists, PickListAdministrators administrators) {
		this.pickLists = pickLists;
		this.administrators = administrators;
	}

	@GetMapping("/admin/pick-lists")
	String index(HttpServletRequest request) {
		this.administrators.require(request);
		return "redirect:/admin/pick-lists/" + this.pickLists.all().get(0).name();
	}

	@GetMapping("/admin/pick-lists/{name}")
	String list(HttpServletRequest request, @PathVariable String name, Model model) {
		this.administrators.require(request);
		return page(name, model);
	}

	@PostMapping("/admin/pick-lists/{name}/values")
	String add(HttpServletRequest request, @PathVariable String name, @RequestParam(defaultValue = "") String label,
			Model model, RedirectAttributes redirect) {
		try {
			PickListValue value = this.pickLists.add(this.administrators.require(request), name, label);
			redirect.addFlashAttribute("flashSuccess", value.label() + " added at the end.");
			return "redirect:/admin/pick-lists/" + value.list();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("newLabel", label);
			model.addAttribute("addError", ex.getMessage());
			return page(name, model);
		}
	}

	@PostMapping("/admin/pick-lists/{name}/values/{key}/rename")
	String rename(HttpServletRequest request, @PathVariable String name, @PathVariable String key,
			@RequestParam(defaultValue = "") String label, Model model, RedirectAttributes redirect) {
		try {
			String before = this.pickLists.get(name)
				.values()
				.stream()
				.filter(value -> value.key().equals(key))
				.map(PickListValue::label)
				.findFirst()
				.orElse(key);
			PickListValue value = this.pickLists.rename(this.administrators.require(request), name, key, label);
			redirect.addFlashAttribute("flashSuccess",
					before.equals(value.label()) ? "Nothing to change." : before + " renamed " + value.label() + ".");
			return "redirect:/admin/pick-lists/" + value.list();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("renameErrors", Map.of(key, ex.getMessage()));
			model.addAttribute("renameLabels", Map.of(key, label));
			return page(name, model);
		}
	}

	@PostMapping("/admin/pick-lists/{name}/values/{key}/move")
	String move(HttpServletRequest request, @PathVariable String name, @PathVariable String key,
			@RequestParam int direction) {
		this.pickLists.move(this.administrators.require(request), name, key, direction);
		return "redirect:/admin/pick-lists/" + this.pickLists.get(name).name() + "#value-" + key;
	}

	@PostMapping("/admin/pick-lists/{name}/values/{key}/retire")
	String retire(HttpServletRequest request, @PathVariable String name, @PathVariable String key,
			@RequestParam boolean retired, RedirectAttributes redirect) {
		try {
			PickListValue value = this.pickLists.setRetired(this.administrators.require(request), name, key, retired);
			redirect.addFlashAttribute("flashSuccess", value.label() + (retired
					? " retired: kept on the records that have it, no longer offered." : " is offered again."));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/pick-lists/" + this.pickLists.get(name).name();
	}

	private String page(String name, Model model) {
		PickList list = this.pickLists.get(name);
		model.addAttribute("lists", this.pickLists.all());
		model.addAttribute("list", list);
		model.addAttribute("changes", this.pickLists.changes(list.name(), CHANGES_SHOWN));
		if (!model.containsAttribute("renameErrors")) {
			model.addAttribute("renameErrors", Map.of());
			model.addAttribute("renameLabels", Map.of());
		}
		return "platform/pick-lists";
	}

}
