package dev.bellwether.sales.web;

import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;
import dev.bellwether.sales.StageOutcome;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
 * The sales set-up pages for administrators and sales administrators: the pipeline's
 * stages ({@code /admin/stages}) and the product catalogue ({@code /admin/products}).
 */
@Controller
class CatalogueAdminController {

	private final PipelineStages stages;

	private final Products products;

	private final int defaultStaleAfterDays;

	CatalogueAdminController(PipelineStages stages, Products products,
			@Value("${bellwether.sales.stale-after-days:30}") int defaultStaleAfterDays) {
		this.stages = stages;
		this.products = products;
		this.defaultStaleAfterDays = defaultStaleAfterDays;
	}

	@GetMapping("/admin/stages")
	String stages(Viewer viewer, Model model) {
		requireManager(viewer);
		model.addAttribute("stages", this.stages.all());
		model.addAttribute("defaultStaleAfterDays", this.defaultStaleAfterDays);
		return "sales/stages";
	}

	@GetMapping("/admin/stages/new")
	String newStage(Viewer viewer, Model model) {
		requireManager(viewer);
		model.addAttribute("form", new StageFormData());
		return stageForm(model, null);
	}

	@PostMapping("/admin/stages")
	String createStage(Viewer viewer, @ModelAttribute("form") StageFormData form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				PipelineStage stage = this.stages.create(viewer, form.toDetails());
				redirect.addFlashAttribute("flashSuccess", "Stage " + stage.name() + " added at the end.");
				return "redirect:/admin/stages";
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
		}
		return stageForm(model, null);
	}

	@GetMapping("/admin/stages/{id}/edit")
	String editStage(Viewer viewer, @PathVariable UUID id, Model model) {
		requireManager(viewer);
		PipelineStage stage = this.stages.get(id);
		model.addAttribute("form", StageFormData.of(stage));
		return stageForm(model, stage);
	}

	@PostMapping("/admin/stages/{id}")
	String updateStage(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") StageFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		PipelineStage stage = this.stages.get(id);
		if (!result.hasErrors()) {
			try {
				PipelineStage saved = this.stages.update(viewer, id, form.getVersion(), form.toDetails());
				redirect.addFlashAttribute("flashSuccess", "Stage " + saved.name() + " saved.");
				return "redirect:/admin/stages";
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
			catch (StaleRecordException ex) {
				result.reject("stale", ex.getMessage());
			}
		}
		return stageForm(model, stage);
	}

	@PostMapping("/admin/stages/{id}/move")
	String moveStage(Viewer viewer, @PathVariable UUID id, @RequestParam int direction) {
		this.stages.move(viewer, id, direction);
		return "redirect:/admin/stages";
	}

	@PostMapping("/admin/stages/{id}/retire")
	String retireStage(Viewer viewer, @PathVariable UUID id, @RequestParam boolean retired,
			RedirectAttributes redirect) {
		try {
			PipelineStage stage = this.stages.setRetired(viewer, id, retired);
			redirect.addFlashAttribute("flashSuccess",
					stage.name() + (retired ? " retired: no longer offered for deals." : " is offered again."));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/stages";
	}

	@PostMapping("/admin/stages/{id}/delete")
	String deleteStage(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			String name = this.stages.get(id).name();
			this.stages.delete(viewer, id);
			redirect.addFlashAttribute("flashSuccess", "Stage " + name + " deleted.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/stages";
	}

	@GetMapping("/admin/products")
	String products(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		requireManager(viewer);
		model.addAttribute("page", this.products.list(q, null, PageRequest.of(Math.max(page, 0), 50, Sort.by("name"))));
		model.addAttribute("q", q);
		return "sales/products";
	}

	@GetMapping("/admin/products/new")
	String newProduct(Viewer viewer, Model model) {
		requireManager(viewer);
		model.addAttribute("form", new ProductFormData());
		return "sales/product-form";
	}

	@PostMapping("/admin/products")
	String createProduct(Viewer viewer, @ModelAttribute("form") ProductFormData form, BindingResult result,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Product product = this.products.create(viewer, form.toDetails());
				redirect.addFlashAttribute("flashSuccess", "Product " + product.name() + " added.");
				return "redirect:/admin/products";
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
		}
		return "sales/product-form";
	}

	@GetMapping("/admin/products/{id}/edit")
	String editProduct(Viewer viewer, @PathVariable UUID id, Model model) {
		requireManager(viewer);
		Product product = this.products.get(id);
		model.addAttribute("product", product);
		model.addAttribute("form", ProductFormData.of(product));
		return "sales/product-form";
	}

	@PostMapping("/admin/products/{id}")
	String updateProduct(Viewer viewer, @PathVariable UUID id, @ModelAttribute("form") ProductFormData form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Product product = this.products.get(id);
		if (!result.hasErrors()) {
			try {
				Product saved = this.products.update(viewer, id, form.getVersion(), form.toDetails());
				redirect.addFlashAttribute("flashSuccess", "Product " + saved.name() + " saved.");
				return "redirect:/admin/products";
			}
			catch (InvalidInputException ex) {
				FormErrors.addTo(result, ex);
			}
			catch (StaleRecordException ex) {
				result.reject("stale", ex.getMessage());
			}
		}
		model.addAttribute("product", product);
		return "sales/product-form";
	}

	private String stageForm(Model model, PipelineStage stage) {
		model.addAttribute("stage", stage);
		model.addAttribute("categories", ForecastCategory.values());
		model.addAttribute("outcomes", StageOutcome.values());
		model.addAttribute("defaultStaleAfterDays", this.defaultStaleAfterDays);
		return "sales/stage-form";
	}

	private void requireManager(Viewer viewer) {
		if (!this.stages.canManage(viewer)) {
			throw new ForbiddenException(
					"Only administrators and sales administrators set up the pipeline and products.");
		}
	}

}
