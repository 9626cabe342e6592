package dev.bellwether.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.RecordNotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * All {@link RecordReadCheck}s of the application, by record type: lets a module check
 * whether a viewer may read a record it knows only by type and id.
 */
@Service
public class RecordReadChecks {

	private final Map<String, RecordReadCheck> checks = new HashMap<>();

	private final UserDirectory users;

	RecordReadChecks(ObjectProvider<RecordReadCheck> checks, UserDirectory users) {
		this.users = users;
		for (RecordReadCheck check : checks.orderedStream().toList()) {
			RecordReadCheck previous = this.checks.put(check.recordType(), check);
			if (previous != null) {
				throw new IllegalStateException("Two read checks for record type '" + check.recordType() + "': "
						+ previous.getClass().getName() + " and " + check.getClass().getName());
			}
		}
	}

	public boolean knows(String recordType) {
		return this.checks.containsKey(recordType);
	}

	/**
	 * @throws RecordNotFoundException when no module owns records of that type, the
	 * record does not exist or is in the recycle bin, or the viewer may not read it
	 */
	public void requireRead(Viewer viewer, String recordType, UUID recordId) {
		RecordReadCheck check = this.checks.get(recordType);
		if (check == null) {
			throw new RecordNotFoundException(recordType, recordId);
		}
		check.requireRead(viewer, recordId);
	}

	/**
	 * @return the fields of records of the type that refer to other records, with the
	 * type they refer to; {@code ownerId} (a user) when the type is unknown
	 */
	public Map<String, String> referenceFields(String recordType) {
		RecordReadCheck check = this.checks.get(recordType);
		return check == null ? Map.of("ownerId", UserDirectory.RECORD_TYPE) : check.referenceFields();
	}

	/**
	 * @return names, for showing references, of the records of the type that every
	 * signed-in user may see; users' full names for {@code user}
	 */
	public Map<UUID, String> publicNamesOf(String recordType, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		if (UserDirectory.RECORD_TYPE.equals(recordType)) {
			return this.users.namesOf(ids);
		}
		RecordReadCheck check = this.checks.get(recordType);
		return check == null ? Map.of() : check.publicNamesOf(ids);
	}

}
