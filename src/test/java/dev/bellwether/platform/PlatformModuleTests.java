package dev.bellwether.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform on its own: a real PostgreSQL (embedded, or the one CI names), migrated by
 * Flyway, with the extensions the modules' search indexes need.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class PlatformModuleTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void runsOnAMigratedPostgreSql() {
		String version = this.jdbc.sql("show server_version_num").query(String.class).single();
		assertThat(Integer.parseInt(version)).isGreaterThanOrEqualTo(150000);
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.isGreaterThanOrEqualTo(3);
		assertThat(
				this.jdbc.sql("select count(*) from pg_extension where extname = 'pg_trgm'").query(Long.class).single())
			.isEqualTo(1);
	}

}
