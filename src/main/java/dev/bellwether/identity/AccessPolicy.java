package dev.bellwether.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may read and who may change one kind of business record. Every module declares a
 * policy for each record type it owns and asks {@link RecordVisibility} to apply it, so
 * that pages, lists, search, exports, reports and the API all follow the same rules.
 * <p>
 * A record can always be read and changed by its owner and by everyone above the owner in
 * the manager chain. Beyond that:
 *
 * @param recordType the record type, as in messages ("account")
 * @param readableByAllUsers everyone signed in may read it
 * @param readsAll roles that may read every such record
 * @param editsAll roles that may change every such record
 */
public record AccessPolicy(String recordType, boolean readableByAllUsers, Set<Role> readsAll, Set<Role> editsAll) {

	public AccessPolicy {
		readsAll = readsAll.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(readsAll));
		editsAll = editsAll.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(editsAll));
	}

	/**
	 * Shared records, such as accounts and contacts: everyone reads them; the owner chain
	 * and the given roles change them.
	 */
	public static AccessPolicy sharedRecord(String recordType, Role... editsAll) {
		return new AccessPolicy(recordType, true, Set.of(), Set.of(editsAll));
	}

	/**
	 * Private records, such as opportunities: only the owner chain and the given roles
	 * see them.
	 */
	public static AccessPolicy ownerChainRecord(String recordType, Set<Role> readsAll, Set<Role> editsAll) {
		return new AccessPolicy(recordType, false, readsAll, editsAll);
	}

}
