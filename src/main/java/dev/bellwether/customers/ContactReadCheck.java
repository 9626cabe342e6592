package dev.bellwether.customers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.RecordReadCheck;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets modules that know a contact only by id (field history) check that a viewer may
 * read it, through {@link Contacts#ACCESS} like every contact page.
 */
@Component
class ContactReadCheck implements RecordReadCheck {

	private final Contacts contacts;

	private final JdbcClient jdbc;

	ContactReadCheck(Contacts contacts, JdbcClient jdbc) {
		this.contacts = contacts;
		this.jdbc = jdbc;
	}

	@Override
	public String recordType() {
		return Contacts.RECORD_TYPE;
	}

	@Override
	public void requireRead(Viewer viewer, UUID recordId) {
		this.contacts.get(viewer, recordId);
	}

	@Override
	public Map<UUID, String> publicNamesOf(Collection<UUID> ids) {
		// Every signed-in user reads contacts (Contacts.ACCESS is a shared-record
		// policy).
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		this.jdbc.sql("select id, concat_ws(' ', first_name, last_name) as name from contacts where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	@Override
	public Map<String, String> referenceFields() {
		return Map.of("ownerId", UserDirectory.RECORD_TYPE, "accountId", Accounts.RECORD_TYPE);
	}

}
