package dev.bellwether.dataquality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerQualityFacts;
import dev.bellwether.customers.CustomerQualityFacts.FilledFields;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.sales.DealQualityFacts;
import dev.bellwether.sales.DealQualityFacts.OpenDealFields;
import dev.bellwether.sales.Opportunities;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Measures data quality: scores every account, contact and open deal by the completeness
 * rules, writes the day's snapshot per owner and record type, and re-evaluates the
 * steward queue — an issue found is opened (or stays open), an open issue no longer found
 * is fixed. The records' facts come from the owning modules in one set-based read each
 * ({@link CustomerQualityFacts}, {@link DealQualityFacts}); the open duplicate pairs are
 * this module's own. Runs every night ({@link DataQualityJob}) and on demand.
 */
@Service
public class QualityMeasurement {

	private final JdbcClient jdbc;

	private final CompletenessRules rules;

	private final CustomerQualityFacts customers;

	private final DealQualityFacts deals;

	private final UserDirectory users;

	private final Clock clock;

	private final double incompleteBelow;

	QualityMeasurement(JdbcClient jdbc, CompletenessRules rules, CustomerQualityFacts customers, DealQualityFacts deals,
			UserDirectory users, Clock clock,
			@Value("${bellwether.dataquality.incomplete-below:0.75}") double incompleteBelow) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.customers = customers;
		this.deals = deals;
		this.users = users;
		this.clock = clock;
		this.incompleteBelow = incompleteBelow;
	}

	/**
	 * @return a record scoring below this is an {@link QualityIssueKind#INCOMPLETE} issue
	 */
	public double incompleteBelow() {
		return this.incompleteBelow;
	}

	@Transactional
	public Measurement measure() {
		long started = System.nanoTime();
		// one measurement at a time (the nightly job on one node, "measure now"
		// anywhere):
		// each rewrites the day's snapshot and the queue
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('dataquality.measurement'))").query().singleRow();
		Instant now = this.clock.instant();
		LocalDate today = this.deals.today();
		CompletenessRules.RuleSet ruleSet = this.rules.ruleSet();
		Set<UUID> inactive = new HashSet<>();
		for (Person person : this.users.people()) {
			if (!person.active()) {
				inactive.add(person.id());
			}
		}
		Found found = new Found();
		List<Pair> pairs = openPairs();
		Set<UUID> pairRecords = new HashSet<>();
		pairs.forEach(pair -> {
			pairRecords.add(pair.aId());
			pairRecords.add(pair.bId());
		});
		Map<UUID, String> names = new HashMap<>();

		long[] counts = new long[3];
		this.customers.accounts(null, record -> {
			counts[0]++;
			if (pairRecords.contains(record.id())) {
				names.put(record.id(), record.name());
			}
			scoreCustomer(Accounts.RECORD_TYPE, record, CustomerQualityFacts.ACCOUNT_FIELDS, ruleSet.account(), found);
		});
		this.customers.contacts(null, record -> {
			counts[1]++;
			if (pairRecords.contains(record.id())) {
				names.put(record.id(), record.name());
			}
			scoreCustomer(Contacts.RECORD_TYPE, record, CustomerQualityFacts.CONTACT_FIELDS, ruleSet.contact(), found);
			if (!record.has(CustomerQualityFacts.CONTACT_FIELDS, "account")) {
				found.issue(QualityIssueKind.NO_ACCOUNT, Contacts.RECORD_TYPE, record.id(), record.name(),
						record.ownerId(), null, null);
			}
		});
		this.deals.openDeals(null, deal -> {
			counts[2]++;
			scoreDeal(deal, ruleSet.deal(deal.stageId()), inactive, found);
		});
		for (Pair pair : pairs) {
			String a = names.get(pair.aId());
			String b = names.get(pair.bId());
			if (a != null && b != null) {
				found.issue(QualityIssueKind.DUPLICATE, pair.recordType(), pair.id(), a + " · " + b, pair.aOwnerId(),
						pair.reasonText(), null);
			}
		}

		writeSnapshot(today, now, found);
		long fixed = storeIssues(now, found);
		return new Measurement(today, now, counts[0], counts[1], counts[2], found.kinds.size(), fixed,
				(System.nanoTime() - started) / 1_000_000);
	}

	private void scoreCustomer(String recordType, FilledFields record, List<String> fields, List<String> counted,
			Found found) {
		Double score = Completeness.score(counted, field -> record.has(fields, field));
		if (score == null) {
			return;
		}
		found.scored(recordType, record.ownerId(), score);
		if (score < this.incompleteBelow) {
			found.issue(QualityIssueKind.INCOMPLETE, recordType, record.id(), record.name(), record.ownerId(),
					missingText(Completeness.missing(counted, field -> record.has(fields, field))), score);
		}
	}

	private void scoreDeal(OpenDealFields deal, List<String> counted, Set<UUID> inactive, Found found) {
		String type = Opportunities.RECORD_TYPE;
		Double score = Completeness.score(counted, deal::has);
		if (score != null) {
			found.scored(type, deal.ownerId(), score);
			if (score < this.incompleteBelow) {
				found.issue(QualityIssueKind.INCOMPLETE, type, deal.id(), deal.name(), deal.ownerId(),
						missingText(Completeness.missing(counted, deal::has)) + " (" + deal.stageName() + ")", score);
			}
		}
		if (deal.stale()) {
			found.issue(QualityIssueKind.STALE, type, deal.id(), deal.name(), deal.ownerId(),
					"Untouched for more than " + deal.staleAfterDays() + " days (" + deal.stageName() + ")", null);
		}
		if (deal.overdue()) {
			found.issue(QualityIssueKind.OVERDUE, type, deal.id(), deal.name(), deal.ownerId(),
					"Close date " + deal.closeDate(), null);
		}
		if (inactive.contains(deal.ownerId())) {
			found.issue(QualityIssueKind.ORPHANED, type, deal.id(), deal.name(), deal.ownerId(),
					"Its owner is deactivated", null);
		}
		if (!deal.has("nextStep")) {
			found.issue(QualityIssueKind.NO_NEXT_STEP, type, deal.id(), deal.name(), deal.ownerId(), null, null);
		}
		if (!deal.has("contact")) {
			found.issue(QualityIssueKind.NO_CONTACT, type, deal.id(), deal.name(), deal.ownerId(), null, null);
		}
	}

	private static String missingText(List<String> missing) {
		return "Missing: " + String.join(", ", missing.stream().map(CompletenessRules::label).toList());
	}

	private List<Pair> openPairs() {
		return this.jdbc
			.sql("select id, record_type, a_id, b_id, a_owner_id, reason from duplicate_pairs where status = 'OPEN'")
			.query((rs, n) -> new Pair(rs.getObject("id", UUID.class), rs.getString("record_type"),
					rs.getObject("a_id", UUID.class), rs.getObject("b_id", UUID.class),
					rs.getObject("a_owner_id", UUID.class), rs.getString("reason")))
			.list();
	}

	/**
	 * Today's snapshot replaced by this measurement's: one row per record type and owner.
	 */
	private void writeSnapshot(LocalDate today, Instant now, Found found) {
		this.jdbc.sql("delete from quality_snapshots where day = :day").param("day", today).update();
		List<String> types = new ArrayList<>();
		List<UUID> owners = new ArrayList<>();
		List<Integer> records = new ArrayList<>();
		List<BigDecimal> sums = new ArrayList<>();
		List<Integer> complete = new ArrayList<>();
		found.scores.forEach((key, tally) -> {
			types.add(key.recordType());
			owners.add(key.ownerId());
			records.add(tally.records);
			sums.add(BigDecimal.valueOf(tally.sum).setScale(4, RoundingMode.HALF_UP));
			complete.add(tally.complete);
		});
		this.jdbc
			.sql("""
					insert into quality_snapshots (day, record_type, owner_id, records, score_sum, complete, measured_at)
					select :day, s.record_type, s.owner_id, s.records, s.score_sum, s.complete, :now
					from unnest(cast(:types as text[]), cast(:owners as uuid[]), cast(:records as int[]),
					  cast(:sums as numeric[]), cast(:complete as int[])) as s(record_type, owner_id, records, score_sum, complete)
					""")
			.param("day", today)
			.param("now", utc(now))
			.param("types", SqlArrays.of(types))
			.param("owners", SqlArrays.of(owners))
			.param("records", SqlArrays.of(records))
			.param("sums", SqlArrays.of(sums))
			.param("complete", SqlArrays.of(complete))
			.update();
	}

	/**
	 * @return how many open issues were not found again (fixed now)
	 */
	private long storeIssues(Instant now, Found found) {
		List<UUID> ids = new ArrayList<>(found.kinds.size());
		for (int i = 0; i < found.kinds.size(); i++) {
			ids.add(Ids.newId());
		}
		this.jdbc.sql("""
				insert into quality_issues (id, kind, record_type, record_id, record_name, owner_id, detail, score,
				  rank, first_found_at, last_found_at, created_at, updated_at, version)
				select f.id, f.kind, f.record_type, f.record_id, left(f.record_name, 600), f.owner_id,
				  left(f.detail, 500), f.score, f.rank, :now, :now, :now, :now, 0
				from unnest(cast(:ids as uuid[]), cast(:kinds as text[]), cast(:types as text[]),
				  cast(:records as uuid[]), cast(:names as text[]), cast(:owners as uuid[]), cast(:details as text[]),
				  cast(:scores as numeric[]), cast(:ranks as smallint[]))
				  as f(id, kind, record_type, record_id, record_name, owner_id, detail, score, rank)
				on conflict (kind, record_type, record_id) do update set record_name = excluded.record_name,
				  owner_id = excluded.owner_id, detail = excluded.detail, score = excluded.score,
				  last_found_at = excluded.last_found_at, fixed_at = null,
				  updated_at = excluded.updated_at, version = quality_issues.version + 1
				""")
			.param("now", utc(now))
			.param("ids", SqlArrays.of(ids))
			.param("kinds", SqlArrays.of(found.kinds))
			.param("types", SqlArrays.of(found.types))
			.param("records", SqlArrays.of(found.records))
			.param("names", SqlArrays.of(found.names))
			.param("owners", SqlArrays.of(found.owners))
			.param("details", SqlArrays.of(found.details))
			.param("scores", SqlArrays.of(found.scoreValues))
			.param("ranks", SqlArrays.of(found.ranks))
			.update();
		int fixed = this.jdbc.sql("""
				update quality_issues set fixed_at = :now, updated_at = :now, version = version + 1
				where fixed_at is null and last_found_at <> :now
				""").param("now", utc(now)).update();
		this.jdbc.sql("delete from quality_issue_counts").update();
		this.jdbc.sql("""
				insert into quality_issue_counts (owner_id, kind, issues)
				select owner_id, kind, count(*) from quality_issues
				where fixed_at is null and owner_id is not null group by owner_id, kind
				""").update();
		return fixed;
	}

	private record Pair(UUID id, String recordType, UUID aId, UUID bId, UUID aOwnerId, String reason) {

		String reasonText() {
			return new DuplicatePair(this.id, this.recordType, this.aId, this.bId, null, null, this.reason, null, null,
					null, null)
				.reasonText();
		}

	}

	private record OwnerKey(String recordType, UUID ownerId) {
	}

	private static final class Tally {

		int records;

		double sum;

		int complete;

	}

	/**
	 * What a measurement found: the scores per owner and record type, and the issues (as
	 * columns, for one insert).
	 */
	private static final class Found {

		final Map<OwnerKey, Tally> scores = new HashMap<>();

		final List<String> kinds = new ArrayList<>();

		final List<String> types = new ArrayList<>();

		final List<UUID> records = new ArrayList<>();

		final List<String> names = new ArrayList<>();

		final List<UUID> owners = new ArrayList<>();

		final List<String> details = new ArrayList<>();

		final List<BigDecimal> scoreValues = new ArrayList<>();

		final List<Integer> ranks = new ArrayList<>();

		void scored(String recordType, UUID ownerId, double score) {
			Tally tally = this.scores.computeIfAbsent(new OwnerKey(recordType, ownerId), key -> new Tally());
			tally.records++;
			tally.sum += score;
			if (score >= 1.0) {
				tally.complete++;
			}
		}

		void issue(QualityIssueKind kind, String recordType, UUID recordId, String name, UUID ownerId, String detail,
				Double score) {
			this.kinds.add(kind.name());
			this.ranks.add(kind.rank());
			this.types.add(recordType);
			this.records.add(recordId);
			this.names.add(name);
			this.owners.add(ownerId);
			this.details.add(detail);
			this.scoreValues.add(score == null ? null : BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP));
		}

	}

}
