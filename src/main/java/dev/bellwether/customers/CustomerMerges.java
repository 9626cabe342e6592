package dev.bellwether.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.edit.EditedRecord;
import dev.bellwether.platform.edit.VersionedRecords;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Merges two accounts or two contacts into one, and undoes a merge.
 * <p>
 * A merge is one transaction: the survivor takes the chosen field values (an ordinary,
 * versioned update with its field history); the loser's contacts and child accounts move
 * to the survivor; other modules move their own records (deals, activities) on
 * {@link AccountsMerged} / {@link ContactsMerged} and report them with
 * {@link MergedRecordsMoved}; the loser goes to the recycle bin pointing at the survivor
 * ({@code merged_into}). Every move is kept in {@code merge_moves} with the version it
 * left the record at, so that an undo moves back exactly what moved and is still as the
 * merge left it, and lists the rest rather than overwrite later work.
 * <p>
 * Rights: the user must be able to change both records (their owners, the owners'
 * managers, sales administrators and administrators).
 */
@Service
@Transactional(readOnly = true)
public class CustomerMerges {

	/** The account fields a merge chooses between, in the order a form shows them. */
	public static final List<String> ACCOUNT_FIELDS = List.of("name", "website", "industry", "phone", "billingStreet",
			"billingCity", "billingState", "billingPostalCode", "country", "employees", "annualRevenue", "parentId",
			"ownerId", "description");

	/** The contact fields a merge chooses between. */
	public static final List<String> CONTACT_FIELDS = List.of("firstName", "lastName", "title", "email", "phone",
			"mobile", "accountId", "ownerId");

	private static final String MERGE_RECORD = "merge";

	// the survivor's fields back from the row as it was before the merge
	private static final String RESTORE_ACCOUNT = """
			update accounts a set name = s.name, website = s.website, domain = s.domain, industry = s.industry,
			  phone = s.phone, billing_street = s.billing_street, billing_city = s.billing_city,
			  billing_state = s.billing_state, billing_postal_code = s.billing_postal_code, country = s.country,
			  employees = s.employees, annual_revenue = s.annual_revenue, parent_id = s.parent_id,
			  owner_id = s.owner_id, description = s.description, updated_at = :now, updated_by = :actor,
			  version = a.version + 1
			from jsonb_populate_record(null::accounts, cast(:before as jsonb)) as s
			where a.id = :id and a.version = :version and a.deleted_at is null
			""";

	private static final String RESTORE_CONTACT = """
			update contacts c set first_name = s.first_name, last_name = s.last_name, title = s.title,
			  email = s.email, phone = s.phone, mobile = s.mobile, account_id = s.account_id, owner_id = s.owner_id,
			  updated_at = :now, updated_by = :actor, version = c.version + 1
			from jsonb_populate_record(null::contacts, cast(:before as jsonb)) as s
			where c.id = :id and c.version = :version and c.deleted_at is null
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Accounts accounts;

	private final Contacts contacts;

	private final RecordVisibility visibility;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MergedReferences references;

	CustomerMerges(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Accounts accounts, Contacts contacts,
			RecordVisibility visibility, ApplicationEventPublisher events, Clock clock, MergedReferences references) {
		this.references = references;
		this.jdbc = jdbc;
		this.batch = batch;
		this.accounts = accounts;
		this.contacts = contacts;
		this.visibility = visibility;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Merges the loser account into the survivor.
	 * @throws RecordNotFoundException when either is not there (or not the user's to see)
	 * @throws dev.bellwether.platform.ForbiddenException when the user may not change
	 * both
	 * @throws dev.bellwether.platform.StaleRecordException when either is no longer at
	 * the version the choice was made on
	 */
	@Transactional
	public MergeResult mergeAccounts(Viewer viewer, MergeRequest request) {
		return merge(viewer, request,
				new Kind<>(Accounts.RECORD_TYPE, "accounts", Accounts.ACCESS, ACCOUNT_FIELDS, this.accounts,
						Account::ownerId, CustomerMerges::mergedAccount, this::moveContactsAndChildAccounts,
						AccountsMerged::new));
	}

	/**
	 * Merges the loser contact into the survivor; see
	 * {@link #mergeAccounts(Viewer, MergeRequest)}.
	 */
	@Transactional
	public MergeResult mergeContacts(Viewer viewer, MergeRequest request) {
		return merge(viewer, request,
				new Kind<>(Contacts.RECORD_TYPE, "contacts", Contacts.ACCESS, CONTACT_FIELDS, this.contacts,
						Contact::ownerId, (s, l, fields) -> merged(s.details(), l.details(), fields),
						(loserId, survivorId, actorId, now) -> List.of(), ContactsMerged::new));
	}

	/**
	 * What merging two accounts and merging two contacts differ in.
	 *
	 * @param table the records' table (one of customers' own, never input)
	 * @param merged the survivor's details after the merge, from the fields chosen
	 * @param ownMoves moves customers' own records from the loser to the survivor
	 * @param event the event other modules move their records on
	 */
	private record Kind<R extends EditedRecord<D>, D extends Record>(String recordType, String table,
			AccessPolicy access, List<String> fields, VersionedRecords<Viewer, R, D> records, Function<R, UUID> owner,
			MergedDetails<R, D> merged, OwnMoves ownMoves, MergeEvent event) {
	}

	@FunctionalInterface
	private interface MergedDetails<R, D> {

		D of(R survivor, R loser, Map<String, MergeSide> fields);

	}

	@FunctionalInterface
	private interface OwnMoves {

		List<MergeMove> move(UUID loserId, UUID survivorId, UUID actorId, Instant now);

	}

	@FunctionalInterface
	private interface MergeEvent {

		Object of(UUID mergeId, UUID loserId, UUID survivorId, UUID actorId, Instant at);

	}

	private <R extends EditedRecord<D>, D extends Record> MergeResult merge(Viewer viewer, MergeRequest request,
			Kind<R, D> kind) {
		requireTwo(request, kind.recordType(), kind.fields());
		R survivor = kind.records().get(viewer, request.survivorId());
		R loser = kind.records().get(viewer, request.loserId());
		this.visibility.requireEdit(viewer, kind.access(), kind.owner().apply(survivor));
		this.visibility.requireEdit(viewer, kind.access(), kind.owner().apply(loser));
		new VersionedUpdate(kind.recordType(), survivor.id(), request.survivorVersion()).requireAt(survivor.version());
		VersionedUpdate loserSave = new VersionedUpdate(kind.recordType(), loser.id(), request.loserVersion())
			.requireAt(loser.version());

		D merged = kind.merged().of(survivor, loser, request.fields());
		String before = this.jdbc.sql("select cast(to_jsonb(r) as text) from " + kind.table() + " r where r.id = :id")
			.param("id", survivor.id())
			.query(String.class)
			.single();
		R after = kind.records().update(viewer, survivor.id(), request.survivorVersion(), merged);
		Instant now = this.clock.instant();
		UUID mergeId = Ids.newId();
		insertMerge(mergeId, kind.recordType(), survivor.id(), loser.id(), before, after.version(), viewer.id(), now);
		recordMoves(mergeId, kind.ownMoves().move(loser.id(), survivor.id(), viewer.id(), now));
		this.events.publishEvent(kind.event().of(mergeId, loser.id(), survivor.id(), viewer.id(), now));

		loserSave.run(this.jdbc.sql("update " + kind.table() + """
				 set deleted_at = :now, deleted_by = :actor, merged_into = :survivor, version = version + 1
				where id = :id and version = :version and deleted_at is null
				""").param("survivor", survivor.id()), viewer.id(), now);
		publishMergedAway(kind.recordType(), loser.id(), survivor.id(), viewer.id(), now);
		return finish(mergeId, kind.recordType(), survivor.id(), loser.id(), after.version(),
				request.loserVersion() + 1);
	}

	/**
	 * The survivor's details after the merge; when the survivor was the loser's child (or
	 * the other way round), it takes the loser's place in the hierarchy.
	 */
	private static AccountDetails mergedAccount(Account survivor, Account loser, Map<String, MergeSide> fields) {
		AccountDetails merged = merged(survivor.details(), loser.details(), fields);
		if (!loser.id().equals(merged.parentId()) && !survivor.id().equals(merged.parentId())) {
			return merged;
		}
		UUID parent = survivor.id().equals(loser.parentId()) ? null : loser.parentId();
		return new AccountDetails(merged.name(), merged.website(), merged.industry(), merged.phone(),
				merged.billingStreet(), merged.billingCity(), merged.billingState(), merged.billingPostalCode(),
				merged.country(), merged.employees(), merged.annualRevenue(), parent, merged.ownerId(),
				merged.description());
	}

	/** An account merge's own moves: the loser's contacts and child accounts. */
	private List<MergeMove> moveContactsAndChildAccounts(UUID loserId, UUID survivorId, UUID actorId, Instant now) {
		List<MergeMove> moves = new ArrayList<>(this.references.move(Contacts.RECORD_TYPE, "accountId",
				this.jdbc.sql(MergedReferences.MOVE.formatted("contacts", "account_id")), loserId, survivorId, actorId,
				now));
		moves.addAll(this.references.move(Accounts.RECORD_TYPE, "parentId",
				this.jdbc.sql(MergedReferences.MOVE.formatted("accounts", "parent_id")), loserId, survivorId, actorId,
				now));
		return moves;
	}

	/**
	 * Undoes a merge: the loser comes back from the recycle bin; the survivor's fields go
	 * back to their values before the merge unless it was changed since; each moved
	 * record still as the merge left it moves back, the others are listed and left alone.
	 * @throws RecordNotFoundException when there is no such merge
	 * @throws InvalidInputException when it was undone already, or the loser is no longer
	 * in the recycle bin as the merge left it, or the survivor is in it
	 */
	@Transactional
	public MergeUndoResult undo(Viewer viewer, UUID mergeId) {
		StoredMerge merge = load(mergeId).orElseThrow(() -> new RecordNotFoundException(MERGE_RECORD, mergeId));
		if (merge.undoneAt() != null) {
			throw new InvalidInputException("mergeId", "This merge was undone already.");
		}
		boolean account = Accounts.RECORD_TYPE.equals(merge.recordType());
		String table = account ? "accounts" : "contacts";
		RecordState survivor = state(table, merge.survivorId());
		RecordState loser = state(table, merge.loserId());
		if (survivor == null || survivor.deleted()) {
			throw new InvalidInputException("mergeId",
					"The " + merge.recordType() + " that survived the merge is in the recycle bin: restore it first.");
		}
		if (loser == null || !loser.deleted() || !merge.survivorId().equals(loser.mergedInto())) {
			throw new InvalidInputException("mergeId", "The " + merge.recordType()
					+ " merged away is no longer in the recycle bin as the merge left it, so the merge can't be undone.");
		}
		var policy = account ? Accounts.ACCESS : Contacts.ACCESS;
		this.visibility.requireEdit(viewer, policy, survivor.ownerId());
		this.visibility.requireEdit(viewer, policy, loser.ownerId());
		Instant now = this.clock.instant();

		this.jdbc.sql("update " + table + """
				 set deleted_at = null, deleted_by = null, merged_into = null, updated_at = :now,
				  updated_by = :actor, version = version + 1
				where id = :id
				""").param("now", utc(now)).param("actor", viewer.id()).param("id", merge.loserId()).update();
		this.events.publishEvent(new RecordChanged(merge.recordType(), merge.loserId(), ChangeKind.RESTORED,
				viewer.id(), now, List.of(new FieldChange("mergedInto", merge.survivorId().toString(), null))));

		boolean survivorRestored = survivor.version() == merge.survivorVersion() && (account
				? restoreSurvivor(merge, RESTORE_ACCOUNT,
						() -> this.accounts.load(merge.survivorId()).orElseThrow().details(), Accounts::diff,
						viewer.id(), now)
				: restoreSurvivor(merge, RESTORE_CONTACT,
						() -> this.contacts.load(merge.survivorId()).orElseThrow().details(), Contacts::diff,
						viewer.id(), now));

		List<MergeMove> moves = moves(mergeId);
		if (account) {
			markKept(mergeId,
					this.references.moveBack(Contacts.RECORD_TYPE, "accountId",
							this.jdbc.sql(MergedReferences.MOVE_BACK.formatted("contacts", "account_id")), moves,
							merge.loserId(), merge.survivorId(), viewer.id(), now));
			markKept(mergeId,
					this.references.moveBack(Accounts.RECORD_TYPE, "parentId",
							this.jdbc.sql(MergedReferences.MOVE_BACK.formatted("accounts", "parent_id")), moves,
							merge.loserId(), merge.survivorId(), viewer.id(), now));
		}
		this.events.publishEvent(new MergeUndone(mergeId, merge.recordType(), merge.loserId(), merge.survivorId(),
				viewer.id(), now, moves));
		// what no module reported kept went back
		this.jdbc.sql("update merge_moves set outcome = 'RETURNED' where merge_id = :merge and outcome = 'MOVED'")
			.param("merge", mergeId)
			.update();
		this.jdbc.sql("""
				update customer_merges set undone_at = :now, undone_by = :actor, updated_at = :now, updated_by = :actor,
				  version = version + 1
				where id = :id
				""").param("now", utc(now)).param("actor", viewer.id()).param("id", mergeId).update();
		List<MergeMove> kept = moves(mergeId, "KEPT");
		int returned = this.jdbc
			.sql("select count(*) from merge_moves where merge_id = :merge and outcome = 'RETURNED'")
			.param("merge", mergeId)
			.query(Long.class)
			.single()
			.intValue();
		return new MergeUndoResult(mergeId, survivorRestored, returned, kept);
	}

	/**
	 * @throws RecordNotFoundException when there is no such merge, or the user may not
	 * change the survivor
	 */
	public CustomerMerge get(Viewer viewer, UUID mergeId) {
		StoredMerge merge = load(mergeId).orElseThrow(() -> new RecordNotFoundException(MERGE_RECORD, mergeId));
		RecordState survivor = state(Accounts.RECORD_TYPE.equals(merge.recordType()) ? "accounts" : "contacts",
				merge.survivorId());
		if (survivor == null || !this.visibility.canEdit(viewer,
				Accounts.RECORD_TYPE.equals(merge.recordType()) ? Accounts.ACCESS : Contacts.ACCESS,
				survivor.ownerId())) {
			throw new RecordNotFoundException(MERGE_RECORD, mergeId);
		}
		int moved = this.jdbc.sql("select count(*) from merge_moves where merge_id = :merge")
			.param("merge", mergeId)
			.query(Long.class)
			.single()
			.intValue();
		return new CustomerMerge(merge.id(), merge.recordType(), merge.survivorId(), merge.loserId(), merge.createdAt(),
				merge.createdBy(), merge.undoneAt(), merge.undoneBy(), moved, moves(mergeId, "KEPT"));
	}

	/**
	 * Another module's records moved by a merge, kept for its undo (in the merge's
	 * transaction).
	 */
	@EventListener
	@Transactional
	void on(MergedRecordsMoved event) {
		recordMoves(event.mergeId(), event.moves());
	}

	/** Another module's records an undo left as they are. */
	@EventListener
	@Transactional
	void on(MergedRecordsKept event) {
		markKept(event.mergeId(), event.kept());
	}

	private void requireTwo(MergeRequest request, String recordType, List<String> fields) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (request.survivorId() == null) {
			errors.put("survivorId", "Choose the " + recordType + " that stays.");
		}
		if (request.loserId() == null) {
			errors.put("loserId", "Choose the " + recordType + " to merge into it.");
		}
		if (request.survivorId() != null && request.survivorId().equals(request.loserId())) {
			errors.put("survivorId", "A " + recordType + " can't be merged into itself.");
		}
		request.fields()
			.keySet()
			.stream()
			.filter(field -> !fields.contains(field))
			.forEach(field -> errors.put("fields." + field, "A " + recordType + " has no field " + field + "."));
		request.fields().forEach((field, side) -> {
			if (side == null) {
				errors.put("fields." + field, "Choose SURVIVOR or LOSER.");
			}
		});
		InputValidation.throwIfAny(errors);
	}

	static AccountDetails merged(AccountDetails s, AccountDetails l, Map<String, MergeSide> fields) {
		AccountDetails merged = new AccountDetails(pick(fields, "name", s.name(), l.name()),
				pick(fields, "website", s.website(), l.website()), pick(fields, "industry", s.industry(), l.industry()),
				pick(fields, "phone", s.phone(), l.phone()),
				pick(fields, "billingStreet", s.billingStreet(), l.billingStreet()),
				pick(fields, "billingCity", s.billingCity(), l.billingCity()),
				pick(fields, "billingState", s.billingState(), l.billingState()),
				pick(fields, "billingPostalCode", s.billingPostalCode(), l.billingPostalCode()),
				pick(fields, "country", s.country(), l.country()),
				pick(fields, "employees", s.employees(), l.employees()),
				pick(fields, "annualRevenue", s.annualRevenue(), l.annualRevenue()),
				pick(fields, "parentId", s.parentId(), l.parentId()), pick(fields, "ownerId", s.ownerId(), l.ownerId()),
				pick(fields, "description", s.description(), l.description()));
		return merged;
	}

	static ContactDetails merged(ContactDetails s, ContactDetails l, Map<String, MergeSide> fields) {
		return new ContactDetails(pick(fields, "firstName", s.firstName(), l.firstName()),
				pick(fields, "lastName", s.lastName(), l.lastName()), pick(fields, "title", s.title(), l.title()),
				pick(fields, "email", s.email(), l.email()), pick(fields, "phone", s.phone(), l.phone()),
				pick(fields, "mobile", s.mobile(), l.mobile()), pick(fields, "accountId", s.accountId(), l.accountId()),
				pick(fields, "ownerId", s.ownerId(), l.ownerId()));
	}

	private static <T> T pick(Map<String, MergeSide> fields, String field, T survivor, T loser) {
		MergeSide side = fields.get(field);
		if (side == null) {
			boolean blank = survivor == null || (survivor instanceof String text && text.isBlank());
			return blank ? loser : survivor;
		}
		return side == MergeSide.LOSER ? loser : survivor;
	}

	private void insertMerge(UUID mergeId, String recordType, UUID survivorId, UUID loserId, String before,
			long survivorVersion, UUID actorId, Instant now) {
		this.jdbc.sql("""
				insert into customer_merges (id, record_type, survivor_id, loser_id, survivor_before, survivor_version,
				  loser_version, created_at, created_by, updated_at, updated_by, version)
				values (:id, :type, :survivor, :loser, cast(:before as jsonb), :survivorVersion, -1, :now, :actor,
				  :now, :actor, 0)
				""")
			.param("id", mergeId)
			.param("type", recordType)
			.param("survivor", survivorId)
			.param("loser", loserId)
			.param("before", before)
			.param("survivorVersion", survivorVersion)
			.param("now", utc(now))
			.param("actor", actorId)
			.update();
	}

	private MergeResult finish(UUID mergeId, String recordType, UUID survivorId, UUID loserId, long survivorVersion,
			long loserVersion) {
		this.jdbc.sql("update customer_merges set loser_version = :version where id = :id")
			.param("version", loserVersion)
			.param("id", mergeId)
			.update();
		int moved = this.jdbc.sql("select count(*) from merge_moves where merge_id = :merge")
			.param("merge", mergeId)
			.query(Long.class)
			.single()
			.intValue();
		return new MergeResult(mergeId, recordType, survivorId, loserId, survivorVersion, moved);
	}

	/**
	 * Puts the survivor's fields back as they were before the merge, if it is still at
	 * the version the merge left it.
	 * @param restore the update from {@code :before}, the row as it was, of the record
	 * {@code :id} at {@code :version}
	 * @param details the survivor's details as they are now
	 */
	private <D> boolean restoreSurvivor(StoredMerge merge, String restore, Supplier<D> details,
			BiFunction<D, D, List<FieldChange>> diff, UUID actorId, Instant now) {
		D before = details.get();
		int updated = this.jdbc.sql(restore)
			.param("before", merge.survivorBefore())
			.param("id", merge.survivorId())
			.param("version", merge.survivorVersion())
			.param("now", utc(now))
			.param("actor", actorId)
			.update();
		if (updated == 0) {
			return false;
		}
		publishUpdate(merge.recordType(), merge.survivorId(), diff.apply(before, details.get()), actorId, now);
		return true;
	}

	private void publishUpdate(String recordType, UUID id, List<FieldChange> changes, UUID actorId, Instant now) {
		if (!changes.isEmpty()) {
			this.events.publishEvent(new RecordChanged(recordType, id, ChangeKind.UPDATED, actorId, now, changes));
		}
	}

	private void publishMergedAway(String recordType, UUID loserId, UUID survivorId, UUID actorId, Instant now) {
		this.events.publishEvent(new RecordChanged(recordType, loserId, ChangeKind.DELETED, actorId, now,
				List.of(new FieldChange("mergedInto", null, survivorId.toString()))));
	}

	private void recordMoves(UUID mergeId, List<MergeMove> moves) {
		if (moves.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("""
				insert into merge_moves (merge_id, record_type, record_id, field, version_after)
				values (:merge, :type, :id, :field, :version)
				""",
				moves.stream()
					.map(move -> new MapSqlParameterSource("merge", mergeId).addValue("type", move.recordType())
						.addValue("id", move.recordId())
						.addValue("field", move.field())
						.addValue("version", move.versionAfter()))
					.toArray(MapSqlParameterSource[]::new));
	}

	private void markKept(UUID mergeId, List<MergeMove> kept) {
		if (kept.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("""
				update merge_moves set outcome = 'KEPT'
				where merge_id = :merge and record_type = :type and record_id = :id and field = :field
				""",
				kept.stream()
					.map(move -> new MapSqlParameterSource("merge", mergeId).addValue("type", move.recordType())
						.addValue("id", move.recordId())
						.addValue("field", move.field()))
					.toArray(MapSqlParameterSource[]::new));
	}

	private List<MergeMove> moves(UUID mergeId) {
		return this.jdbc.sql("""
				select record_type, record_id, field, version_after from merge_moves where merge_id = :merge
				order by record_type, record_id, field
				""").param("merge", mergeId).query(CustomerMerges::move).list();
	}

	private List<MergeMove> moves(UUID mergeId, String outcome) {
		return this.jdbc.sql("""
				select record_type, record_id, field, version_after from merge_moves
				where merge_id = :merge and outcome = :outcome order by record_type, record_id, field
				""").param("merge", mergeId).param("outcome", outcome).query(CustomerMerges::move).list();
	}

	private static MergeMove move(ResultSet rs, int row) throws SQLException {
		return new MergeMove(rs.getString("record_type"), rs.getObject("record_id", UUID.class), rs.getString("field"),
				rs.getLong("version_after"));
	}

	private Optional<StoredMerge> load(UUID mergeId) {
		return this.jdbc.sql("""
				select id, record_type, survivor_id, loser_id, cast(survivor_before as text) as survivor_before,
				  survivor_version, loser_version, created_at, created_by, undone_at, undone_by
				from customer_merges where id = :id
				""")
			.param("id", mergeId)
			.query((rs, n) -> new StoredMerge(rs.getObject("id", UUID.class), rs.getString("record_type"),
					rs.getObject("survivor_id", UUID.class), rs.getObject("loser_id", UUID.class),
					rs.getString("survivor_before"), rs.getLong("survivor_version"), rs.getLong("loser_version"),
					instant(rs, "created_at"), rs.getObject("created_by", UUID.class), instant(rs, "undone_at"),
					rs.getObject("undone_by", UUID.class)))
			.optional();
	}

	private RecordState state(String table, UUID id) {
		return this.jdbc
			.sql("select owner_id, version, deleted_at is not null as deleted, merged_into from " + table
					+ " where id = :id")
			.param("id", id)
			.query((rs, n) -> new RecordState(rs.getObject("owner_id", UUID.class), rs.getLong("version"),
					rs.getBoolean("deleted"), rs.getObject("merged_into", UUID.class)))
			.optional()
			.orElse(null);
	}

	private record StoredMerge(UUID id, String recordType, UUID survivorId, UUID loserId, String survivorBefore,
			long survivorVersion, long loserVersion, Instant createdAt, UUID createdBy, Instant undoneAt,
			UUID undoneBy) {
	}

	private record RecordState(UUID ownerId, long version, boolean deleted, UUID mergedInto) {
	}

}
