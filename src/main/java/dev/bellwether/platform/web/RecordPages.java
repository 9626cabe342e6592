package dev.bellwether.platform.web;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomValues;

import org.springframework.ui.Model;

/**
 * What every record type's page shows alike.
 */
public final class RecordPages {

	private RecordPages() {
	}

	/**
	 * Puts the names of the people the page shows into the model ({@code names}: those
	 * given, such as the owner and who created, saved and last touched the record, and
	 * the users its custom fields name), fetched at once, and its custom values as shown
	 * ({@code customValues}).
	 * @param people their ids (a null is left out)
	 * @param namesOf users' names by id
	 */
	public static void addNamesAndCustomValues(Model model, CustomFields customFields, String recordType,
			CustomValues values, Collection<UUID> people, Function<Collection<UUID>, Map<UUID, String>> namesOf) {
		Set<UUID> ids = new HashSet<>(people);
		ids.addAll(customFields.userIds(recordType, values));
		ids.remove(null);
		Map<UUID, String> names = namesOf.apply(ids);
		model.addAttribute("names", names);
		model.addAttribute("customValues", customFields.shown(recordType, values, names));
	}

}
