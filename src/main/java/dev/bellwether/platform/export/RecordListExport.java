package dev.bellwether.platform.export;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The usual {@link ExportableList}: a module's list named once (record type, path, file
 * name, how users are named), so that the module writes only what is its own — how the
 * list's filters read and which value each column takes.
 */
public abstract class RecordListExport implements ExportableList {

	private final String recordType;

	private final String collection;

	private final String fileName;

	private final Function<Collection<UUID>, Map<UUID, String>> userNames;

	/**
	 * @param userNames the names of users by id, as the identity module gives them
	 */
	protected RecordListExport(String recordType, String collection, String fileName,
			Function<Collection<UUID>, Map<UUID, String>> userNames) {
		this.recordType = recordType;
		this.collection = collection;
		this.fileName = fileName;
		this.userNames = userNames;
	}

	@Override
	public String recordType() {
		return this.recordType;
	}

	@Override
	public String collection() {
		return this.collection;
	}

	@Override
	public String fileName() {
		return this.fileName;
	}

	@Override
	public Map<UUID, String> userNames(Collection<UUID> ids) {
		return this.userNames.apply(ids);
	}

	/**
	 * The names of what a page's records refer to (their owners, their accounts), looked
	 * up once for the page: nothing is asked for when no record refers to one.
	 * @param reference the id a record refers to (may be null)
	 * @param names the names of ids, by the module that owns them
	 */
	protected static <T> Map<UUID, String> namesOf(Iterable<T> records, Function<T, UUID> reference,
			Function<Collection<UUID>, Map<UUID, String>> names) {
		Set<UUID> ids = new LinkedHashSet<>();
		records.forEach(record -> ids.add(reference.apply(record)));
		ids.remove(null);
		return ids.isEmpty() ? Map.of() : names.apply(ids);
	}

}
