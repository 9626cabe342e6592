package dev.bellwether.activities.web;

import dev.bellwether.platform.picklist.PickListSchemas;
import dev.bellwether.platform.picklist.PickLists;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the sub-types an activity accepts into the OpenAPI document: the values of the
 * task, call and meeting type pick lists (which one applies depends on the kind).
 */
@Configuration(proxyBeanMethods = false)
class ActivityApiDocumentation {

	@Bean
	OpenApiCustomizer activitySubTypes(PickLists pickLists) {
		return openApi -> {
			Schema<?> request = openApi.getComponents().getSchemas().get("ActivityRequest");
			if (request != null) {
				PickListSchemas.allow((Schema<?>) request.getProperties().get("subType"), pickLists, "task-type",
						"call-type", "meeting-type");
			}
		};
	}

}
