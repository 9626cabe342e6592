package dev.bellwether.dataquality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.AccountsMerged;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.ContactsMerged;
import dev.bellwether.customers.CustomerDuplicates;
import dev.bellwether.customers.DuplicateCandidate;
import dev.bellwether.customers.DuplicateRecord;
import dev.bellwether.customers.MergeUndone;
import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.SqlArrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Duplicate accounts and contacts: the detection (customers finds the candidate pairs,
 * set-based; this stores them in {@code duplicate_pairs}), the steward's list, and "not a
 * duplicate". A dismissed pair stays dismissed when it is found again; a pair found no
 * more (a record changed, merged or deleted) leaves the open list.
 * <p>
 * Sales administrators and administrators see every pair; managers see the pairs whose
 * two records they may both change; nobody else works on duplicates.
 */
@Service
@Transactional(readOnly = true)
public class Duplicates {

	static final String PAIR = "duplicate pair";

	private static final Set<Role> STEWARDS = Set.of(Role.SALES_ADMIN, Role.ADMIN);

	private static final String COLUMNS = """
			select id, record_type, a_id, b_id, reason, score, status, found_at, merge_id from duplicate_pairs
			""";

	private final JdbcClient jdbc;

	private final CustomerDuplicates customers;

	private final RecordVisibility visibility;

	private final Clock clock;

	private final double similarity;

	private final int maxBlock;

	Duplicates(JdbcClient jdbc, CustomerDuplicates customers, RecordVisibility visibility, Clock clock,
			@Value("${bellwether.dataquality.duplicates.similarity:0.6}") double similarity,
			@Value("${bellwether.dataquality.duplicates.max-block:50}") int maxBlock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.visibility = visibility;
		this.clock = clock;
		this.similarity = similarity;
		this.maxBlock = maxBlock;
	}

	/**
	 * @return whether the user works on duplicates at all (sales administrators,
	 * administrators, managers)
	 */
	public static boolean worksOnDuplicates(Viewer viewer) {
		return STEWARDS.contains(viewer.role()) || viewer.is(Role.MANAGER);
	}

	/**
	 * Finds the candidate pairs of accounts and of contacts again and stores them: new
	 * pairs open, known open pairs updated, dismissed and merged ones left as they are,
	 * open pairs not found again closed.
	 */
	@Transactional
	public DetectionRun detect() {
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		int accounts = store(Accounts.RECORD_TYPE, this.customers.accountCandidates(this.similarity, this.maxBlock),
				now);
		int contacts = store(Contacts.RECORD_TYPE, this.customers.contactCandidates(this.maxBlock), now);
		return new DetectionRun(accounts, contacts, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The open pairs of the type the user may work on, most likely duplicates first.
	 * @param recordType {@code account} or {@code contact}
	 * @throws ForbiddenException when the user doesn't work on duplicates
	 */
	public List<DuplicatePair> open(Viewer viewer, String recordType, int limit) {
		return open(viewer, recordType, null, limit);
	}

	/**
	 * The open pairs one record is in (all open pairs for {@code null}), as
	 * {@link #open(Viewer, String, int)}.
	 */
	public List<DuplicatePair> open(Viewer viewer, String recordType, UUID recordId, int limit) {
		requireSteward(viewer);
		AccessPolicy policy = policy(recordType);
		Map<String, Object> params = new LinkedHashMap<>();
		SqlFilter a = this.visibility.editFilter(viewer, policy, "a_owner_id");
		SqlFilter b = this.visibility.editFilter(viewer, policy, "b_owner_id");
		params.putAll(a.parameters());
		params.putAll(b.parameters());
		List<DuplicatePair> pairs = this.jdbc
			.sql(COLUMNS + " where record_type = :type and status = 'OPEN' and " + a.sql() + " and " + b.sql()
					+ (recordId == null ? "" : " and (a_id = :record or b_id = :record)")
					+ " order by score desc, id limit :limit")
			.params(params)
			.param("type", recordType)
			.param("record", recordId)
			.param("limit", limit)
			.query(Duplicates::map)
			.list();
		return withRecords(viewer, recordType, pairs).stream()
			.filter(pair -> pair.a() != null && pair.b() != null && !pair.a().deleted() && !pair.b().deleted())
			.toList();
	}

	/**
	 * @throws RecordNotFoundException when there is no such pair or the user may not
	 * change both its records
	 */
	public DuplicatePair get(Viewer viewer, UUID pairId) {
		requireSteward(viewer);
		DuplicatePair pair = this.jdbc.sql(COLUMNS + " where id = :id")
			.param("id", pairId)
			.query(Duplicates::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(PAIR, pairId));
		List<DuplicatePair> shown = withRecords(viewer, pair.recordType(), List.of(pair));
		if (shown.isEmpty()) {
			throw new RecordNotFoundException(PAIR, pairId);
		}
		return shown.get(0);
	}

	/**
	 * The pair of these two records, whatever its status, if the detection found them.
	 */
	public Optional<DuplicatePair> pairOf(String recordType, UUID x, UUID y) {
		return this.jdbc
			.sql(COLUMNS + " where record_type = :type and a_id = least(cast(:x as uuid), cast(:y as uuid))"
					+ " and b_id = greatest(cast(:x as uuid), cast(:y as uuid))")
			.param("type", recordType)
			.param("x", x)
			.param("y", y)
			.query(Duplicates::map)
			.optional();
	}

	/**
	 * "Not a duplicate": the pair leaves the open list for good.
	 */
	@Transactional
	public DuplicatePair dismiss(Viewer viewer, UUID pairId) {
		DuplicatePair pair = get(viewer, pairId);
		if (pair.status() == DuplicateStatus.MERGED) {
			throw new InvalidInputException("status", "These records were merged already.");
		}
		this.jdbc.sql("""
				update duplicate_pairs set status = 'DISMISSED', decided_at = :now, decided_by = :actor,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id
				""").param("now", utc(this.clock.instant())).param("actor", viewer.id()).param("id", pairId).update();
		return get(viewer, pairId);
	}

	@EventListener
	@Transactional
	void on(AccountsMerged event) {
		merged(Accounts.RECORD_TYPE, event.mergeId(), event.loserId(), event.survivorId(), event.actorId(), event.at());
	}

	@EventListener
	@Transactional
	void on(ContactsMerged event) {
		merged(Contacts.RECORD_TYPE, event.mergeId(), event.loserId(), event.survivorId(), event.actorId(), event.at());
	}

	/**
	 * The pair merged is open again; the detection finds the loser's other pairs again.
	 */
	@EventListener
	@Transactional
	void on(MergeUndone event) {
		this.jdbc.sql("""
				update duplicate_pairs set status = 'OPEN', merge_id = null, decided_at = null, decided_by = null,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where merge_id = :merge
				""")
			.param("now", utc(event.at()))
			.param("actor", event.actorId())
			.param("merge", event.mergeId())
			.update();
	}

	private void merged(String recordType, UUID mergeId, UUID loserId, UUID survivorId, UUID actorId, Instant at) {
		this.jdbc.sql("""
				update duplicate_pairs set status = 'MERGED', merge_id = :merge, decided_at = :now, decided_by = :actor,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where record_type = :type and a_id = least(cast(:x as uuid), cast(:y as uuid))
				  and b_id = greatest(cast(:x as uuid), cast(:y as uuid)) and status <> 'MERGED'
				""")
			.param("merge", mergeId)
			.param("now", utc(at))
			.param("actor", actorId)
			.param("type", recordType)
			.param("x", loserId)
			.param("y", survivorId)
			.update();
		// the loser's other open pairs: it is in the recycle bin now
		this.jdbc.sql("""
				delete from duplicate_pairs where record_type = :type and status = 'OPEN'
				  and (a_id = :loser or b_id = :loser)
				""").param("type", recordType).param("loser", loserId).update();
	}

	private int store(String recordType, List<DuplicateCandidate> found, Instant now) {
		List<UUID> ids = new ArrayList<>(found.size());
		List<UUID> as = new ArrayList<>(found.size());
		List<UUID> bs = new ArrayList<>(found.size());
		List<UUID> aOwners = new ArrayList<>(found.size());
		List<UUID> bOwners = new ArrayList<>(found.size());
		List<String> reasons = new ArrayList<>(found.size());
		List<BigDecimal> scores = new ArrayList<>(found.size());
		for (DuplicateCandidate candidate : found) {
			ids.add(Ids.newId());
			as.add(candidate.aId());
			bs.add(candidate.bId());
			aOwners.add(candidate.aOwnerId());
			bOwners.add(candidate.bOwnerId());
			reasons.add(candidate.reason());
			scores.add(candidate.score());
		}
		this.jdbc.sql("""
				insert into duplicate_pairs (id, record_type, a_id, b_id, a_owner_id, b_owner_id, reason, score, status,
				  found_at, created_at, updated_at, version)
				select f.id, :type, f.a_id, f.b_id, f.a_owner, f.b_owner, f.reason, f.score, 'OPEN', :now, :now, :now, 0
				from unnest(cast(:ids as uuid[]), cast(:as as uuid[]), cast(:bs as uuid[]), cast(:aOwners as uuid[]),
				  cast(:bOwners as uuid[]), cast(:reasons as text[]), cast(:scores as numeric[]))
				  as f(id, a_id, b_id, a_owner, b_owner, reason, score)
				on conflict (record_type, a_id, b_id) do update set reason = excluded.reason, score = excluded.score,
				  a_owner_id = excluded.a_owner_id, b_owner_id = excluded.b_owner_id, found_at = excluded.found_at,
				  updated_at = excluded.updated_at, version = duplicate_pairs.version + 1
				where duplicate_pairs.status = 'OPEN'
				""")
			.param("type", recordType)
			.param("now", utc(now))
			.param("ids", SqlArrays.of(ids))
			.param("as", SqlArrays.of(as))
			.param("bs", SqlArrays.of(bs))
			.param("aOwners", SqlArrays.of(aOwners))
			.param("bOwners", SqlArrays.of(bOwners))
			.param("reasons", SqlArrays.of(reasons))
			.param("scores", SqlArrays.of(scores))
			.update();
		this.jdbc.sql("""
				delete from duplicate_pairs p where p.record_type = :type and p.status = 'OPEN'
				  and not exists (select 1 from unnest(cast(:as as uuid[]), cast(:bs as uuid[])) as f(a_id, b_id)
				    where f.a_id = p.a_id and f.b_id = p.b_id)
				""").param("type", recordType).param("as", SqlArrays.of(as)).param("bs", SqlArrays.of(bs)).update();
		return found.size();
	}

	/**
	 * The pairs with their records, those whose records the user may both change (the
	 * owners may have changed since the detection).
	 */
	private List<DuplicatePair> withRecords(Viewer viewer, String recordType, List<DuplicatePair> pairs) {
		Set<UUID> ids = new LinkedHashSet<>();
		pairs.forEach(pair -> {
			ids.add(pair.aId());
			ids.add(pair.bId());
		});
		Map<UUID, DuplicateRecord> records = this.customers.records(recordType, ids);
		AccessPolicy policy = policy(recordType);
		return pairs.stream()
			.map(pair -> pair.withRecords(records.get(pair.aId()), records.get(pair.bId())))
			.filter(pair -> pair.a() != null && pair.b() != null
					&& this.visibility.canEdit(viewer, policy, pair.a().ownerId())
					&& this.visibility.canEdit(viewer, policy, pair.b().ownerId()))
			.toList();
	}

	private static void requireSteward(Viewer viewer) {
		if (!worksOnDuplicates(viewer)) {
			throw new ForbiddenException(
					"Duplicates are worked on by sales administrators, administrators and managers.");
		}
	}

	private static AccessPolicy policy(String recordType) {
		return switch (recordType) {
			case Accounts.RECORD_TYPE -> Accounts.ACCESS;
			case Contacts.RECORD_TYPE -> Contacts.ACCESS;
			default -> throw new InvalidInputException("type", "Choose account or contact.");
		};
	}

	private static DuplicatePair map(ResultSet rs, int row) throws SQLException {
		return new DuplicatePair(rs.getObject("id", UUID.class), rs.getString("record_type"),
				rs.getObject("a_id", UUID.class), rs.getObject("b_id", UUID.class), null, null, rs.getString("reason"),
				rs.getBigDecimal("score"), DuplicateStatus.valueOf(rs.getString("status")), instant(rs, "found_at"),
				rs.getObject("merge_id", UUID.class));
	}

}
