package dev.bellwether.platform.web;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bellwether.platform.InvalidInputException;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;

/**
 * What every record type's API controller does alike: records to resources with the names
 * of the records they refer to (fetched once per page, never per row), a save that must
 * name the version it was based on, and a change answered with 204.
 */
public final class ApiResources {

	private ApiResources() {
	}

	/**
	 * @param what the record type as the message names it ("deal")
	 * @return the version the client sent
	 * @throws InvalidInputException when it sent none
	 */
	public static long requireVersion(Long version, String what) {
		if (version == null) {
			throw new InvalidInputException("version", "Send the version of the " + what
					+ " you read, to guard against overwriting someone else's change.");
		}
		return version;
	}

	/** Does the change, and answers 204 No Content. */
	public static ResponseEntity<Void> noContent(Runnable change) {
		change.run();
		return ResponseEntity.noContent().build();
	}

	/**
	 * One record as a resource.
	 * @param referred the id of the record it names (its owner)
	 * @param namesOf names by id
	 */
	public static <T, R> R one(T record, Function<T, UUID> referred,
			Function<Collection<UUID>, Map<UUID, String>> namesOf, BiFunction<T, Map<UUID, String>, R> resource) {
		return resource.apply(record, namesOf.apply(Set.of(referred.apply(record))));
	}

	/**
	 * A page of records as resources, the names they refer to fetched at once.
	 */
	public static <T, R> ListPage<R> page(Page<T> page, Function<T, UUID> referred,
			Function<Collection<UUID>, Map<UUID, String>> namesOf, BiFunction<T, Map<UUID, String>, R> resource) {
		Map<UUID, String> names = namesOf.apply(page.getContent().stream().map(referred).collect(Collectors.toSet()));
		return ListPage.of(page.map(record -> resource.apply(record, names)));
	}

}
