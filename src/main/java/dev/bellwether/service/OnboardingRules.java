package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.sales.Products;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The onboarding rules (table {@code onboarding_rules}), which administrators keep: when
 * a deal is won, the first enabled rule in order whose minimum amount and product the
 * deal meets opens an onboarding case for its account ({@link Onboarding}).
 */
@Service
@Transactional(readOnly = true)
public class OnboardingRules {

	public static final String RECORD_TYPE = "onboarding rule";

	/** The subject of a rule's cases unless the administrator writes another. */
	public static final String DEFAULT_SUBJECT = "Onboarding: {deal}";

	static final int MAX_NAME = 80;

	static final int MAX_SUBJECT = 200;

	private final JdbcClient jdbc;

	private final CaseQueues queues;

	private final Products products;

	private final java.time.Clock clock;

	OnboardingRules(JdbcClient jdbc, CaseQueues queues, Products products, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.queues = queues;
		this.products = products;
		this.clock = clock;
	}

	public static boolean canEdit(Viewer viewer) {
		return viewer.isAdmin();
	}

	/**
	 * @return every rule, in the order they are tried
	 */
	public List<OnboardingRule> list(Viewer viewer) {
		requireEditor(viewer);
		return all();
	}

	/**
	 * @return every rule in the order they are tried, for the listener (system use)
	 */
	List<OnboardingRule> all() {
		return this.jdbc.sql("select * from onboarding_rules order by position, id").query(OnboardingRules::map).list();
	}

	public OnboardingRule get(Viewer viewer, UUID id) {
		requireEditor(viewer);
		return this.jdbc.sql("select * from onboarding_rules where id = :id")
			.param("id", id)
			.query(OnboardingRules::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/**
	 * @throws InvalidInputException naming each wrong field ({@code name},
	 * {@code minimumAmount}, {@code productId}, {@code queueId}, {@code subjectTemplate})
	 */
	@Transactional
	public OnboardingRule create(Viewer viewer, OnboardingRuleDetails details) {
		requireEditor(viewer);
		OnboardingRuleDetails valid = validate(details, null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		save(() -> this.jdbc
			.sql("""
					insert into onboarding_rules (id, name, position, enabled, minimum_amount, product_id, queue_id, priority,
					  subject_template, created_at, created_by, updated_at, updated_by, version)
					values (:id, :name, (select coalesce(max(position), 0) + 1 from onboarding_rules), :enabled, :minimum,
					  :product, :queue, :priority, :subject, :now, :actor, :now, :actor, 0)
					""")
			.param("id", id)
			.params(columns(valid))
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update());
		return get(viewer, id);
	}

	/**
	 * @throws dev.bellwether.platform.StaleRecordException when it changed since the
	 * version read
	 */
	@Transactional
	public OnboardingRule update(Viewer viewer, UUID id, long expectedVersion, OnboardingRuleDetails details) {
		OnboardingRule before = get(viewer, id);
		OnboardingRuleDetails valid = validate(details, id);
		VersionedUpdate update = new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		save(() -> update.run(this.jdbc.sql("""
				update onboarding_rules set name = :name, enabled = :enabled, minimum_amount = :minimum,
				  product_id = :product, queue_id = :queue, priority = :priority, subject_template = :subject,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""").params(columns(valid)), viewer.id(), this.clock.instant()));
		return get(viewer, id);
	}

	@Transactional
	public void delete(Viewer viewer, UUID id) {
		get(viewer, id);
		this.jdbc.sql("delete from onboarding_rules where id = :id").param("id", id).update();
	}

	/**
	 * @return the first enabled rule the deal meets, if any
	 * @param amount the deal's amount ({@code null} counts as zero)
	 * @param productIds the products on the deal's line items
	 */
	Optional<OnboardingRule> matching(BigDecimal amount, java.util.Collection<UUID> productIds) {
		BigDecimal worth = amount == null ? BigDecimal.ZERO : amount;
		return all().stream()
			.filter(OnboardingRule::enabled)
			.filter(rule -> rule.minimumAmount() == null || worth.compareTo(rule.minimumAmount()) >= 0)
			.filter(rule -> rule.productId() == null || productIds.contains(rule.productId()))
			.findFirst();
	}

	private OnboardingRuleDetails validate(OnboardingRuleDetails details, UUID id) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = details.name() == null ? "" : details.name().trim();
		if (name.isEmpty()) {
			errors.put("name", "Name the rule, e.g. New customers.");
		}
		else if (name.length() > MAX_NAME) {
			errors.put("name", "Keep the name to " + MAX_NAME + " characters.");
		}
		else if (this.jdbc.sql("select count(*) from onboarding_rules where lower(name) = lower(:name) and id <> :id")
			.param("name", name)
			.param("id", id != null ? id : Ids.newId())
			.query(Long.class)
			.single() > 0) {
			errors.put("name", "Another rule is called " + name + ".");
		}
		if (details.minimumAmount() != null && details.minimumAmount().signum() < 0) {
			errors.put("minimumAmount", "The minimum amount can't be negative.");
		}
		else if (details.minimumAmount() != null && (details.minimumAmount().scale() > 2
				|| details.minimumAmount().precision() - details.minimumAmount().scale() > 17)) {
			errors.put("minimumAmount", "The minimum amount can have at most 17 digits and 2 decimals.");
		}
		if (details.productId() != null && this.products.find(details.productId()).isEmpty()) {
			errors.put("productId", "There is no product with id " + details.productId() + ".");
		}
		if (details.queueId() == null) {
			errors.put("queueId", "Choose the queue the onboarding cases go to.");
		}
		else if (this.queues.find(details.queueId()).isEmpty()) {
			errors.put("queueId", "There is no queue with id " + details.queueId() + ".");
		}
		String subject = details.subjectTemplate() == null || details.subjectTemplate().isBlank() ? DEFAULT_SUBJECT
				: details.subjectTemplate().trim();
		if (subject.length() > MAX_SUBJECT) {
			errors.put("subjectTemplate", "Keep the subject to " + MAX_SUBJECT + " characters.");
		}
		InputValidation.throwIfAny(errors);
		return new OnboardingRuleDetails(name, details.enabled(), details.minimumAmount(), details.productId(),
				details.queueId(), details.priority() == null ? CasePriority.NORMAL : details.priority(), subject);
	}

	private static Map<String, Object> columns(OnboardingRuleDetails valid) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("name", valid.name());
		columns.put("enabled", valid.enabled());
		columns.put("minimum", valid.minimumAmount());
		columns.put("product", valid.productId());
		columns.put("queue", valid.queueId());
		columns.put("priority", valid.priority().name());
		columns.put("subject", valid.subjectTemplate());
		return columns;
	}

	private static void save(Runnable write) {
		try {
			write.run();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "Another rule has this name.");
		}
	}

	private static void requireEditor(Viewer viewer) {
		if (!canEdit(viewer)) {
			throw new ForbiddenException("Only administrators keep the onboarding rules.");
		}
	}

	private static OnboardingRule map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new OnboardingRule(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"),
				rs.getBoolean("enabled"), rs.getBigDecimal("minimum_amount"), rs.getObject("product_id", UUID.class),
				rs.getObject("queue_id", UUID.class), CasePriority.valueOf(rs.getString("priority")),
				rs.getString("subject_template"), rs.getLong("version"));
	}

}
