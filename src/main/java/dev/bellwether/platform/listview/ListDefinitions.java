package dev.bellwether.platform.listview;

import java.util.List;
import java.util.Optional;

import dev.bellwether.platform.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Every list the modules declare ({@link ListDefinition} beans), by record type.
 */
@Component
public class ListDefinitions {

	private final List<ListDefinition> lists;

	ListDefinitions(List<ListDefinition> lists) {
		this.lists = List.copyOf(lists);
	}

	public List<ListDefinition> all() {
		return this.lists;
	}

	public Optional<ListDefinition> find(String recordType) {
		return this.lists.stream().filter(l -> l.recordType().equals(recordType)).findFirst();
	}

	/**
	 * @throws InvalidInputException when no list of that record type exists
	 */
	public ListDefinition get(String recordType) {
		return find(recordType).orElseThrow(
				() -> new InvalidInputException("recordType", "There is no list of '" + recordType + "'. Lists: "
						+ String.join(", ", this.lists.stream().map(ListDefinition::recordType).toList()) + "."));
	}

}
