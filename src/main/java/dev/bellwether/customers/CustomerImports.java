package dev.bellwether.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.Text;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomValues;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Many new accounts or contacts at once, for an import: each checked by the rules one a
 * person creates meets (pick lists, owner, parent or account, custom fields), the valid
 * ones written in one batch with their import and old id, and one event for them all — a
 * few statements for a chunk rather than a handful for each record.
 */
@Service
public class CustomerImports {

	private final Accounts accounts;

	private final CustomerLookups lookups;

	private final RecordOwners owners;

	private final InputValidation validation;

	private final CustomFields customFields;

	private final NamedParameterJdbcTemplate batch;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CustomerImports(Accounts accounts, CustomerLookups lookups, RecordOwners owners, InputValidation validation,
			CustomFields customFields, NamedParameterJdbcTemplate batch, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.lookups = lookups;
		this.owners = owners;
		this.validation = validation;
		this.customFields = customFields;
		this.batch = batch;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Brings the planner's statistics of accounts and contacts up to date as an import
	 * piles rows into them (see {@code sales.DealImports#refreshStatistics}).
	 */
	public void refreshStatistics() {
		dev.bellwether.platform.db.Statistics.refresh(this.batch.getJdbcTemplate(), "accounts", "contacts");
	}

	/**
	 * A record an import brings in.
	 *
	 * @param custom custom field values by key, as a file writes them, or {@code null}
	 */
	public record Imported<D>(D details, Map<String, ?> custom, ImportOrigin origin) {
	}

	/** What became of one record: created (its id), or refused (why, by field). */
	public record Result(UUID id, Map<String, String> errors) {

		public boolean created() {
			return this.id != null;
		}

	}

	/**
	 * Creates the valid accounts; refuses the others, saying why.
	 * @return one result per account, in order
	 */
	@Transactional
	public List<Result> createAccounts(Viewer viewer, List<Imported<AccountDetails>> rows) {
		Set<UUID> parents = this.lookups.existingAccounts(rows.stream().map(r -> r.details().parentId()).toList());
		Owners owners = new Owners(viewer, Accounts.ACCESS, "accounts");
		return write(viewer, Accounts.RECORD_TYPE, Accounts.INSERT, rows, (row, errors) -> {
			if (row.details().parentId() != null && !parents.contains(row.details().parentId())) {
				errors.putIfAbsent("parentId", "There is no account with id " + row.details().parentId() + ".");
			}
			owners.check(row.details().ownerId(), errors);
		}, row -> {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			AccountDetails details = this.accounts.withListValues(row.details(), null, errors);
			return new Checked<>(details, errors, Accounts.columns(details));
		});
	}

	/**
	 * Creates the valid contacts; refuses the others, saying why.
	 * @return one result per contact, in order
	 */
	@Transactional
	public List<Result> createContacts(Viewer viewer, List<Imported<ContactDetails>> rows) {
		Set<UUID> accounts = this.lookups.existingAccounts(rows.stream().map(r -> r.details().accountId()).toList());
		Owners owners = new Owners(viewer, Contacts.ACCESS, "contacts");
		return write(viewer, Contacts.RECORD_TYPE, Contacts.INSERT, rows, (row, errors) -> {
			if (row.details().accountId() != null && !accounts.contains(row.details().accountId())) {
				errors.putIfAbsent("accountId", "There is no account with id " + row.details().accountId() + ".");
			}
			owners.check(row.details().ownerId(), errors);
		}, row -> new Checked<>(row.details(), new java.util.LinkedHashMap<>(), Contacts.columns(row.details())));
	}

	/** A record's details as stored, the errors found so far, and its columns. */
	private record Checked<D>(D details, Map<String, String> errors, Map<String, Object> columns) {
	}

	private <D> List<Result> write(Viewer viewer, String recordType, String insert, List<Imported<D>> rows,
			BiConsumer<Imported<D>, Map<String, String>> checks,
			java.util.function.Function<Imported<D>, Checked<D>> stored) {
		Instant now = this.clock.instant();
		List<Result> results = new ArrayList<>(rows.size());
		List<MapSqlParameterSource> inserts = new ArrayList<>();
		List<MapSqlParameterSource> custom = new ArrayList<>();
		List<RecordChanged> created = new ArrayList<>();
		for (Imported<D> row : rows) {
			Checked<D> checked = stored.apply(row);
			Map<String, String> errors = checked.errors();
			this.validation.violations(checked.details()).forEach(errors::putIfAbsent);
			CustomValues values = this.customFields.apply(recordType, CustomValues.NONE, row.custom(),
					CustomFields.REQUIRED_ALWAYS, errors);
			checks.accept(row, errors);
			if (!errors.isEmpty()) {
				results.add(new Result(null, errors));
				continue;
			}
			UUID id = Ids.newId();
			ImportOrigin origin = row.origin();
			inserts.add(new MapSqlParameterSource(checked.columns()).addValue("id", id)
				.addValue("now", utc(now))
				.addValue("createdAt", utc(origin.createdAt(now)))
				.addValue("importId", origin.importId())
				.addValue("externalId", Text.blankToNull(origin.externalId()))
				.addValue("actor", viewer.id()));
			if (!values.equals(CustomValues.NONE)) {
				custom.add(new MapSqlParameterSource().addValue("id", id)
					.addValue("custom", values.json())
					.addValue("text", this.customFields.searchText(recordType, values)));
			}
			created.add(new RecordChanged(recordType, id, ChangeKind.CREATED, viewer.id(), now, List.of(),
					origin.importId()));
			results.add(new Result(id, Map.of()));
		}
		if (!inserts.isEmpty()) {
			this.batch.batchUpdate(insert, inserts.toArray(MapSqlParameterSource[]::new));
			if (!custom.isEmpty()) {
				String table = Accounts.RECORD_TYPE.equals(recordType) ? "accounts" : "contacts";
				this.batch.batchUpdate(
						"update " + table + " set custom = cast(:custom as jsonb), custom_text = :text where id = :id",
						custom.toArray(MapSqlParameterSource[]::new));
			}
			this.events.publishEvent(new RecordsChanged(created));
		}
		return results;
	}

	/**
	 * The owners of a chunk, each looked up and checked once.
	 */
	private final class Owners {

		private final Viewer viewer;

		private final AccessPolicy policy;

		private final String what;

		private final Map<UUID, String> refusals = new HashMap<>();

		Owners(Viewer viewer, AccessPolicy policy, String what) {
			this.viewer = viewer;
			this.policy = policy;
			this.what = what;
		}

		void check(UUID ownerId, Map<String, String> errors) {
			if (ownerId == null) {
				return;
			}
			String refused = this.refusals.computeIfAbsent(ownerId, this::refusal);
			if (!refused.isEmpty()) {
				errors.putIfAbsent("ownerId", refused);
			}
		}

		private String refusal(UUID ownerId) {
			return CustomerImports.this.owners.refusal(this.viewer, this.policy, ownerId, this.what).orElse("");
		}

	}

}
