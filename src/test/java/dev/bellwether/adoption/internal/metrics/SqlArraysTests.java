package dev.bellwether.adoption.internal.metrics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The array literals adoption's SQL unnests arrive in PostgreSQL as they were sent: names
 * with quotes, commas, braces and backslashes, nulls, and the other element types the
 * figures pass.
 */
@IntegrationTest
class SqlArraysTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void textsKeepEveryCharacterAndTheirNulls() {
		List<String> names = Arrays.asList("O'Brien, \"Bo\"", "a\\b {c}", "NULL", "", null, "Zoë");

		List<String> read = this.jdbc
			.sql("select t from unnest(cast(:names as text[])) with ordinality as a(t, n) order by n")
			.param("names", SqlArrays.ofTexts(names))
			.query((rs, n) -> rs.getString("t"))
			.list();

		assertThat(read).containsExactlyElementsOf(names);
	}

	@Test
	void idsDaysAndFlagsInOneUnnest() {
		UUID first = UUID.fromString("00000000-0000-0000-0000-00000000000a");
		UUID second = UUID.fromString("ffffffff-0000-0000-0000-00000000000b");

		List<String> read = this.jdbc.sql("""
				select p.id, p.day, p.flag
				from unnest(cast(:ids as uuid[]), cast(:days as date[]), cast(:flags as boolean[])) as p(id, day, flag)
				order by p.id
				""")
			.param("ids", SqlArrays.of(List.of(second, first)))
			.param("days", SqlArrays.of(Arrays.asList(LocalDate.of(2026, 3, 1), null)))
			.param("flags", SqlArrays.of(List.of(true, false)))
			.query((rs, n) -> rs.getObject("id", UUID.class) + " " + rs.getObject("day", LocalDate.class) + " "
					+ rs.getBoolean("flag"))
			.list();

		assertThat(read).containsExactly(first + " null false", second + " 2026-03-01 true");
		assertThat(this.jdbc.sql("select count(*) from unnest(cast(:ids as uuid[]))")
			.param("ids", SqlArrays.of(List.of()))
			.query(Long.class)
			.single()).isZero();
	}

}
