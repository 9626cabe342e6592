package dev.bellwether.platform.customfield.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomRecordType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes each record type's custom fields in the OpenAPI document, from the
 * definitions as they are when the document is asked for (springdoc's cache is off): a
 * schema per record type ({@code AccountCustomFields}, {@code ContactCustomFields},
 * {@code OpportunityCustomFields}) that the {@code customFields} property of the record's
 * request and resource refers to.
 */
@Configuration(proxyBeanMethods = false)
class CustomFieldApiDocumentation {

	@Bean
	OpenApiCustomizer customFieldSchemas(CustomFields customFields) {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			for (CustomRecordType type : customFields.recordTypes()) {
				String name = schemaPrefix(type.recordType());
				Schema<?> schema = schema(type, customFields.all(type.recordType()));
				openApi.getComponents().addSchemas(name + "CustomFields", schema);
				refer(openApi, name + "Request", name + "CustomFields");
				refer(openApi, name + "Resource", name + "CustomFields");
			}
		};
	}

	static String schemaPrefix(String recordType) {
		return recordType.substring(0, 1).toUpperCase(Locale.ROOT) + recordType.substring(1);
	}

	private static void refer(OpenAPI openApi, String schemaName, String to) {
		Schema<?> schema = openApi.getComponents().getSchemas().get(schemaName);
		if (schema != null && schema.getProperties() != null && schema.getProperties().containsKey("customFields")) {
			schema.getProperties().put("customFields", new Schema<>().$ref("#/components/schemas/" + to));
		}
	}

	private static Schema<?> schema(CustomRecordType type, List<CustomField> fields) {
		ObjectSchema schema = new ObjectSchema();
		schema.description("The custom fields of " + type.label().toLowerCase(Locale.ROOT)
				+ ", by key, as administrators defined them (Administration → Custom fields). On write, a key left "
				+ "out keeps its value and null clears it; an unknown key or a value the field can't take is a 400 "
				+ "naming customFields.<key>.");
		for (CustomField field : fields) {
			schema.addProperty(field.key(), property(field));
		}
		return schema;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> property(CustomField field) {
		Schema property = switch (field.type()) {
			case TEXT -> new StringSchema().maxLength(255);
			case LONG_TEXT -> new StringSchema().maxLength(10_000);
			case NUMBER -> new NumberSchema();
			case MONEY -> new NumberSchema().multipleOf(new BigDecimal("0.01"));
			case PERCENT -> new NumberSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(100));
			case DATE -> new StringSchema().format("date");
			case DATE_TIME -> new StringSchema().format("date-time");
			case PICK_LIST -> new StringSchema()._enum(field.options());
			case MULTI_SELECT -> new ArraySchema().items(new StringSchema()._enum(field.options())).uniqueItems(true);
			case CHECKBOX -> new BooleanSchema();
			case USER -> new StringSchema().format("uuid");
			case URL -> new StringSchema().maxLength(500);
			case EMAIL -> new StringSchema().format("email").maxLength(254);
			case PHONE -> new StringSchema().pattern("^[+0-9 ()./-]{3,40}$");
		};
		StringBuilder description = new StringBuilder(field.label()).append(" (")
			.append(field.type().label().toLowerCase(Locale.ROOT))
			.append(")");
		if (field.helpText() != null) {
			description.append(": ").append(field.helpText());
		}
		if (field.required() == Requirement.ALWAYS) {
			description.append(". Required.");
		}
		else if (field.required() == Requirement.FROM_STAGE) {
			description.append(". Required from a stage on (stage id ").append(field.requiredFrom()).append(").");
		}
		if (field.isRetired()) {
			description.append(" Retired: read only, kept on old records.");
			property.setDeprecated(true);
			property.setReadOnly(true);
		}
		property.setDescription(description.toString());
		property.setNullable(true);
		return property;
	}

}
