package dev.bellwether.customers.web;

import java.util.List;

import dev.bellwether.platform.picklist.PickListSchemas;
import dev.bellwether.platform.picklist.PickLists;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the industries and country codes an account accepts into the OpenAPI document,
 * from the same pick lists the service checks against, so that the two cannot drift
 * apart; and the refusal of a possible duplicate on create.
 */
@Configuration(proxyBeanMethods = false)
class CustomerApiDocumentation {

	@Bean
	OpenApiCustomizer accountChoices(PickLists pickLists) {
		return openApi -> {
			Schema<?> request = openApi.getComponents().getSchemas().get("AccountRequest");
			if (request != null) {
				PickListSchemas.allow(request.getProperties().get("industry"), pickLists, "industry");
				PickListSchemas.allow(request.getProperties().get("country"), pickLists, "country");
			}
			var list = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/accounts");
			if (list != null && list.getGet() != null && list.getGet().getParameters() != null) {
				list.getGet().getParameters().forEach(parameter -> {
					if ("industry".equals(parameter.getName())) {
						PickListSchemas.allow(parameter.getSchema(), pickLists, "industry");
					}
					else if ("country".equals(parameter.getName())) {
						PickListSchemas.allow(parameter.getSchema(), pickLists, "country");
					}
				});
			}
		};
	}

	/**
	 * The 409 of {@code POST /api/v1/accounts?refuseDuplicates=true} (and contacts), a
	 * problem document like every other error.
	 */
	@Bean
	OpenApiCustomizer duplicateRefusals() {
		return openApi -> {
			for (String path : List.of("/api/v1/accounts", "/api/v1/contacts")) {
				var item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
				if (item != null && item.getPost() != null && item.getPost().getResponses() != null) {
					item.getPost()
						.getResponses()
						.addApiResponse("409", new ApiResponse()
							.description("refuseDuplicates=true and the record may duplicate others, listed in "
									+ "duplicates (GET " + path + "/duplicates); nothing was created")
							.content(new Content().addMediaType("application/problem+json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
				}
			}
		};
	}

}
