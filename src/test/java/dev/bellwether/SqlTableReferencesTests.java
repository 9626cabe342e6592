package dev.bellwether;

import java.util.Set;

import dev.bellwether.SqlTableReferences.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner behind {@link ModuleTablesTests}, on small sources: it must find a table
 * wherever SQL names it, or the boundary check could not fail, and nowhere else, or it
 * would fail on prose.
 */
class SqlTableReferencesTests {

	private static final Set<String> TABLES = Set.of("users", "accounts", "opportunities", "contacts");

	@Test
	void findsTablesInTextBlocksAndLiterals() {
		String source = """
				class Deals {
					String names = \"""
							select o.id, u.full_name from opportunities o
							join users u on u.id = o.owner_id
							\""";
					String count = "select count(*) from accounts where id = :id";
					void touch() {
						jdbc.sql("update contacts set x = 1").update();
						jdbc.sql("insert into users (id) values (:id)").update();
						jdbc.sql("delete from opportunities where id = :id").update();
					}
				}
				""";

		assertThat(SqlTableReferences.in(source, TABLES)).containsExactly(new Reference("opportunities", 3),
				new Reference("users", 4), new Reference("accounts", 6), new Reference("contacts", 8),
				new Reference("users", 9), new Reference("opportunities", 10));
	}

	@Test
	void findsEveryTableOfAFromListAndAcrossJoinedLiterals() {
		String source = """
				String a = "select 1 from opportunities o, users u, accounts where true";
				String b = "select 1 from"
						+ " contacts c";
				String c = "select 1 from\\nusers";
				String d = "(x is null or exists (select 1 from public.opportunities o where o.id = x))";
				""";

		assertThat(SqlTableReferences.in(source, TABLES)).containsExactly(new Reference("opportunities", 1),
				new Reference("users", 1), new Reference("accounts", 1), new Reference("contacts", 3),
				new Reference("users", 4), new Reference("opportunities", 5));
	}

	@Test
	void ignoresCommentsPathsProseAndNamesBuiltInCode() {
		String source = """
				/**
				 * Reads the names from users and from accounts (see the select from opportunities).
				 */
				class Links {
					// joined from users once the service exists
					String page = "/accounts/" + id;
					String prose = "Tasks linked to accounts, contacts and opportunities";
					String dynamic = "select * from " + users + " where x";
					String sql = \"""
							select id from activities -- not from users
							where kind = 'TASK'
							\""";
				}
				""";

		assertThat(SqlTableReferences.in(source, TABLES)).isEmpty();
	}

	@Test
	void readsOnPastCharLiteralsAndEscapedQuotes() {
		String source = """
				char quote = '"';
				String label = "a \\"quoted\\" word";
				String sql = "select 1 from users";
				""";

		assertThat(SqlTableReferences.in(source, TABLES)).containsExactly(new Reference("users", 3));
	}

	@Test
	void keepsLineNumbersAcrossEscapedLineBreaksInTextBlocks() {
		String source = "String sql = \"\"\"\n    select 1 \\\n    from contacts\n    \"\"\";\n";

		assertThat(SqlTableReferences.in(source, TABLES)).containsExactly(new Reference("contacts", 3));
	}

	@Test
	void readsTheTablesAMigrationCreates() {
		String migration = """
				-- create table commented_out (id uuid);
				create table users (id uuid primary key);
				CREATE TABLE IF NOT EXISTS Api_Tokens (id uuid);
				create unlogged table usage_buffer (id uuid);
				create materialized view pipeline_totals as select 1;
				create index users_name_idx on users (full_name);
				""";

		assertThat(SqlTableReferences.createdBy(migration)).containsExactly("users", "api_tokens", "usage_buffer",
				"pipeline_totals");
	}

}
