package dev.bellwether.sales.web;

import java.net.URI;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The product catalogue, at list prices in the company currency. Everyone "
		+ "reads it; administrators and sales administrators change it. Products are deactivated, never deleted.")
class ProductApiController {

	private final Products products;

	ProductApiController(Products products) {
		this.products = products;
	}

	@GetMapping
	@Operation(summary = "List products",
			description = "Filter by q (part of code or name) and active; sort by code, name, listPrice or updatedAt.")
	ListPage<Product> list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 25, sort = "name") Pageable pageable) {
		return ListPage.of(this.products.list(q, active, PagedQuery.exactTotal(pageable, exactTotal)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one product")
	Product get(@PathVariable UUID id) {
		return this.products.get(id);
	}

	@PostMapping
	@Operation(summary = "Add a product")
	ResponseEntity<Product> create(Viewer viewer, @RequestBody ProductRequest request) {
		Product product = this.products.create(viewer, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/products/" + product.id())).body(product);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a product", description = "With the version read (409 when stale).")
	Product update(Viewer viewer, @PathVariable UUID id, @RequestBody ProductRequest request) {
		if (request.version() == null) {
			throw new InvalidInputException("version", "Send the version of the product you read.");
		}
		return this.products.update(viewer, id, request.version(), request.toDetails());
	}

}
