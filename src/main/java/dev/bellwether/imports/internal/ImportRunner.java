package dev.bellwether.imports.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.customers.Account;
import dev.bellwether.forecasting.Quota;
import dev.bellwether.forecasting.QuotaKind;
import dev.bellwether.forecasting.Quotas;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.CustomerImports;
import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportJob;
import dev.bellwether.imports.ImportJob.Status;
import dev.bellwether.imports.ImportSettings;
import dev.bellwether.imports.ImportTarget;
import dev.bellwether.imports.file.ImportFileReader;
import dev.bellwether.imports.file.SheetChoice;
import dev.bellwether.imports.file.SourceRow;
import dev.bellwether.imports.file.SourceTable;
import dev.bellwether.imports.internal.ImportStore.Counts;
import dev.bellwether.imports.internal.ImportStore.Outcome;
import dev.bellwether.imports.internal.ImportStore.Written;
import dev.bellwether.imports.internal.RowPlanner.Action;
import dev.bellwether.imports.internal.RowPlanner.Context;
import dev.bellwether.imports.internal.RowPlanner.Planned;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.sales.DealImports;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports and their undo in the background, one at a time, chunk by chunk: each
 * chunk in a transaction (and each row in a savepoint of it, so that a refused row leaves
 * the others), with the progress and a cancel checked between chunks. An import that must
 * be all or nothing runs in one transaction.
 */
@Component
public class ImportRunner {

	static final int CHUNK = 1_000;

	/**
	 * The planner's statistics are refreshed when this node's imports have written this
	 * many rows, and again each time the number doubles (see {@link StatisticsSchedule}).
	 */
	static final int FIRST_STATISTICS = 1_000;

	/** A run nothing has moved on for this long was on a node that stopped. */
	static final Duration STALLED = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ImportStore store;

	private final RowPlanner planner;

	private final ImportFileReader reader;

	private final Accounts accounts;

	private final Contacts contacts;

	private final Opportunities opportunities;

	private final DealImports deals;

	private final CustomerImports customers;

	private final UserDirectory users;

	private final CustomerLookups lookups;

	private final Activities activities;

	private final Quotas quotas;

	private final OneByOne oneByOne;

	private final Clock clock;

	private final TransactionTemplate chunk;

	private final TransactionTemplate row;

	private final TransactionTemplate own;

	private final ThreadPoolExecutor background;

	private final StatisticsSchedule statistics = new StatisticsSchedule(FIRST_STATISTICS);

	ImportRunner(ImportStore store, RowPlanner planner, ImportFileReader reader, Accounts accounts, Contacts contacts,
			Opportunities opportunities, DealImports deals, CustomerImports customers, UserDirectory users,
			CustomerLookups lookups, Activities activities, Quotas quotas, OneByOne oneByOne, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${bellwether.imports.queue-capacity:20}") int queueCapacity) {
		this.store = store;
		this.planner = planner;
		this.reader = reader;
		this.accounts = accounts;
		this.contacts = contacts;
		this.opportunities = opportunities;
		this.deals = deals;
		this.customers = customers;
		this.users = users;
		this.lookups = lookups;
		this.activities = activities;
		this.quotas = quotas;
		this.oneByOne = oneByOne;
		this.clock = clock;
		this.chunk = new TransactionTemplate(transactions);
		this.row = new TransactionTemplate(transactions);
		this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// one import at a time, the rest waiting: an import must not take the
		// connections pages need
		this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
				new CustomizableThreadFactory("import-"));
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	@EventListener(ApplicationReadyEvent.class)
	void markInterrupted() {
		Instant now = this.clock.instant();
		this.store.markInterrupted(now, now.minus(STALLED));
	}

	/**
	 * @throws InvalidInputException when too many imports are waiting already
	 */
	void submit(Runnable task) {
		try {
			this.background.execute(task);
		}
		catch (RejectedExecutionException ex) {
			throw new InvalidInputException("import", "Too many imports are waiting to run; try again in a while.");
		}
	}

	/**
	 * Queues the import's run (the job is {@code QUEUED}).
	 */
	public void run(UUID importId) {
		submit(() -> runNow(importId));
	}

	/**
	 * Queues the import's undo (the job is {@code UNDOING}).
	 */
	public void undo(UUID importId, UUID actorId) {
		submit(() -> undoNow(importId, actorId));
	}

	/**
	 * Runs a queued import in the calling thread (the bulk API, which answers with the
	 * outcome); outside any transaction.
	 */
	public void runNow(UUID importId) {
		ImportJob job = this.store.find(importId).orElseThrow();
		if (!this.store.transition(importId, Status.QUEUED, Status.RUNNING, job.createdBy(), this.clock.instant())) {
			return;
		}
		Counts counts = new Counts();
		try {
			boolean all = job.settings().mode() == ImportSettings.Mode.ALL_OR_NOTHING;
			Boolean completed = all ? this.chunk.execute(status -> write(job, counts, true))
					: write(job, counts, false);
			Status end = Boolean.TRUE.equals(completed) ? Status.COMPLETED : Status.CANCELLED;
			this.store.transition(importId, Status.RUNNING, end, job.createdBy(), this.clock.instant());
		}
		catch (AllOrNothingRefused ex) {
			this.store.progress(importId, 0, new Counts(), this.clock.instant());
			this.store.fail(importId, ex.cancelled ? Status.CANCELLED : Status.FAILED, ex.getMessage(),
					this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("Import {} failed", importId, ex);
			this.store.fail(importId, Status.FAILED,
					"The import stopped at an unexpected error; what it wrote before is kept and can be undone.",
					this.clock.instant());
		}
	}

	/**
	 * @return whether it went through to the end (not cancelled)
	 */
	private boolean write(ImportJob job, Counts counts, boolean allOrNothing) {
		Viewer viewer = Viewer.of(this.users.get(job.createdBy()));
		Context context = this.planner.start(job.target(), job.settings(), viewer, job.fileName());
		// the preview suggested the accounts a missing name may mean; the run has
		// decided, and a fuzzy search per new name would cost more than writing it
		context.suggestNearMisses(false);
		int processed = 0;
		if (job.target() == ImportTarget.USER) {
			scanPeople(job, context);
		}
		List<OneByOne.LaterManager> later = new ArrayList<>();
		try (SourceTable table = this.reader.read(this.store.content(job.id()), job.fileName(), sheet(job))) {
			Map<String, Integer> columns = columnIndex(table.header());
			Iterator<SourceRow> rows = table.rows().iterator();
			while (rows.hasNext()) {
				List<SourceRow> batch = new ArrayList<>(CHUNK);
				while (rows.hasNext() && batch.size() < CHUNK) {
					batch.add(rows.next());
				}
				int before = counts.rejected;
				if (allOrNothing) {
					List<Outcome> outcomes = writeChunk(job, context, viewer, batch, columns, counts, false, later);
					if (counts.rejected > before) {
						throw new AllOrNothingRefused(outcomes.stream()
							.filter(o -> "REJECTED".equals(o.outcome()))
							.findFirst()
							.map(o -> "Row " + o.row() + ": " + o.message()
									+ " Nothing was imported: this import is all or nothing.")
							.orElseThrow(), false);
					}
					this.store.record(job.id(), outcomes);
				}
				else {
					this.chunk.executeWithoutResult(status -> this.store.record(job.id(),
							writeChunk(job, context, viewer, batch, columns, counts, true, later)));
				}
				processed += batch.size();
				if (this.statistics.written(job.target(), batch.size())) {
					refreshStatistics(job.target());
				}
				int done = processed;
				this.own
					.executeWithoutResult(status -> this.store.progress(job.id(), done, counts, this.clock.instant()));
				if (this.store.cancelRequested(job.id())) {
					if (allOrNothing) {
						throw new AllOrNothingRefused("Cancelled; nothing was imported.", true);
					}
					this.oneByOne.setLaterManagers(job, context, viewer, later);
					return false;
				}
			}
		}
		this.oneByOne.setLaterManagers(job, context, viewer, later);
		return true;
	}

	/**
	 * Reads a users file once before its run, so that a manager named before their own
	 * row is found.
	 */
	private void scanPeople(ImportJob job, Context context) {
		try (SourceTable table = this.reader.read(this.store.content(job.id()), job.fileName(), sheet(job))) {
			context.scanPeople(table.rows()::iterator, columnIndex(table.header()));
		}
	}

	/**
	 * Brings the planner's statistics of the tables the import is filling up to date:
	 * planned as the few rows they had when the import began, lookups by old id or name
	 * would scan them whole, chunk after chunk.
	 */
	private void refreshStatistics(ImportTarget target) {
		this.customers.refreshStatistics();
		if (target == ImportTarget.OPPORTUNITY) {
			this.deals.refreshStatistics();
		}
		this.store.refreshStatistics();
	}

	private List<Outcome> writeChunk(ImportJob job, Context context, Viewer viewer, List<SourceRow> batch,
			Map<String, Integer> columns, Counts counts, boolean savepoints, List<OneByOne.LaterManager> later) {
		List<Outcome> outcomes = new ArrayList<>();
		// new records are written together after the chunk's other rows (see
		// CustomerImports, DealImports), the accounts they name first
		List<Pending> pending = new ArrayList<>();
		List<Planned> plan = context.plan(batch, columns);
		List<Outcome> accounts = createNamedAccounts(job, context, viewer, plan, savepoints);
		count(job, counts, accounts);
		outcomes.addAll(accounts);
		for (Planned planned : plan) {
			List<Outcome> written = new ArrayList<>();
			try {
				// a savepoint costs two round trips: only rows that write on their own
				// need one (a refused row writes nothing, a new record waits for the
				// batch)
				boolean writes = planned.action() != Action.REJECT
						&& (job.target() == ImportTarget.QUOTA || OneByOne.handles(job.target())
								|| !(planned.action() == Action.CREATE && (planned.newAccount() == null
										|| context.newAccountId(planned.newAccount()) != null)));
				if (savepoints && writes) {
					this.row.executeWithoutResult(
							status -> writeRow(job, context, viewer, planned, written, pending, later));
				}
				else {
					writeRow(job, context, viewer, planned, written, pending, later);
				}
			}
			catch (InvalidInputException ex) {
				written.clear();
				written.add(rejected(planned, String.join(" ", ex.fieldErrors().values())));
			}
			catch (StaleRecordException ex) {
				written.clear();
				written.add(rejected(planned, "The record changed while the import ran; import the row again."));
			}
			catch (ForbiddenException | RecordNotFoundException ex) {
				written.clear();
				written.add(rejected(planned, "You may not change this record."));
			}
			count(job, counts, written);
			outcomes.addAll(written);
		}
		if (!pending.isEmpty()) {
			List<Outcome> written = createPending(job, context, viewer, pending, savepoints);
			count(job, counts, written);
			outcomes.addAll(written);
		}
		return outcomes;
	}

	private static void count(ImportJob job, Counts counts, List<Outcome> written) {
		for (Outcome outcome : written) {
			switch (outcome.outcome()) {
				case "CREATED" -> counts.created += outcome.recordType().equals(job.target().recordType()) ? 1 : 0;
				case "UPDATED" -> counts.updated++;
				case "SKIPPED" -> counts.skipped++;
				case "REJECTED" -> counts.rejected++;
				default -> {
				}
			}
		}
	}

	/** A new record of the chunk, waiting to be written with the others. */
	private record Pending(Planned planned, Object details, Map<String, Object> custom, ImportOrigin origin) {
	}

	/**
	 * Creates, in one batch, the accounts the chunk's rows name and no account has (and
	 * no earlier chunk created); one the batch refuses is left to its rows, which report
	 * why.
	 */
	private List<Outcome> createNamedAccounts(ImportJob job, Context context, Viewer viewer, List<Planned> plan,
			boolean savepoints) {
		Map<String, Planned> first = new java.util.LinkedHashMap<>();
		Map<String, String> names = new java.util.LinkedHashMap<>();
		for (Planned planned : plan) {
			if (planned.action() == Action.CREATE && planned.newAccount() != null
					&& context.newAccountId(planned.newAccount()) == null) {
				String key = planned.newAccount().trim().toLowerCase(Locale.ROOT);
				first.putIfAbsent(key, planned);
				names.putIfAbsent(key, planned.newAccount().trim());
			}
		}
		if (first.isEmpty()) {
			return List.of();
		}
		List<CustomerImports.Imported<AccountDetails>> rows = new ArrayList<>();
		first.forEach((key, planned) -> {
			UUID owner = planned.values().get("owner") instanceof UUID id ? id : context.defaultOwner;
			rows.add(new CustomerImports.Imported<>(new AccountDetails(names.get(key), null, null, null, null, null,
					null, null, null, null, null, null, owner, null), null,
					new ImportOrigin(job.id(), null, null, null)));
		});
		List<CustomerImports.Result> results;
		try {
			results = savepoints ? this.row.execute(status -> this.customers.createAccounts(viewer, rows))
					: this.customers.createAccounts(viewer, rows);
		}
		catch (org.springframework.dao.DataAccessException ex) {
			if (!savepoints) {
				throw ex;
			}
			return List.of(); // each row creates its own, as before
		}
		List<Outcome> outcomes = new ArrayList<>();
		int i = 0;
		for (Map.Entry<String, Planned> entry : first.entrySet()) {
			CustomerImports.Result result = results.get(i++);
			if (result.created()) {
				context.accountCreated(names.get(entry.getKey()), result.id());
				outcomes.add(new Outcome(entry.getValue().row(), Accounts.RECORD_TYPE, "CREATED", result.id(), 0L, null,
						"Account '" + names.get(entry.getKey()) + "' created for the row."));
			}
		}
		return outcomes;
	}

	/**
	 * What an update changed, as it was: the details, and the custom values it set.
	 */
	record Before(Object details, Map<String, Object> custom) {
	}

	/**
	 * Writes the chunk's new records in one batch; should the batch fail as a whole (a
	 * record someone wrote meanwhile with the same old id), one by one.
	 */
	private List<Outcome> createPending(ImportJob job, Context context, Viewer viewer, List<Pending> pending,
			boolean savepoints) {
		List<Outcome> outcomes = new ArrayList<>();
		String type = job.target().recordType();
		List<Created> results;
		try {
			results = savepoints ? this.row.execute(status -> createAll(job.target(), viewer, pending))
					: createAll(job.target(), viewer, pending);
		}
		catch (org.springframework.dao.DataAccessException ex) {
			if (!savepoints) {
				throw ex;
			}
			for (Pending one : pending) {
				try {
					UUID created = this.row.execute(status -> createOne(job.target(), viewer, one));
					context.created(one.planned(), created);
					outcomes.add(new Outcome(one.planned().row(), type, "CREATED", created, 0L, null,
							warnings(one.planned())));
				}
				catch (InvalidInputException | org.springframework.dao.DataAccessException failed) {
					outcomes.add(rejected(one.planned(),
							failed instanceof InvalidInputException invalid
									? String.join(" ", invalid.fieldErrors().values())
									: "A record with this old id was written meanwhile."));
				}
			}
			return outcomes;
		}
		for (int i = 0; i < pending.size(); i++) {
			Planned planned = pending.get(i).planned();
			Created result = results.get(i);
			if (result.id() != null) {
				context.created(planned, result.id());
				outcomes.add(new Outcome(planned.row(), type, "CREATED", result.id(), 0L, null, warnings(planned)));
			}
			else {
				outcomes.add(rejected(planned, String.join(" ", result.errors().values())));
			}
		}
		return outcomes;
	}

	/** A record of a batch: its id, or why it was refused. */
	private record Created(UUID id, Map<String, String> errors) {
	}

	@SuppressWarnings("unchecked")
	private List<Created> createAll(ImportTarget target, Viewer viewer, List<Pending> pending) {
		return switch (target) {
			case ACCOUNT -> this.customers.createAccounts(viewer,
					pending.stream()
						.map(p -> new CustomerImports.Imported<>((AccountDetails) p.details(), p.custom(), p.origin()))
						.toList())
				.stream()
				.map(r -> new Created(r.id(), r.errors()))
				.toList();
			case CONTACT -> this.customers.createContacts(viewer,
					pending.stream()
						.map(p -> new CustomerImports.Imported<>((ContactDetails) p.details(), p.custom(), p.origin()))
						.toList())
				.stream()
				.map(r -> new Created(r.id(), r.errors()))
				.toList();
			case OPPORTUNITY ->
				this.deals
					.create(viewer,
							pending.stream()
								.map(p -> new DealImports.ImportedDeal((OpportunityDetails) p.details(), p.custom(),
										p.origin()))
								.toList())
					.stream()
					.map(r -> new Created(r.id(), r.errors()))
					.toList();
			// one at a time, each in a savepoint of its own: a refused activity must not
			// mark the chunk's transaction for rollback
			case ACTIVITY -> pending.stream().map(p -> {
				try {
					return new Created(this.row.execute(
							status -> this.activities.create(viewer, (ActivityDetails) p.details(), p.origin()).id()),
							Map.of());
				}
				catch (InvalidInputException ex) {
					return new Created(null, ex.fieldErrors());
				}
				catch (ForbiddenException ex) {
					return new Created(null, Map.of("owner", ex.getMessage()));
				}
			}).toList();
			case QUOTA, USER, PRODUCT, LINE_ITEM -> throw new IllegalStateException("Written row by row.");
		};
	}

	private UUID createOne(ImportTarget target, Viewer viewer, Pending one) {
		return switch (target) {
			case ACCOUNT ->
				this.accounts.create(viewer, (AccountDetails) one.details(), one.custom(), one.origin()).id();
			case CONTACT ->
				this.contacts.create(viewer, (ContactDetails) one.details(), one.custom(), one.origin()).id();
			case OPPORTUNITY ->
				this.opportunities.create(viewer, (OpportunityDetails) one.details(), one.custom(), one.origin()).id();
			case ACTIVITY -> this.activities.create(viewer, (ActivityDetails) one.details(), one.origin()).id();
			case QUOTA, USER, PRODUCT, LINE_ITEM -> throw new IllegalStateException("Written row by row.");
		};
	}

	private Outcome rejected(Planned planned, String message) {
		return new Outcome(planned.row(), null, "REJECTED", null, null, null, message);
	}

	private void writeRow(ImportJob job, Context context, Viewer viewer, Planned planned, List<Outcome> out,
			List<Pending> pending, List<OneByOne.LaterManager> later) {
		ImportTarget target = job.target();
		String type = target.recordType();
		if (planned.action() == Action.REJECT) {
			out.add(new Outcome(planned.row(), null, "REJECTED", null, null, null, planned.message()));
			return;
		}
		UUID recordId = planned.recordId();
		Action action = planned.action();
		String key = context.matchKey(planned.values());
		if (recordId == null && key != null && context.earlierRows.get(key) != null) {
			recordId = context.earlierRows.get(key);
			action = job.settings().onMatch() == ImportSettings.OnMatch.UPDATE ? Action.UPDATE : Action.SKIP;
		}
		if (action == Action.SKIP || (action == Action.UPDATE && recordId == null)) {
			out.add(new Outcome(planned.row(), type, "SKIPPED", recordId, null, null,
					"The record exists already; it is left as it is."));
			return;
		}
		Map<String, Object> values = new HashMap<>(planned.values());
		if (target == ImportTarget.QUOTA) {
			out.add(setQuota(job, context, viewer, planned, action, values));
			return;
		}
		if (OneByOne.handles(target)) {
			out.add(this.oneByOne.write(job, context, viewer, planned, action, recordId, values, later));
			return;
		}
		Map<String, Object> custom = RowPlanner.custom(values);
		UUID owner = values.get("owner") instanceof UUID id ? id : context.defaultOwner;
		if (action == Action.CREATE && planned.newAccount() != null) {
			String name = planned.newAccount().trim();
			UUID accountId = context.newAccounts.get(name.toLowerCase(Locale.ROOT));
			if (accountId == null) {
				Account account = this.accounts.create(viewer, new AccountDetails(name, null, null, null, null, null,
						null, null, null, null, null, null, owner, null), null,
						new ImportOrigin(job.id(), null, null, null));
				accountId = account.id();
				context.accountCreated(name, accountId);
				out.add(new Outcome(planned.row(), Accounts.RECORD_TYPE, "CREATED", accountId, account.version(), null,
						"Account '" + name + "' created for the row."));
			}
			values.put(planned.newAccountField(), accountId);
		}
		ImportOrigin origin = new ImportOrigin(job.id(), (String) values.get("externalId"),
				values.get("createdAt") instanceof Instant at ? at : null,
				values.get("closedAt") instanceof Instant at ? at : null);
		if (action == Action.CREATE) {
			Object details = switch (target) {
				case ACCOUNT -> Binders.account(null, values, owner);
				case CONTACT -> Binders.contact(null, values, owner);
				case OPPORTUNITY -> Binders.opportunity(null, values, owner);
				case ACTIVITY -> Binders.activity(null, values, owner, this.clock);
				case QUOTA, USER, PRODUCT, LINE_ITEM -> throw new IllegalStateException("Written row by row.");
			};
			pending.add(new Pending(planned, details, custom, origin));
			return;
		}
		// update: the row's values over the record's
		values.remove("externalId");
		Object before;
		Object after;
		long version;
		Map<String, Object> customBefore;
		switch (target) {
			case ACCOUNT -> {
				Account current = this.accounts.get(viewer, recordId);
				before = current.details();
				after = Binders.account(current.details(), values, current.ownerId());
				version = current.version();
				customBefore = current.customFields().asMap();
			}
			case CONTACT -> {
				Contact current = this.contacts.get(viewer, recordId);
				before = current.details();
				after = Binders.contact(current.details(), values, current.ownerId());
				version = current.version();
				customBefore = current.customFields().asMap();
			}
			case OPPORTUNITY -> {
				Opportunity current = this.opportunities.get(viewer, recordId);
				before = current.details();
				after = Binders.opportunity(current.details(), values, current.ownerId());
				version = current.version();
				customBefore = current.customFields().asMap();
			}
			default -> { // ACTIVITY
				Activity current = this.activities.get(viewer, recordId);
				before = current.details();
				after = Binders.activity(current.details(), values, current.ownerId(), this.clock);
				version = current.version();
				customBefore = Map.of();
			}
		}
		if (after.equals(before) && custom.isEmpty()) {
			out.add(new Outcome(planned.row(), type, "SKIPPED", recordId, null, null,
					"The record has these values already."));
			return;
		}
		long written = switch (target) {
			case ACCOUNT ->
				this.accounts.update(viewer, recordId, version, (AccountDetails) after, custom, job.id()).version();
			case CONTACT ->
				this.contacts.update(viewer, recordId, version, (ContactDetails) after, custom, job.id()).version();
			case OPPORTUNITY ->
				this.opportunities.update(viewer, recordId, version, (OpportunityDetails) after, custom, job.id())
					.version();
			case ACTIVITY ->
				this.activities.update(viewer, recordId, version, (ActivityDetails) after, job.id()).version();
			case QUOTA, USER, PRODUCT, LINE_ITEM -> throw new IllegalStateException("Written row by row.");
		};
		// the custom values the import set, as they were (none: cleared again by the
		// undo)
		Map<String, Object> customRestore = new HashMap<>();
		custom.keySet().forEach(field -> customRestore.put(field, customBefore.get(field)));
		out.add(new Outcome(planned.row(), type, "UPDATED", recordId, written,
				ImportStore.JSON.writeValueAsString(new Before(before, customRestore)), warnings(planned)));
	}

	/**
	 * Sets a person's quota for the period as the row says (a new quota or a changed
	 * one), keeping what it was for the undo.
	 */
	private Outcome setQuota(ImportJob job, Context context, Viewer viewer, Planned planned, Action action,
			Map<String, Object> values) {
		UUID person = (UUID) values.get("owner");
		String period = (String) values.get("period");
		QuotaKind kind = RowPlanner.quotaKind(values);
		Optional<Quota> before = this.quotas.current(person, period, kind);
		if (action == Action.CREATE && before.isPresent()) {
			// set by an earlier row of the file
			if (job.settings().onMatch() != ImportSettings.OnMatch.UPDATE) {
				return new Outcome(planned.row(), Quotas.RECORD_TYPE, "SKIPPED", person, null, null,
						"The quota is set already; it is left as it is.");
			}
		}
		BigDecimal amount = (BigDecimal) values.get("amount");
		if (before.isPresent() && before.get().amount().compareTo(amount) == 0) {
			return new Outcome(planned.row(), Quotas.RECORD_TYPE, "SKIPPED", person, null, null,
					"The quota is this amount already.");
		}
		Quota after = this.quotas.set(viewer, person, period, kind, amount, before.map(Quota::version).orElse(0L))
			.orElseThrow();
		context.created(planned, person);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("period", period);
		was.put("kind", kind.name());
		// as text: exactly the amount it was
		was.put("amount", before.map(quota -> quota.amount().toPlainString()).orElse(null));
		return new Outcome(planned.row(), Quotas.RECORD_TYPE, before.isPresent() ? "UPDATED" : "CREATED", person,
				after.version(), ImportStore.JSON.writeValueAsString(was), warnings(planned));
	}

	/**
	 * Puts a quota back as it was before the import (cleared, for one it set first),
	 * unless it changed since.
	 */
	private void undoQuota(Viewer viewer, Written record) {
		tools.jackson.databind.JsonNode was = ImportStore.JSON.readTree(record.before());
		String amount = was.path("amount").isString() ? was.path("amount").asString() : null;
		this.quotas.set(viewer, record.recordId(), was.path("period").asString(),
				QuotaKind.valueOf(was.path("kind").asString()), amount == null ? null : new BigDecimal(amount),
				record.writtenVersion());
	}

	private static String warnings(Planned planned) {
		return planned.problems().isEmpty() ? null : planned.message();
	}

	void undoNow(UUID importId, UUID actorId) {
		ImportJob job = this.store.find(importId).orElseThrow();
		Viewer viewer = Viewer.of(this.users.get(actorId));
		Counts counts = new Counts();
		counts.created = job.created();
		counts.updated = job.updated();
		counts.skipped = job.skipped();
		counts.rejected = job.rejected();
		counts.undone = job.undone();
		counts.kept = job.kept();
		try {
			int processed = 0;
			// a page at a time: an import of a million rows wrote a million records
			List<Written> batch = this.store.written(importId, null, CHUNK);
			while (!batch.isEmpty()) {
				// the contacts and deals the import created, taken out together; those
				// not (changed since, say) go one by one below, which says why each is
				// kept
				Map<UUID, Written> created = new java.util.LinkedHashMap<>();
				Map<UUID, Long> contacts = new HashMap<>();
				Map<UUID, Long> deals = new HashMap<>();
				for (Written record : batch) {
					if ("CREATED".equals(record.outcome()) && created.putIfAbsent(record.recordId(), record) == null) {
						if (Opportunities.RECORD_TYPE.equals(record.recordType())) {
							deals.put(record.recordId(), record.writtenVersion());
						}
						else if (Contacts.RECORD_TYPE.equals(record.recordType())) {
							contacts.put(record.recordId(), record.writtenVersion());
						}
					}
				}
				java.util.Set<UUID> removed = new java.util.HashSet<>();
				if (!deals.isEmpty()) {
					removed.addAll(this.row
						.execute(status -> this.opportunities.deleteAllIfUnchanged(viewer, deals, importId)));
				}
				if (!contacts.isEmpty()) {
					removed.addAll(
							this.row.execute(status -> this.contacts.deleteAllIfUnchanged(viewer, contacts, importId)));
				}
				this.store.undone(removed.stream().map(id -> created.get(id).id()).toList());
				counts.undone += removed.size();
				for (Written record : batch) {
					if (removed.contains(record.recordId()) && created.get(record.recordId()) == record) {
						continue;
					}
					String kept = undoInOwnTransaction(viewer, importId, record);
					if (kept == null) {
						counts.undone++;
						this.store.undoOutcome(record.id(), "UNDONE", null);
					}
					else {
						counts.kept++;
						this.store.undoOutcome(record.id(), "KEPT", kept);
					}
				}
				processed += batch.size();
				this.store.progress(importId, processed, counts, this.clock.instant());
				batch = this.store.written(importId, batch.get(batch.size() - 1).id(), CHUNK);
			}
			this.store.transition(importId, Status.UNDOING, Status.UNDONE, actorId, this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("Undoing import {} failed", importId, ex);
			this.store.fail(importId, Status.COMPLETED,
					"The undo stopped at an unexpected error; start it again to undo the rest.", this.clock.instant());
		}
	}

	/**
	 * @return {@code null} when the record was taken out or put back; otherwise why it is
	 * kept
	 */
	private String undoInOwnTransaction(Viewer viewer, UUID importId, Written record) {
		String changed = "Changed since the import; kept as it is.";
		try {
			return this.row.execute(status -> undo(viewer, importId, record, changed));
		}
		catch (StaleRecordException ex) {
			return changed;
		}
		catch (RecordNotFoundException ex) {
			return "No longer there (deleted since the import).";
		}
		catch (InvalidInputException ex) {
			return "Its earlier values are no longer valid (" + String.join(" ", ex.fieldErrors().values())
					+ "); kept as it is.";
		}
	}

	private String undo(Viewer viewer, UUID importId, Written record, String changed) {
		if (Quotas.RECORD_TYPE.equals(record.recordType())) {
			undoQuota(viewer, record);
			return null;
		}
		if (OneByOne.handles(record.recordType())) {
			return this.oneByOne.undo(viewer, importId, record, changed);
		}
		{
			if ("CREATED".equals(record.outcome())) {
				if (Accounts.RECORD_TYPE.equals(record.recordType())
						&& (this.opportunities.anyAtAccount(record.recordId())
								|| this.lookups.hasContacts(record.recordId()))) {
					// its deals and contacts would go to the recycle bin with it: those
					// kept by this undo, or added since
					return "Deals or contacts that stay are at this account; kept as it is.";
				}
				boolean removed = switch (record.recordType()) {
					case Accounts.RECORD_TYPE ->
						this.accounts.deleteIfUnchanged(viewer, record.recordId(), record.writtenVersion());
					case Contacts.RECORD_TYPE ->
						this.contacts.deleteIfUnchanged(viewer, record.recordId(), record.writtenVersion());
					case Activities.RECORD_TYPE ->
						this.activities.deleteIfUnchanged(viewer, record.recordId(), record.writtenVersion());
					default -> this.opportunities.deleteIfUnchanged(viewer, record.recordId(), record.writtenVersion());
				};
				return removed ? null : changed;
			}
			tools.jackson.databind.JsonNode before = ImportStore.JSON.readTree(record.before());
			Map<String, Object> custom = new HashMap<>();
			before.path("custom")
				.properties()
				.forEach(entry -> custom.put(entry.getKey(), entry.getValue().isNull() ? null
						: ImportStore.JSON.treeToValue(entry.getValue(), Object.class)));
			tools.jackson.databind.JsonNode details = before.path("details");
			switch (record.recordType()) {
				case Accounts.RECORD_TYPE -> this.accounts.update(viewer, record.recordId(), record.writtenVersion(),
						ImportStore.JSON.treeToValue(details, AccountDetails.class), custom, importId);
				case Contacts.RECORD_TYPE -> this.contacts.update(viewer, record.recordId(), record.writtenVersion(),
						ImportStore.JSON.treeToValue(details, ContactDetails.class), custom, importId);
				case Activities.RECORD_TYPE ->
					this.activities.update(viewer, record.recordId(), record.writtenVersion(),
							ImportStore.JSON.treeToValue(details, ActivityDetails.class), importId);
				default -> this.opportunities.update(viewer, record.recordId(), record.writtenVersion(),
						ImportStore.JSON.treeToValue(details, OpportunityDetails.class), custom, importId);
			}
			return null;
		}
	}

	/** The sheet of the import's file to read. */
	public static SheetChoice sheet(ImportJob job) {
		return job.sheet() == null ? SheetChoice.first() : SheetChoice.named(job.sheet());
	}

	/** Each header's column (the first, for a header written twice). */
	public static Map<String, Integer> columnIndex(List<String> header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i), i);
		}
		return columns;
	}

	/** An all-or-nothing import that met a refused row, or a cancel. */
	static final class AllOrNothingRefused extends RuntimeException {

		final boolean cancelled;

		AllOrNothingRefused(String message, boolean cancelled) {
			super(message);
			this.cancelled = cancelled;
		}

	}

}
