package dev.bellwether.sales.web;

import java.util.Map;

import dev.bellwether.platform.picklist.PickListSchemas;
import dev.bellwether.platform.picklist.PickLists;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the lead sources and loss reasons a deal accepts into the OpenAPI document, from
 * the pick lists the service checks against.
 */
@Configuration(proxyBeanMethods = false)
class SalesApiDocumentation {

	@Bean
	OpenApiCustomizer dealChoices(PickLists pickLists) {
		return openApi -> {
			Map<String, Schema> schemas = openApi.getComponents().getSchemas();
			Schema<?> deal = schemas.get("OpportunityRequest");
			if (deal != null) {
				PickListSchemas.allow((Schema<?>) deal.getProperties().get("leadSource"), pickLists, "lead-source");
				PickListSchemas.allow((Schema<?>) deal.getProperties().get("lossReason"), pickLists, "loss-reason");
			}
			Schema<?> move = schemas.get("StageMoveRequest");
			if (move != null) {
				PickListSchemas.allow((Schema<?>) move.getProperties().get("lossReason"), pickLists, "loss-reason");
			}
		};
	}

}
