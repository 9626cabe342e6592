package dev.bellwether.platform.customfield;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, brings the indexes of indexed custom fields to their current shape
 * ({@link CustomFields#rebuildIndexes()}): an index built as {@code (expr, id)} before
 * issue 13 is built again as the list's whole order and the old one dropped, both
 * {@code concurrently}. In the background, so that the application serves at once (lists
 * sorted by such a field are as slow as before until it is done); on a million deals it
 * takes a few seconds per field. Every node may run it: the build is idempotent.
 * {@code bellwether.custom-fields.rebuild-indexes=false} turns it off.
 */
@Component
class CustomFieldIndexRebuild {

	private static final Logger log = LoggerFactory.getLogger(CustomFieldIndexRebuild.class);

	private final CustomFields fields;

	private final boolean enabled;

	CustomFieldIndexRebuild(CustomFields fields,
			@Value("${bellwether.custom-fields.rebuild-indexes:true}") boolean enabled) {
		this.fields = fields;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.enabled) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				long started = System.nanoTime();
				int checked = this.fields.rebuildIndexes();
				if (checked > 0) {
					log.info("Indexes of {} indexed custom fields checked (old shapes rebuilt) in {} ms", checked,
							(System.nanoTime() - started) / 1_000_000);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not bring the custom fields' indexes to their current shape; lists sorted by "
						+ "them stay slow until the next start", ex);
			}
		}, "custom-field-indexes");
		thread.setDaemon(true);
		thread.start();
	}

}
