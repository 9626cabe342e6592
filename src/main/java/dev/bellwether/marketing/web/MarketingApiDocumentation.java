package dev.bellwether.marketing.web;

import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.picklist.PickListSchemas;
import dev.bellwether.platform.picklist.PickLists;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the lead sources, disqualify reasons and country codes a lead accepts into the
 * OpenAPI document, from the same pick lists the service checks against.
 */
@Configuration(proxyBeanMethods = false)
class MarketingApiDocumentation {

	@Bean
	OpenApiCustomizer leadChoices(PickLists pickLists) {
		return openApi -> {
			Schema<?> request = openApi.getComponents().getSchemas().get("LeadRequest");
			if (request != null) {
				PickListSchemas.allow(request.getProperties().get("source"), pickLists, Leads.SOURCES);
				PickListSchemas.allow(request.getProperties().get("disqualifyReason"), pickLists,
						Leads.DISQUALIFY_REASONS);
				PickListSchemas.allow(request.getProperties().get("country"), pickLists, "country");
			}
		};
	}

}
