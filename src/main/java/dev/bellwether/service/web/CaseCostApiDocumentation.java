package dev.bellwether.service.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.bellwether.service.CaseTime;
import dev.bellwether.service.ExpenseCategory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Says in the OpenAPI document what the expense categories mean and the limits of a time
 * entry, from the same constants the service checks against.
 */
@Configuration(proxyBeanMethods = false)
class CaseCostApiDocumentation {

	@Bean
	OpenApiCustomizer caseCostLimits() {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			Schema<?> expense = openApi.getComponents().getSchemas().get("ExpenseRequest");
			if (expense != null && expense.getProperties() != null && expense.getProperties().get("category") != null) {
				expense.getProperties()
					.get("category")
					.setDescription("What the expense was for: " + Arrays.stream(ExpenseCategory.values())
						.map(category -> category.name() + " (" + category.label() + ")")
						.collect(Collectors.joining(", ")) + ".");
			}
			Schema<?> time = openApi.getComponents().getSchemas().get("TimeEntryRequest");
			if (time != null && time.getProperties() != null && time.getProperties().get("minutes") != null) {
				time.getProperties()
					.get("minutes")
					.setDescription("Whole minutes, " + CaseTime.MIN_MINUTES + " to " + CaseTime.MAX_MINUTES
							+ " (a whole day) in one entry.");
			}
		};
	}

}
