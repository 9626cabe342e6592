package dev.bellwether.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * An import's settings saved by name, for the next file of the same kind (the monthly
 * export of the old CRM, say): shared by everyone who imports.
 */
public record ImportTemplate(UUID id, ImportTarget target, String name, ImportSettings settings, Instant updatedAt,
		UUID updatedBy) {
}
