package dev.bellwether.sales;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.db.ExternalIds;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.web.PageRequests;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.contains;
import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;
import static dev.bellwether.platform.Text.blankToNull;
import static dev.bellwether.platform.Text.trim;

/**
 * The product catalogue: everyone reads it, administrators and sales administrators keep
 * it. Products are deactivated rather than deleted, so deals keep their line items.
 */
@Service
@Transactional(readOnly = true)
public class Products {

	public static final String RECORD_TYPE = "product";

	private static final Map<String, String> SORTABLE = Map.of("code", "lower(p.code)", "name", "lower(p.name)",
			"listPrice", "p.list_price", "updatedAt", "p.updated_at");

	private static final PagedQuery PAGED = new PagedQuery("select p.* from products p", "from products p");

	private final JdbcClient jdbc;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String currency;

	Products(JdbcClient jdbc, InputValidation validation, ApplicationEventPublisher events, Clock clock,
			@Value("${bellwether.sales.currency:USD}") String currency) {
		this.jdbc = jdbc;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
		this.currency = currency;
	}

	public boolean canManage(Viewer viewer) {
		return viewer.is(Role.ADMIN) || viewer.is(Role.SALES_ADMIN);
	}

	/**
	 * @param query part of the code or name
	 * @param active only active (true) or inactive (false) products, or both (null)
	 */
	public Page<Product> list(String query, Boolean active, Pageable pageable) {
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		terms.add("true");
		if (StringUtils.hasText(query)) {
			terms.add("(lower(p.name) like :q or lower(p.code) like :q)");
			params.put("q", contains(query));
		}
		if (active != null) {
			terms.add("p.active = :active");
			params.put("active", active);
		}
		String order = PageRequests.orderBy(pageable.getSort(), SORTABLE, RECORD_TYPE, "lower(p.name)", "p.id");
		return PAGED.fetch(this.jdbc, String.join(" and ", terms), params, order, pageable, Products::map);
	}

	/**
	 * @return the active products by name, for choosing one for a line item
	 */
	public List<Product> active() {
		return this.jdbc.sql("select p.* from products p where p.active order by lower(p.name), p.id")
			.query(Products::map)
			.list();
	}

	public Optional<Product> find(UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select p.* from products p where p.id = :id")
			.param("id", id)
			.query(Products::map)
			.optional();
	}

	public Product get(UUID id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	@Transactional
	public Product create(Viewer viewer, ProductDetails details) {
		return create(viewer, details, null);
	}

	/**
	 * @param origin the import that brings the product in (kept with its old id), or
	 * {@code null}
	 */
	@Transactional
	public Product create(Viewer viewer, ProductDetails details, ImportOrigin origin) {
		requireManager(viewer);
		validate(null, details);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into products (id, code, name, description, list_price, currency, active, created_at,
				  created_by, updated_at, updated_by, version, import_id, external_id)
				values (:id, :code, :name, :description, :listPrice, :currency, :active, :now, :actor, :now, :actor, 0,
				  :importId, :externalId)
				""")
			.params(columns(details))
			.param("id", id)
			.param("currency", this.currency)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("importId", origin == null ? null : origin.importId())
			.param("externalId", origin == null ? null : origin.externalId())
			.update();
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, viewer.id(), now,
				diff(null, details), origin == null ? null : origin.importId()));
		return get(id);
	}

	/**
	 * Takes out a product an import created, unless it changed since or a deal has it (an
	 * undo).
	 * @return why it is kept, or {@code null} when it was taken out
	 */
	@Transactional
	public String deleteIfUnused(Viewer viewer, UUID id, long version, UUID importId) {
		requireManager(viewer);
		get(id);
		boolean used = this.jdbc.sql("select exists (select 1 from opportunity_line_items where product_id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
		if (used) {
			return "Deals have this product now; kept as it is.";
		}
		int deleted = this.jdbc.sql("delete from products where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update();
		if (deleted == 0) {
			return "Changed since the import; kept as it is.";
		}
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.DELETED, viewer.id(),
				this.clock.instant(), List.of(), importId));
		return null;
	}

	/**
	 * @return the products with these old ids, by old id
	 */
	public Map<String, UUID> idsByExternalId(Collection<String> externalIds) {
		return ExternalIds.find(this.jdbc,
				"select external_id, id from products where external_id = any(cast(:keys as text[]))", externalIds);
	}

	/**
	 * @return every product, active or not (a catalogue is hundreds or thousands of
	 * products: an import matches them all in memory)
	 */
	public List<Product> all() {
		return this.jdbc.sql("select p.* from products p order by lower(p.name), p.id").query(Products::map).list();
	}

	@Transactional
	public Product update(Viewer viewer, UUID id, long expectedVersion, ProductDetails details) {
		return update(viewer, id, expectedVersion, details, null);
	}

	/**
	 * @param importId the import that makes the change, or {@code null}
	 */
	@Transactional
	public Product update(Viewer viewer, UUID id, long expectedVersion, ProductDetails details, UUID importId) {
		requireManager(viewer);
		Product before = get(id);
		validate(id, details);
		Instant now = this.clock.instant();
		new VersionedUpdate(RECORD_TYPE, id, expectedVersion).run(this.jdbc.sql("""
				update products set code = :code, name = :name, description = :description, list_price = :listPrice,
				  active = :active, updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version
				""").params(columns(details)), viewer.id(), now);
		List<FieldChange> changes = diff(before.details(), details);
		if (!changes.isEmpty()) {
			this.events.publishEvent(
					new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, viewer.id(), now, changes, importId));
		}
		return get(id);
	}

	private void requireManager(Viewer viewer) {
		if (!canManage(viewer)) {
			throw new ForbiddenException("Only administrators and sales administrators can change the catalogue.");
		}
	}

	private void validate(UUID id, ProductDetails details) {
		Map<String, String> errors = this.validation.violations(details);
		if (StringUtils.hasText(details.code())) {
			long clash = this.jdbc.sql("select count(*) from products where lower(code) = lower(:code) and id <> :id")
				.param("code", details.code().trim())
				.param("id", id == null ? new UUID(0, 0) : id)
				.query(Long.class)
				.single();
			if (clash > 0) {
				errors.putIfAbsent("code", "Another product has the code " + details.code().trim() + ".");
			}
		}
		InputValidation.throwIfAny(errors);
	}

	private static Map<String, Object> columns(ProductDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("code", details.code().trim());
		columns.put("name", details.name().trim());
		columns.put("description", blankToNull(details.description()));
		columns.put("listPrice", details.listPrice());
		columns.put("active", details.active());
		return columns;
	}

	private static List<FieldChange> diff(ProductDetails before, ProductDetails after) {
		return new FieldChange.Diff().compare("code", before == null ? null : before.code(), trim(after.code()))
			.compare("name", before == null ? null : before.name(), trim(after.name()))
			.compare("description", before == null ? null : before.description(), blankToNull(after.description()))
			.compare("listPrice", before == null ? null : before.listPrice(), after.listPrice())
			.compare("active", before == null ? null : before.active(), after.active())
			.changes();
	}

	static Product map(ResultSet rs, int row) throws SQLException {
		return new Product(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("description"), rs.getBigDecimal("list_price"), rs.getString("currency"),
				rs.getBoolean("active"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
	}

}
