package dev.bellwether.dataquality;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerQualityFacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.sales.DealQualityFacts;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The completeness rules: which fields count, per record type and, for deals, per
 * pipeline stage. Built-in defaults apply until a sales administrator or administrator
 * changes a rule (stored in {@code quality_rules}); resetting a rule brings its default
 * back.
 * <p>
 * Defaults: accounts count website, industry, phone, country and employees; contacts
 * e-mail, phone, title and account; deals in a stage below
 * {@value #LATE_STAGE_PROBABILITY} % probability count amount, next step and lead source,
 * from {@value #LATE_STAGE_PROBABILITY} % on also the primary contact.
 */
@Service
@Transactional(readOnly = true)
public class CompletenessRules {

	/** Deals in stages of at least this probability must name their contact. */
	public static final int LATE_STAGE_PROBABILITY = 50;

	static final List<String> ACCOUNT_DEFAULT = List.of("website", "industry", "phone", "country", "employees");

	static final List<String> CONTACT_DEFAULT = List.of("email", "phone", "title", "account");

	static final List<String> EARLY_DEAL_DEFAULT = List.of("amount", "nextStep", "leadSource");

	static final List<String> LATE_DEAL_DEFAULT = List.of("amount", "nextStep", "contact", "leadSource");

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("website", "Website"),
			Map.entry("industry", "Industry"), Map.entry("phone", "Phone"), Map.entry("street", "Street"),
			Map.entry("city", "City"), Map.entry("country", "Country"), Map.entry("employees", "Employees"),
			Map.entry("annualRevenue", "Annual revenue"), Map.entry("description", "Description"),
			Map.entry("parent", "Parent account"), Map.entry("firstName", "First name"), Map.entry("title", "Title"),
			Map.entry("email", "E-mail"), Map.entry("mobile", "Mobile"), Map.entry("account", "Account"),
			Map.entry("amount", "Amount"), Map.entry("nextStep", "Next step"), Map.entry("contact", "Primary contact"),
			Map.entry("leadSource", "Lead source"), Map.entry("competitor", "Competitor"));

	private final JdbcClient jdbc;

	private final PipelineStages stages;

	private final Clock clock;

	CompletenessRules(JdbcClient jdbc, PipelineStages stages, Clock clock) {
		this.jdbc = jdbc;
		this.stages = stages;
		this.clock = clock;
	}

	/**
	 * @return the fields a rule for the record type may count, in order
	 */
	public static List<String> fieldsOf(String recordType) {
		return switch (recordType) {
			case Accounts.RECORD_TYPE -> CustomerQualityFacts.ACCOUNT_FIELDS;
			case Contacts.RECORD_TYPE -> CustomerQualityFacts.CONTACT_FIELDS;
			case Opportunities.RECORD_TYPE -> DealQualityFacts.FIELDS;
			default -> throw new InvalidInputException("recordType", "Choose account, contact or opportunity.");
		};
	}

	/**
	 * @return the field's name in the records' inline edit, {@code null} for a field
	 * changed on the edit page only (a street, a parent account, a contact's account, a
	 * deal's contact or competitor)
	 */
	public static String inlineField(String recordType, String field) {
		return switch (recordType + "." + field) {
			case "account.website", "account.industry", "account.phone", "account.country", "account.employees",
					"account.annualRevenue", "account.description", "contact.firstName", "contact.title",
					"contact.email", "contact.phone", "contact.mobile", "opportunity.amount", "opportunity.nextStep",
					"opportunity.leadSource", "opportunity.description" ->
				field;
			case "account.city" -> "billingCity";
			default -> null;
		};
	}

	/** A field's name as people read it. */
	public static String label(String field) {
		return LABELS.getOrDefault(field, field);
	}

	/**
	 * The built-in deal rule for a stage of this probability.
	 */
	static List<String> defaultDealFields(int probability) {
		return probability >= LATE_STAGE_PROBABILITY ? LATE_DEAL_DEFAULT : EARLY_DEAL_DEFAULT;
	}

	/**
	 * @return every rule in force: accounts, contacts, then a deal rule per open stage in
	 * pipeline order (retired stages included while deals may still be in them)
	 */
	public List<CompletenessRule> all() {
		Map<String, List<String>> stored = stored();
		List<CompletenessRule> rules = new ArrayList<>();
		rules.add(rule(Accounts.RECORD_TYPE, null, null, stored, ACCOUNT_DEFAULT));
		rules.add(rule(Contacts.RECORD_TYPE, null, null, stored, CONTACT_DEFAULT));
		for (PipelineStage stage : this.stages.all()) {
			if (stage.isOpen()) {
				rules.add(rule(Opportunities.RECORD_TYPE, stage.id(), stage.name(), stored,
						defaultDealFields(stage.probability())));
			}
		}
		return rules;
	}

	/**
	 * The rules as the measurement applies them.
	 */
	RuleSet ruleSet() {
		List<String> account = List.of();
		List<String> contact = List.of();
		Map<UUID, List<String>> deals = new HashMap<>();
		for (CompletenessRule rule : all()) {
			switch (rule.recordType()) {
				case Accounts.RECORD_TYPE -> account = rule.fields();
				case Contacts.RECORD_TYPE -> contact = rule.fields();
				default -> deals.put(rule.stageId(), rule.fields());
			}
		}
		return new RuleSet(account, contact, deals);
	}

	/**
	 * Sets which fields a rule counts.
	 * @param stageId the deal stage, {@code null} for accounts and contacts
	 * @throws ForbiddenException unless the viewer is a sales administrator or
	 * administrator
	 * @throws InvalidInputException for a field the record type does not have
	 */
	@Transactional
	public CompletenessRule save(Viewer viewer, String recordType, UUID stageId, Collection<String> fields) {
		requireEditor(viewer);
		List<String> allowed = fieldsOf(recordType);
		Set<String> chosen = new LinkedHashSet<>(fields);
		for (String field : chosen) {
			if (!allowed.contains(field)) {
				throw new InvalidInputException("fields",
						"'" + field + "' is not a field of a " + recordType + "; choose from " + allowed + ".");
			}
		}
		UUID stage = checkedStage(recordType, stageId);
		List<String> ordered = allowed.stream().filter(chosen::contains).toList();
		Instant now = this.clock.instant();
		// one rule per record type and stage (a unique index): the old one goes
		this.jdbc.sql(
				"delete from quality_rules where record_type = :type and stage_id is not distinct from cast(:stage as uuid)")
			.param("type", recordType)
			.param("stage", stage)
			.update();
		this.jdbc.sql("""
				insert into quality_rules (id, record_type, stage_id, fields, created_at, created_by, updated_at,
				  updated_by, version)
				values (:id, :type, :stage, cast(:fields as text[]), :now, :actor, :now, :actor, 0)
				""")
			.param("id", Ids.newId())
			.param("type", recordType)
			.param("stage", stage)
			.param("fields", SqlArrays.of(ordered))
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update();
		return find(recordType, stage);
	}

	/**
	 * Brings a rule's built-in default back.
	 */
	@Transactional
	public CompletenessRule reset(Viewer viewer, String recordType, UUID stageId) {
		requireEditor(viewer);
		UUID stage = checkedStage(recordType, stageId);
		this.jdbc.sql(
				"delete from quality_rules where record_type = :type and stage_id is not distinct from cast(:stage as uuid)")
			.param("type", recordType)
			.param("stage", stage)
			.update();
		return find(recordType, stage);
	}

	public static boolean canEdit(Viewer viewer) {
		return viewer.isAdmin() || viewer.is(Role.SALES_ADMIN);
	}

	private CompletenessRule find(String recordType, UUID stageId) {
		return all().stream()
			.filter(rule -> rule.recordType().equals(recordType) && java.util.Objects.equals(rule.stageId(), stageId))
			.findFirst()
			.orElseThrow();
	}

	private UUID checkedStage(String recordType, UUID stageId) {
		fieldsOf(recordType);
		if (!Opportunities.RECORD_TYPE.equals(recordType)) {
			return null;
		}
		PipelineStage stage = stageId == null ? null : this.stages.find(stageId).orElse(null);
		if (stage == null || !stage.isOpen()) {
			throw new InvalidInputException("stageId", "Deal rules are per open pipeline stage: choose one.");
		}
		return stage.id();
	}

	private static void requireEditor(Viewer viewer) {
		if (!canEdit(viewer)) {
			throw new ForbiddenException("Completeness rules are set by sales administrators and administrators.");
		}
	}

	private Map<String, List<String>> stored() {
		Map<String, List<String>> stored = new HashMap<>();
		this.jdbc.sql("select record_type, stage_id, fields from quality_rules").query(rs -> {
			String[] fields = (String[]) rs.getArray("fields").getArray();
			stored.put(key(rs.getString("record_type"), rs.getObject("stage_id", UUID.class)), List.of(fields));
		});
		return stored;
	}

	private static CompletenessRule rule(String recordType, UUID stageId, String stageName,
			Map<String, List<String>> stored, List<String> defaults) {
		List<String> fields = stored.get(key(recordType, stageId));
		return new CompletenessRule(recordType, stageId, stageName, fields == null ? defaults : fields, fields == null);
	}

	private static String key(String recordType, UUID stageId) {
		return recordType + "/" + stageId;
	}

	/**
	 * The rules in force, as the measurement applies them.
	 *
	 * @param deals by stage; a stage without a rule (added since) takes the early-stage
	 * default
	 */
	record RuleSet(List<String> account, List<String> contact, Map<UUID, List<String>> deals) {

		List<String> deal(UUID stageId) {
			return this.deals.getOrDefault(stageId, EARLY_DEAL_DEFAULT);
		}

	}

}
