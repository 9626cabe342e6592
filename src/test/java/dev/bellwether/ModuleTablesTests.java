package dev.bellwether;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.bellwether.SqlTableReferences.Reference;
import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module's SQL names only its own tables (DESIGN.md: modules own their tables;
 * another module's data comes through its public API or its events). Spring Modulith
 * checks the imports; this checks the SQL in the main sources, which no import shows.
 * <p>
 * Every table a migration creates has exactly one owning module in {@link #OWNERS}: a new
 * table fails {@link #everyTableHasAnOwningModule()} until it is assigned there.
 */
class ModuleTablesTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/bellwether");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/**
	 * Each table's owning module. Migrations are append-only (Flyway checks their
	 * checksums), so ownership is kept here, not in the files.
	 */
	static final Map<String, String> OWNERS = Map.ofEntries(
			// Spring Modulith's event publication registry, Spring Session, ShedLock, and
			// the
			// vocabulary behind platform.TextSearch (filled by triggers on the searched
			// tables)
			entry("event_publication", "platform"), entry("event_publication_archive", "platform"),
			entry("spring_session", "platform"), entry("spring_session_attributes", "platform"),
			entry("shedlock", "platform"), entry("search_terms", "platform"),
			// the key that signs list cursors (keyset paging)
			entry("platform_secrets", "platform"),
			// pick lists (platform.picklist)
			entry("pick_lists", "platform"), entry("pick_list_values", "platform"),
			entry("pick_list_changes", "platform"),
			// bulk changes (platform.edit)
			entry("bulk_operations", "platform"), entry("bulk_operation_items", "platform"),
			// custom field definitions (each module keeps the values in its own tables)
			entry("custom_fields", "platform"),
			// business calendars (platform.businesstime)
			entry("business_calendars", "platform"), entry("business_calendar_hours", "platform"),
			entry("business_calendar_holidays", "platform"),
			// identity
			entry("users", "identity"), entry("api_tokens", "identity"), entry("sign_in_failures", "identity"),
			// service: cases, queues, comments, status changes, attachments (V59)
			entry("cases", "service"), entry("case_queues", "service"), entry("case_queue_members", "service"),
			entry("case_comments", "service"), entry("case_status_changes", "service"),
			entry("case_attachments", "service"),
			// service: e-mail to case (V61)
			entry("case_mail_messages", "service"),
			// service: SLA policies, account tiers and each case's SLA clocks and history
			// (V60)
			entry("sla_policies", "service"), entry("sla_targets", "service"),
			entry("service_account_tiers", "service"), entry("case_sla", "service"),
			entry("case_sla_clocks", "service"), entry("case_sla_events", "service"),
			// service: satisfaction surveys (V62)
			entry("case_surveys", "service"),
			// service: cost of service — time, cost rates, expenses (V63)
			entry("case_time_entries", "service"), entry("service_cost_rates", "service"),
			entry("case_expenses", "service"),
			// service: cross-sell links and onboarding rules (V64)
			entry("case_opportunities", "service"), entry("onboarding_rules", "service"),
			// customers
			entry("accounts", "customers"), entry("contacts", "customers"), entry("customer_merges", "customers"),
			entry("merge_moves", "customers"),
			// sales
			entry("pipeline_stages", "sales"), entry("products", "sales"), entry("opportunities", "sales"),
			entry("opportunity_line_items", "sales"), entry("opportunity_history", "sales"),
			// marketing
			entry("leads", "marketing"), entry("lead_status_changes", "marketing"),
			// activities
			entry("activities", "activities"), entry("activity_attendees", "activities"),
			// audit
			entry("field_history", "audit"),
			// notifications (created in V17__adoption.sql, its first user)
			entry("notifications", "notifications"),
			// adoption
			entry("usage_events", "adoption"), entry("usage_daily", "adoption"), entry("usage_rollups", "adoption"),
			entry("adoption_sponsors", "adoption"), entry("adoption_settings", "adoption"),
			entry("adoption_scores", "adoption"), entry("adoption_alerts", "adoption"),
			// listviews
			entry("list_views", "listviews"), entry("list_view_defaults", "listviews"),
			// forecasting
			entry("forecast_quotas", "forecasting"), entry("forecast_quota_changes", "forecasting"),
			entry("pipeline_snapshots", "forecasting"), entry("pipeline_snapshot_deals", "forecasting"),
			entry("forecast_adjustments", "forecasting"), entry("forecast_submissions", "forecasting"),
			entry("pipeline_reviews", "forecasting"), entry("pipeline_review_attendees", "forecasting"),
			entry("pipeline_review_deals", "forecasting"),
			// imports
			entry("import_jobs", "imports"), entry("import_files", "imports"), entry("import_file_parts", "imports"),
			entry("import_rows", "imports"), entry("import_templates", "imports"),
			entry("import_value_mappings", "imports"),
			// dataquality
			entry("duplicate_pairs", "dataquality"), entry("quality_rules", "dataquality"),
			entry("quality_snapshots", "dataquality"), entry("quality_issues", "dataquality"),
			entry("quality_requests", "dataquality"), entry("quality_issue_counts", "dataquality"),
			// marketing: campaigns
			entry("campaigns", "marketing"), entry("campaign_costs", "marketing"),
			entry("campaign_members", "marketing"),
			// marketing: speed to lead
			entry("lead_response_targets", "marketing"), entry("lead_response_breaches", "marketing"),
			// marketing: lead assignment rules and log (V57)
			entry("lead_assignment_rules", "marketing"), entry("lead_assignments", "marketing"),
			// marketing: web-to-lead
			entry("web_lead_forms", "marketing"), entry("web_lead_submissions", "marketing"),
			entry("web_lead_rate_counters", "marketing"), entry("web_lead_refusals", "marketing"),
			// programme (issue 18): leads (V66)
			entry("programme_leads", "programme"),
			// programme: charter and steering committee (V67)
			entry("programme_charter_drafts", "programme"), entry("programme_charter_draft_roles", "programme"),
			entry("programme_charter_versions", "programme"), entry("programme_charter_version_roles", "programme"),
			entry("programme_charter_acceptances", "programme"), entry("programme_charter_dismissals", "programme"),
			entry("programme_committee_members", "programme"), entry("programme_committee_meetings", "programme"),
			entry("programme_committee_agenda_items", "programme"),
			entry("programme_committee_attendance", "programme"), entry("programme_committee_decisions", "programme"),
			entry("programme_committee_actions", "programme"),
			// programme (issue 18): pulse surveys; adoption: the privacy policy and the
			// export log (V71)
			entry("programme_surveys", "programme"), entry("programme_survey_invitations", "programme"),
			entry("programme_survey_answers", "programme"), entry("adoption_privacy_policy", "adoption"),
			entry("adoption_export_log", "adoption"),
			// programme (issue 18): rollout waves and champions (V69)
			entry("programme_waves", "programme"), entry("programme_wave_people", "programme"),
			entry("programme_wave_members", "programme"), entry("programme_wave_overrides", "programme"),
			entry("programme_champions", "programme"), entry("programme_champion_settings", "programme"),
			entry("programme_champion_flags", "programme"),
			// programme (issue 18): in-app guidance (V68)
			entry("programme_guidance_completions", "programme"), entry("programme_guidance_tours", "programme"),
			entry("programme_guidance_tour_steps", "programme"), entry("programme_guidance_tour_views", "programme"),
			entry("programme_guidance_missing_targets", "programme"), entry("programme_guidance_help", "programme"),
			// programme (issue 18): communications (V70)
			entry("programme_messages", "programme"), entry("programme_message_audiences", "programme"),
			entry("programme_message_deliveries", "programme"));

	/**
	 * Modules whose SQL may name every module's tables: the demo company and the data
	 * generators the benchmarks use (the benchmarks themselves are test code, which this
	 * check does not read).
	 */
	static final Set<String> GENERATORS = Set.of("demo");

	@Test
	void everyTableHasAnOwningModule() {
		Map<String, String> createdIn = tablesCreatedByMigrations();

		assertThat(createdIn.keySet()
			.stream()
			.filter(table -> !OWNERS.containsKey(table))
			.map(table -> table + " (created in " + createdIn.get(table) + "): add it to ModuleTablesTests.OWNERS"))
			.as("tables without an owning module")
			.isEmpty();
		assertThat(OWNERS.keySet().stream().filter(table -> !createdIn.containsKey(table)))
			.as("owned tables that no migration creates")
			.isEmpty();
		assertThat(OWNERS.values().stream().distinct().filter(module -> !Files.isDirectory(SOURCES.resolve(module))))
			.as("owners that are not modules")
			.isEmpty();
	}

	@Test
	void eachModulesSqlNamesOnlyItsOwnTables() {
		assertThat(violations(OWNERS, mainSources()))
			.as("SQL naming another module's tables (module"
					+ " -> table (owner) -> file:line); read them through the owning module's public API")
			.isEmpty();
	}

	@Test
	void reportsAModuleReadingAnotherModulesTable() {
		Map<String, String> sources = new LinkedHashMap<>();
		sources.put("activities/LinkedRecords.java", """
				class LinkedRecords {
					String names = "select id, name from opportunities where id in (:ids)";
					String own = "select * from activities join activity_attendees a on a.activity_id = id";
				}
				""");
		sources.put("sales/Opportunities.java", "class Opportunities { String s = \"select * from opportunities\"; }");
		sources.put("demo/DemoCompany.java", "class DemoCompany { String s = \"update users set x = 1\"; }");
		sources.put("adoption/Scores.java", """
				class Scores {
					String people = "select u.id from users u";
					String own = "select * from adoption_scores";
					String accounts = "select 1 from accounts";
				}
				""");

		List<String> found = violations(OWNERS, sources);

		assertThat(found).containsExactly("activities -> opportunities (sales) -> activities/LinkedRecords.java:2",
				"adoption -> users (identity) -> adoption/Scores.java:2",
				"adoption -> accounts (customers) -> adoption/Scores.java:4");
	}

	/**
	 * @param sources each file's text, by path below {@code dev/bellwether}, whose first
	 * segment is the module
	 * @return "module -> table (owner) -> file:line" for each foreign table named
	 */
	static List<String> violations(Map<String, String> owners, Map<String, String> sources) {
		List<String> found = new ArrayList<>();
		new TreeMap<>(sources).forEach((file, source) -> {
			int slash = file.indexOf('/');
			String module = (slash < 0) ? "" : file.substring(0, slash);
			if (GENERATORS.contains(module)) {
				return;
			}
			for (Reference ref : SqlTableReferences.in(source, owners.keySet())) {
				String owner = owners.get(ref.table());
				if (!owner.equals(module)) {
					found.add(module + " -> " + ref.table() + " (" + owner + ") -> " + file + ":" + ref.line());
				}
			}
		});
		return found;
	}

	private static Map<String, String> mainSources() {
		Map<String, String> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				sources.put(SOURCES.relativize(file).toString().replace('\\', '/'), Files.readString(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(sources).as("main sources under " + SOURCES.toAbsolutePath()).isNotEmpty();
		return sources;
	}

	private static Map<String, String> tablesCreatedByMigrations() {
		Map<String, String> createdIn = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
				SqlTableReferences.createdBy(Files.readString(file))
					.forEach(table -> createdIn.putIfAbsent(table, file.getFileName().toString()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(createdIn).as("tables created under " + MIGRATIONS.toAbsolutePath()).isNotEmpty();
		return createdIn;
	}

}
