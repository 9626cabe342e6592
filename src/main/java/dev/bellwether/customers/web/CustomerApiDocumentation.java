package dev.bellwether.customers.web;

import java.util.List;

import dev.bellwether.customers.Countries;
import dev.bellwether.customers.Industry;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the industries and country codes an account accepts into the OpenAPI document,
 * from the same lists the service checks against, so that the two cannot drift apart.
 */
@Configuration(proxyBeanMethods = false)
class CustomerApiDocumentation {

	@Bean
	OpenApiCustomizer accountChoices() {
		List<String> countries = List.copyOf(Countries.all().keySet());
		return openApi -> {
			Schema<?> request = openApi.getComponents().getSchemas().get("AccountRequest");
			if (request != null) {
				allow(request.getProperties().get("industry"), Industry.ALL);
				allow(request.getProperties().get("country"), countries);
			}
			var list = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/accounts");
			if (list != null && list.getGet() != null && list.getGet().getParameters() != null) {
				list.getGet().getParameters().forEach(parameter -> {
					if ("industry".equals(parameter.getName())) {
						allow(parameter.getSchema(), Industry.ALL);
					}
					else if ("country".equals(parameter.getName())) {
						allow(parameter.getSchema(), countries);
					}
				});
			}
		};
	}

	@SuppressWarnings("unchecked")
	private static void allow(Schema<?> property, List<String> values) {
		if (property != null) {
			((Schema<Object>) property).setEnum(List.copyOf(values));
		}
	}

}
