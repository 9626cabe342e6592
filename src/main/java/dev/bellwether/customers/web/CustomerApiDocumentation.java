package dev.bellwether.customers.web;

import dev.bellwether.platform.picklist.PickListSchemas;
import dev.bellwether.platform.picklist.PickLists;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the industries and country codes an account accepts into the OpenAPI document,
 * from the same pick lists the service checks against, so that the two cannot drift
 * apart.
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

}
