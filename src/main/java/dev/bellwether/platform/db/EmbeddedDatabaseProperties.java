package dev.bellwether.platform.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the embedded PostgreSQL server runs when no {@code spring.datasource.url}
 * is configured.
 *
 * @param dir data directory, kept between runs
 * @param port TCP port on localhost; 0 picks a free one
 * @param clean wipe the data directory at start (used by the test suite)
 * @param durable fsync, synchronous commit and full-page writes on, as any PostgreSQL
 * holding data that matters (the default); false keeps the embedded library's test speed
 * settings, which lose acknowledged writes when the machine or the server is killed (used
 * by the test suite)
 */
@ConfigurationProperties("bellwether.embedded-db")
public record EmbeddedDatabaseProperties(Path dir, Integer port, boolean clean, Boolean durable) {

	public EmbeddedDatabaseProperties {
		if (dir == null) {
			dir = Path.of("data", "postgres");
		}
		if (port == null) {
			port = 0;
		}
		if (durable == null) {
			durable = true;
		}
	}

}
