package dev.bellwether.platform.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * What the OpenAPI document says about every operation alike: how to sign in, and the RFC
 * 9457 problem document each error answers with ({@link ErrorResponses}), so that a
 * generated client knows the shape of a 400, 404 or 409 as well as of a success.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI bellwetherOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Bellwether CRM API")
				.version("v1")
				.description("Accounts, contacts, deals, activities and the people who own them. Sign in with HTTP "
						+ "Basic or a personal access token (Settings → API tokens) as a bearer token. Errors are RFC "
						+ "9457 problem documents; updates carry the version read and a stale one is a 409. Lists "
						+ "count exactly up to 2,000 records past the page, 500 past a page reached by cursor "
						+ "(page.totalCapped says when they stop; "
						+ "exactTotal=true counts them all). The account, contact, deal and activity lists also page "
						+ "by cursor: follow page.next (or pass cursor=page.nextCursor) for the next page, as fast "
						+ "however deep; a cursor lasts 24 hours with the same filter and sort."))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal access token")))
			.security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token")));
	}

	/**
	 * Names the success status the API's handlers really answer with: a handler answering
	 * {@code ResponseEntity<Void>} sends 204 No Content, and a POST answering a
	 * {@code ResponseEntity} with a body is a create, 201 Created with a Location header.
	 */
	@Bean
	OperationCustomizer successStatuses() {
		return (operation, handler) -> {
			ApiResponses responses = operation.getResponses();
			if (responses == null || !ResponseEntity.class.equals(handler.getMethod().getReturnType())) {
				return operation;
			}
			ApiResponse ok = responses.remove("200");
			if (ok == null) {
				return operation;
			}
			Class<?> body = ResolvableType.forMethodReturnType(handler.getMethod()).getGeneric(0).resolve();
			if (Void.class.equals(body)) {
				responses.put("204", new ApiResponse().description("Done; no content"));
			}
			else if (handler.hasMethodAnnotation(PostMapping.class)) {
				responses.put("201", ok.description("Created; the Location header names the new record"));
			}
			else {
				responses.put("200", ok);
			}
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return openApi -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = operation.getResponses();
				if (responses == null) {
					responses = new ApiResponses();
					operation.setResponses(responses);
				}
				boolean hasInput = operation.getRequestBody() != null
						|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
				if (hasInput || method != PathItem.HttpMethod.GET) {
					responses.put("400", problem("Invalid input: the fields at fault are named in errors"));
				}
				responses.put("401", problem("Not signed in"));
				responses.put("403", problem("Your role or the record's owner does not allow this"));
				if (path.contains("{")) {
					responses.put("404", problem("No such record, or one you may not see"));
				}
				if (sendsVersion(operation)) {
					responses.put("409", problem("The version sent is stale: someone changed the record since you "
							+ "read it. Read it again and repeat the change."));
				}
				responses.remove("500");
			}));
		};
	}

	private static boolean sendsVersion(Operation operation) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return false;
		}
		MediaType json = operation.getRequestBody().getContent().get("application/json");
		return json != null && json.getSchema() != null && json.getSchema().get$ref() != null
				&& operation.getOperationId() != null && !operation.getOperationId().startsWith("create")
				&& !operation.getOperationId().startsWith("add");
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema().example("name"))
			.addProperty("message", new StringSchema().example("Enter the account's name."))
			.required(List.of("field", "message"));
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("type", new StringSchema().example("about:blank"));
		properties.put("title", new StringSchema().example("Conflict"));
		properties.put("status", new IntegerSchema().example(409));
		properties.put("detail", new StringSchema()
			.example("Someone else changed this record since you opened it. Reload it to see their change."));
		properties.put("instance", new StringSchema().example("/api/v1/accounts/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
		properties.put("errors", new ArraySchema().items(fieldError)
			.description("For invalid input: each field at fault and what is wrong with it"));
		return new ObjectSchema().description("An RFC 9457 problem document")
			.properties(properties)
			.required(List.of("title", "status"));
	}

}
