package dev.bellwether.sales;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.bellwether.platform.customfield.CustomFieldIndexes;
import dev.bellwether.platform.customfield.CustomRecordType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deals take custom fields (see {@code platform.customfield}), required always or from a
 * pipeline stage on; their values live in the {@code custom} column of
 * {@code opportunities}.
 */
@Configuration(proxyBeanMethods = false)
class SalesCustomFields {

	/**
	 * Names a custom field may not take besides the deal's own: the lists' parameters.
	 */
	static final Set<String> RESERVED = Set.of("owner", "account", "stage", "ownerName", "accountName",
			"primaryContactName", "expectedAmount", "lineItems", "customFields", "q", "sort", "page", "size",
			"exactTotal", "cursor", "view", "columns", "team", "period", "closeFrom", "closeTo", "status");

	@Bean
	CustomRecordType opportunityCustomFields(JdbcClient jdbc, PipelineStages stages) {
		Set<String> builtIn = new TreeSet<>(RESERVED);
		Arrays.stream(Opportunity.class.getRecordComponents()).forEach(component -> builtIn.add(component.getName()));
		return new CustomRecordType(Opportunities.RECORD_TYPE, "Deals", builtIn, () -> {
			Map<String, String> choices = new LinkedHashMap<>();
			stages.active().forEach(stage -> choices.put(stage.id().toString(), stage.name()));
			return choices;
			// the index: the field, then the deal list's tie-breakers
			// (Opportunities.list)
		}, field -> CustomFieldIndexes.create(jdbc, "opportunities", field, "close_date", "id"));
	}

}
