package dev.bellwether.imports.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportField;
import dev.bellwether.imports.ImportFields;
import dev.bellwether.imports.ImportJob;
import dev.bellwether.imports.ImportJobs;
import dev.bellwether.imports.ImportPreview;
import dev.bellwether.imports.ImportSettings;
import dev.bellwether.imports.ImportTarget;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.Htmx;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: upload a file, map its columns and values, read the preview, run it
 * with a progress bar, download the report, undo it.
 */
@Controller
class ImportController {

	private final ImportJobs imports;

	private final UserDirectory users;

	ImportController(ImportJobs imports, UserDirectory users) {
		this.imports = imports;
		this.users = users;
	}

	@GetMapping("/imports")
	String list(Viewer viewer, Model model) {
		if (!ImportJobs.mayImport(viewer)) {
			throw new ForbiddenException("Only sales administrators and administrators import data.");
		}
		model.addAttribute("jobs", this.imports.list(viewer, 50));
		model.addAttribute("targets", ImportJobs.targets(viewer));
		return "imports/list";
	}

	@PostMapping("/imports")
	String upload(Viewer viewer, @RequestParam(required = false) ImportTarget target,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String sheet,
			Model model) throws IOException {
		try {
			ImportJob job = this.imports.upload(viewer, target, file == null ? null : file.getOriginalFilename(),
					file == null || file.isEmpty() ? null : file.getInputStream(), sheet);
			return "redirect:/imports/" + job.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("chosenTarget", target);
			return list(viewer, model);
		}
	}

	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping("/imports/{id}")
	String show(Viewer viewer, @PathVariable UUID id, HttpServletRequest request, Model model) {
		ImportJob job = this.imports.get(viewer, id);
		model.addAttribute("job", job);
		if (Htmx.isHtmx(request)) {
			return "imports/job :: progress";
		}
		if (job.isDraft()) {
			model.addAttribute("fields", this.imports.fields(job.target()));
			model.addAttribute("sample", this.imports.sample(viewer, id, 3));
			model.addAttribute("users", this.users.activeUsers());
			model.addAttribute("templates", this.imports.templates(viewer, job.target()));
		}
		return "imports/job";
	}

	@PostMapping("/imports/{id}/template")
	String saveTemplate(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("templateSaved", this.imports.saveTemplate(viewer, id, name).name());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/imports/" + id;
	}

	@PostMapping("/imports/{id}/apply-template")
	String applyTemplate(Viewer viewer, @PathVariable UUID id, @RequestParam long version,
			@RequestParam(required = false) UUID templateId, RedirectAttributes redirect) {
		if (templateId == null) {
			redirect.addFlashAttribute("problem", "Choose a template to apply.");
			return "redirect:/imports/" + id;
		}
		return act(id, redirect, () -> this.imports.applyTemplate(viewer, id, version, templateId));
	}

	/**
	 * The preview of a draft, loaded by its page once shown: reading a large file takes a
	 * while.
	 */
	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping("/imports/{id}/preview")
	String preview(Viewer viewer, @PathVariable UUID id, Model model) {
		ImportJob job = this.imports.get(viewer, id);
		if (!job.isDraft()) {
			return "redirect:/imports/" + id;
		}
		ImportPreview preview = this.imports.preview(viewer, id);
		Map<String, List<ImportPreview.Choice>> choices = new LinkedHashMap<>();
		for (ImportField field : this.imports.fields(job.target())) {
			if (field.hasChoices() || field.kind() == ImportField.Kind.USER) {
				choices.put(field.key(), this.imports.choices(job.target(), field.key()));
			}
		}
		model.addAttribute("job", job);
		model.addAttribute("preview", preview);
		model.addAttribute("choices", choices);
		model.addAttribute("canStart", preview.canStart(job.settings()));
		return "imports/job :: preview";
	}

	@PostMapping("/imports/{id}/settings")
	String configure(Viewer viewer, @PathVariable UUID id, @RequestParam long version,
			@RequestParam(name = "column", required = false) List<String> columns,
			@RequestParam(name = "field", required = false) List<String> fields,
			@RequestParam(name = "questionField", required = false) List<String> questionFields,
			@RequestParam(name = "questionValue", required = false) List<String> questionValues,
			@RequestParam(name = "answer", required = false) List<String> answers,
			@RequestParam Map<String, String> parameters,
			@RequestParam(required = false) ImportSettings.MatchRule match,
			@RequestParam(required = false) ImportSettings.OnMatch onMatch,
			@RequestParam(required = false) ImportSettings.Mode mode,
			@RequestParam(required = false) ImportSettings.DateOrder dateOrder,
			@RequestParam(required = false) UUID defaultOwnerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate defaultCloseDate,
			RedirectAttributes redirect) {
		ImportJob job = this.imports.get(viewer, id);
		Map<String, String> mapped = new LinkedHashMap<>();
		for (int i = 0; columns != null && fields != null && i < Math.min(columns.size(), fields.size()); i++) {
			if (fields.get(i) != null && !fields.get(i).isBlank()) {
				mapped.put(columns.get(i), fields.get(i));
			}
		}
		Map<String, Map<String, String>> values = new LinkedHashMap<>();
		job.settings().values().forEach((field, map) -> values.put(field, new LinkedHashMap<>(map)));
		for (int i = 0; questionFields != null && questionValues != null && answers != null
				&& i < Math.min(questionFields.size(), Math.min(questionValues.size(), answers.size())); i++) {
			if (answers.get(i) != null && !answers.get(i).isBlank()) {
				values.computeIfAbsent(questionFields.get(i), f -> new LinkedHashMap<>())
					.put(questionValues.get(i), answers.get(i));
			}
		}
		Map<String, ImportSettings.ReferenceRule> references = new LinkedHashMap<>(job.settings().references());
		parameters.forEach((name, value) -> {
			if (name.startsWith("reference.") && !value.isBlank()) {
				references.put(name.substring("reference.".length()), ImportSettings.ReferenceRule.valueOf(value));
			}
		});
		try {
			this.imports.configure(viewer, id, version, new ImportSettings(mapped, values, references, match, onMatch,
					mode, defaultOwnerId, defaultCloseDate, dateOrder));
			redirect.addFlashAttribute("saved", true);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (StaleRecordException ex) {
			redirect.addFlashAttribute("problem",
					"Someone changed this import's settings while you were editing; here they are as they are now.");
		}
		return "redirect:/imports/" + id + "#preview";
	}

	@PostMapping("/imports/{id}/start")
	String start(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.imports.start(viewer, id));
	}

	@PostMapping("/imports/{id}/cancel")
	String cancel(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.imports.cancel(viewer, id));
	}

	@PostMapping("/imports/{id}/undo")
	String undo(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.imports.undo(viewer, id));
	}

	private String act(UUID id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException | StaleRecordException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/imports/" + id;
	}

	@GetMapping("/imports/{id}/report")
	void report(Viewer viewer, @PathVariable UUID id, HttpServletResponse response) throws IOException {
		ReportDownload.send(this.imports, viewer, id, response);
	}

}
