package dev.bellwether.service.web;

import java.util.Arrays;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.bellwether.service.CaseStatus;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Says in the OpenAPI document which status moves a case allows, from the same rules the
 * service checks against ({@link CaseStatus#next()}).
 */
@Configuration(proxyBeanMethods = false)
class CaseApiDocumentation {

	@Bean
	OpenApiCustomizer caseStatusMoves() {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			Schema<?> request = openApi.getComponents().getSchemas().get("CaseStatusRequest");
			if (request != null && request.getProperties() != null && request.getProperties().get("status") != null) {
				StringBuilder moves = new StringBuilder("The status to move to. Allowed moves: ");
				Arrays.stream(CaseStatus.values())
					.forEach(from -> moves.append(from.name())
						.append(" → ")
						.append(String.join(", ", from.next().stream().map(Enum::name).toList()))
						.append("; "));
				request.getProperties()
					.get("status")
					.setDescription(moves.append("nothing goes back to NEW.").toString());
			}
		};
	}

}
