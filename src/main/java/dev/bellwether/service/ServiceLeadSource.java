package dev.bellwether.service;

import java.util.Optional;

import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sales lead-source pick list's "Service" value, which every deal made from a case
 * carries. The pick list belongs to the platform (its values to administrators), so
 * service adds the value through {@link PickLists} — at start-up, and again before making
 * a deal should it be missing — and never in a migration. A value renamed by an
 * administrator is still found (by its former label or its key).
 */
@Component
class ServiceLeadSource {

	static final String LIST = "lead-source";

	static final String LABEL = "Service";

	private final PickLists pickLists;

	ServiceLeadSource(PickLists pickLists) {
		this.pickLists = pickLists;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureOnStart() {
		ensure();
	}

	/**
	 * @return the value as deals store it now (its current label), added when missing
	 */
	synchronized String ensure() {
		Optional<PickListValue> found = current();
		if (found.isEmpty()) {
			try {
				found = Optional.of(this.pickLists.add(null, LIST, LABEL));
			}
			catch (DataIntegrityViolationException ex) {
				// another node added it at the same moment
				found = current();
			}
		}
		return this.pickLists.get(LIST).stored(found.orElseThrow());
	}

	/**
	 * @return the value as deals store it now, or nothing when the list has none (then no
	 * deal has it either)
	 */
	Optional<String> label() {
		return current().map(value -> this.pickLists.get(LIST).stored(value));
	}

	private Optional<PickListValue> current() {
		return this.pickLists.find(LIST, LABEL).or(() -> this.pickLists.find(LIST, "service"));
	}

}
