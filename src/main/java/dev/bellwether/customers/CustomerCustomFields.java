package dev.bellwether.customers;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.bellwether.platform.customfield.CustomFieldIndexes;
import dev.bellwether.platform.customfield.CustomRecordType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts and contacts take custom fields (see {@code platform.customfield}); their
 * values live in the {@code custom} column of this module's tables.
 */
@Configuration(proxyBeanMethods = false)
class CustomerCustomFields {

	/**
	 * Names a custom field may not take besides the records' own: the lists' parameters.
	 */
	static final Set<String> RESERVED = Set.of("owner", "parent", "account", "ownerName", "parentName", "accountName",
			"customFields", "q", "sort", "page", "size", "exactTotal", "cursor", "view", "columns");

	@Bean
	CustomRecordType accountCustomFields(JdbcClient jdbc) {
		return new CustomRecordType(Accounts.RECORD_TYPE, "Accounts", builtIn(Account.class), Map::of,
				// the index: the field, then the list's tie-breakers (Accounts.list)
				field -> CustomFieldIndexes.create(jdbc, "accounts", field, "lower(name)", "id"));
	}

	@Bean
	CustomRecordType contactCustomFields(JdbcClient jdbc) {
		return new CustomRecordType(Contacts.RECORD_TYPE, "Contacts", builtIn(Contact.class), Map::of,
				// the index: the field, then the list's tie-breakers (Contacts.list)
				field -> CustomFieldIndexes.create(jdbc, "contacts", field, "lower(last_name)", "lower(first_name)",
						"id"));
	}

	static Set<String> builtIn(Class<? extends Record> type) {
		Set<String> names = new TreeSet<>(RESERVED);
		Arrays.stream(type.getRecordComponents()).forEach(component -> names.add(component.getName()));
		names.add("fullName");
		return names;
	}

}
