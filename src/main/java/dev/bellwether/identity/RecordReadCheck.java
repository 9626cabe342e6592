package dev.bellwether.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What another module may ask about one type of business record without depending on the
 * module that owns it: may this viewer read record X, and what are some records called.
 * The owning module provides one as a bean per record type (customers for accounts and
 * contacts, sales for opportunities); {@link RecordReadChecks} finds it by type. Modules
 * that only know a record by type and id (audit's field history) check visibility through
 * it, so that the one visibility mechanism of each record type applies there too.
 */
public interface RecordReadCheck {

	/**
	 * @return the record type this check is for, as in
	 * {@link dev.bellwether.platform.RecordChanged#recordType()}, e.g. {@code account}
	 */
	String recordType();

	/**
	 * @throws dev.bellwether.platform.RecordNotFoundException when the record does not
	 * exist, is in the recycle bin, or the viewer may not read it (not told apart)
	 */
	void requireRead(Viewer viewer, UUID recordId);

	/**
	 * Names of records of this type that every signed-in user may see, for showing a
	 * reference (an account id in a contact's history) as a name. Record types that not
	 * everyone may read return nothing here, so that no name leaks.
	 */
	default Map<UUID, String> publicNamesOf(Collection<UUID> ids) {
		return Map.of();
	}

	/**
	 * @return the fields of this record type (as named in its
	 * {@link dev.bellwether.platform.FieldChange}s) that hold the id of another record,
	 * with that record's type ({@code user} for people), e.g. {@code parentId ->
	 * account}
	 */
	default Map<String, String> referenceFields() {
		return Map.of("ownerId", UserDirectory.RECORD_TYPE);
	}

}
