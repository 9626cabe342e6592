package dev.bellwether.marketing.web;

import dev.bellwether.marketing.Campaigns;
import dev.bellwether.platform.picklist.PickListSchemas;
import dev.bellwether.platform.picklist.PickLists;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the campaign types a campaign accepts into the OpenAPI document, from the pick
 * list the service checks against.
 */
@Configuration(proxyBeanMethods = false)
class CampaignApiDocumentation {

	@Bean
	OpenApiCustomizer campaignTypes(PickLists pickLists) {
		return openApi -> {
			Schema<?> request = openApi.getComponents().getSchemas().get("CampaignRequest");
			if (request != null) {
				PickListSchemas.allow(request.getProperties().get("type"), pickLists, Campaigns.TYPE_LIST);
			}
		};
	}

}
