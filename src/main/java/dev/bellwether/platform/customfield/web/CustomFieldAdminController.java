package dev.bellwether.platform.customfield.web;

import java.util.UUID;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomRecordType;
import dev.bellwether.platform.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The custom fields of each record type, for administrators and sales administrators
 * (SecurityConfiguration): add, change, reorder, retire.
 */
@Controller
class CustomFieldAdminController {

	private final CustomFields customFields;

	CustomFieldAdminController(CustomFields customFields) {
		this.customFields = customFields;
	}

	@GetMapping("/admin/custom-fields")
	String list(@RequestParam(name = "recordType", required = false) String type, Model model) {
		CustomRecordType recordType = type == null ? this.customFields.recordTypes().get(0)
				: this.customFields.recordType(type);
		model.addAttribute("form", new CustomFieldFormData());
		return page(recordType, model);
	}

	@PostMapping("/admin/custom-fields")
	String create(@RequestParam(name = "recordType") String type, @ModelAttribute("form") CustomFieldFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CustomRecordType recordType = this.customFields.recordType(type);
		if (!result.hasErrors()) {
			try {
				CustomField field = this.customFields.define(type, form.toDefinition());
				redirect.addFlashAttribute("flashSuccess",
						"Field " + field.label() + " added to " + recordType.label().toLowerCase() + ".");
				return "redirect:/admin/custom-fields?recordType=" + type;
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
		}
		return page(recordType, model);
	}

	@GetMapping("/admin/custom-fields/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		CustomField field = this.customFields.get(id);
		model.addAttribute("form", CustomFieldFormData.of(field));
		return editPage(field, model);
	}

	@PostMapping("/admin/custom-fields/{id}")
	String update(@PathVariable UUID id, @ModelAttribute("form") CustomFieldFormData form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CustomField field = this.customFields.get(id);
		if (!result.hasErrors()) {
			try {
				CustomField saved = this.customFields.change(id, form.getVersion(), form.toDefinition());
				redirect.addFlashAttribute("flashSuccess", "Field " + saved.label() + " saved.");
				return "redirect:/admin/custom-fields?recordType=" + field.recordType();
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
			catch (StaleRecordException ex) {
				result.reject("stale", ex.getMessage());
			}
		}
		return editPage(field, model);
	}

	@PostMapping("/admin/custom-fields/{id}/move")
	String move(@PathVariable UUID id, @RequestParam boolean up) {
		CustomField field = this.customFields.get(id);
		this.customFields.move(id, up);
		return "redirect:/admin/custom-fields?recordType=" + field.recordType();
	}

	@PostMapping("/admin/custom-fields/{id}/retire")
	String retire(@PathVariable UUID id, RedirectAttributes redirect) {
		CustomField field = this.customFields.retire(id);
		redirect.addFlashAttribute("flashSuccess",
				"Field " + field.label() + " retired: hidden from forms and filters; records keep their values.");
		return "redirect:/admin/custom-fields?recordType=" + field.recordType();
	}

	private String page(CustomRecordType recordType, Model model) {
		model.addAttribute("recordType", recordType);
		model.addAttribute("recordTypes", this.customFields.recordTypes());
		model.addAttribute("fields", this.customFields.all(recordType.recordType()));
		addChoices(recordType, model);
		return "platform/custom-fields";
	}

	private String editPage(CustomField field, Model model) {
		CustomRecordType recordType = this.customFields.recordType(field.recordType());
		model.addAttribute("field", field);
		model.addAttribute("recordType", recordType);
		addChoices(recordType, model);
		return "platform/custom-field-form";
	}

	private static void addChoices(CustomRecordType recordType, Model model) {
		model.addAttribute("types", CustomFieldType.values());
		model.addAttribute("requirements", recordType.hasStages() ? Requirement.values()
				: new Requirement[] { Requirement.NEVER, Requirement.ALWAYS });
		model.addAttribute("stages", recordType.stages().get());
	}

}
