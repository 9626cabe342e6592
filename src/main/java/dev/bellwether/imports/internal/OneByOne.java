package dev.bellwether.imports.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserDirectory.EncodedPassword;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportJob;
import dev.bellwether.imports.ImportTarget;
import dev.bellwether.imports.internal.ImportStore.Outcome;
import dev.bellwether.imports.internal.ImportStore.Written;
import dev.bellwether.imports.internal.RowPlanner.Action;
import dev.bellwether.imports.internal.RowPlanner.Context;
import dev.bellwether.imports.internal.RowPlanner.InFile;
import dev.bellwether.imports.internal.RowPlanner.Planned;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.sales.LineItem;
import dev.bellwether.sales.LineItemDetails;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.ProductDetails;
import dev.bellwether.sales.Products;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes, and undoes, the records an import brings in one at a time, through their
 * modules' own rules: users (and the hierarchy their managers make), products and deals'
 * line items — files of hundreds or thousands of rows, not of millions.
 */
@Component
class OneByOne {

	private static final String LINE_ITEM = "line item";

	private final UserDirectory users;

	private final Products products;

	private final Opportunities opportunities;

	private final ImportStore store;

	private final TransactionTemplate own;

	/**
	 * The password of imported users: the hash of a random secret nobody keeps, so that
	 * no one signs in as them until an administrator sets their password.
	 */
	private volatile EncodedPassword unusable;

	OneByOne(UserDirectory users, Products products, Opportunities opportunities, ImportStore store,
			PlatformTransactionManager transactions) {
		this.users = users;
		this.products = products;
		this.opportunities = opportunities;
		this.store = store;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	static boolean handles(ImportTarget target) {
		return target == ImportTarget.USER || target == ImportTarget.PRODUCT || target == ImportTarget.LINE_ITEM;
	}

	static boolean handles(String recordType) {
		return UserDirectory.RECORD_TYPE.equals(recordType) || Products.RECORD_TYPE.equals(recordType)
				|| LINE_ITEM.equals(recordType);
	}

	/** A person whose manager is a row of the file not yet created when they were. */
	record LaterManager(UUID userId, String key) {
	}

	/**
	 * Creates or updates the row's record.
	 * @param later where a person waiting for a manager the file brings in is noted
	 */
	Outcome write(ImportJob job, Context context, Viewer viewer, Planned planned, Action action, UUID recordId,
			Map<String, Object> values, List<LaterManager> later) {
		ImportOrigin origin = new ImportOrigin(job.id(), (String) values.get("externalId"), null, null);
		String warnings = planned.problems().isEmpty() ? null : planned.message();
		return switch (job.target()) {
			case USER -> writeUser(job, context, viewer, planned, action, recordId, values, later, origin, warnings);
			case PRODUCT -> {
				if (action == Action.CREATE) {
					Product created = this.products.create(viewer, Binders.product(null, values), origin);
					context.created(planned, created.id());
					yield new Outcome(planned.row(), Products.RECORD_TYPE, "CREATED", created.id(), created.version(),
							null, warnings);
				}
				Product current = this.products.get(recordId);
				ProductDetails after = Binders.product(current.details(), values);
				if (after.equals(current.details())) {
					yield unchanged(planned, Products.RECORD_TYPE, recordId);
				}
				Product updated = this.products.update(viewer, recordId, current.version(), after, job.id());
				yield new Outcome(planned.row(), Products.RECORD_TYPE, "UPDATED", recordId, updated.version(),
						ImportStore.JSON.writeValueAsString(current.details()), warnings);
			}
			default -> { // LINE_ITEM
				if (action == Action.CREATE) {
					LineItem created = this.opportunities.addLineItem(viewer, (UUID) values.get("opportunity"),
							Binders.lineItem(null, values), origin);
					yield new Outcome(planned.row(), LINE_ITEM, "CREATED", created.id(), created.version(), null,
							warnings);
				}
				LineItem current = this.opportunities.findLineItem(recordId)
					.orElseThrow(() -> new StaleRecordException(LINE_ITEM, recordId, 0));
				LineItemDetails before = details(current);
				values.remove("opportunity"); // a line stays on its deal
				LineItemDetails after = Binders.lineItem(before, values);
				if (after.equals(before)) {
					yield unchanged(planned, LINE_ITEM, recordId);
				}
				LineItem updated = this.opportunities.updateLineItem(viewer, current.opportunityId(), recordId,
						current.version(), after, job.id());
				yield new Outcome(planned.row(), LINE_ITEM, "UPDATED", recordId, updated.version(),
						ImportStore.JSON.writeValueAsString(before), warnings);
			}
		};
	}

	private Outcome writeUser(ImportJob job, Context context, Viewer viewer, Planned planned, Action action,
			UUID recordId, Map<String, Object> values, List<LaterManager> later, ImportOrigin origin, String warnings) {
		UUID manager = values.get("manager") instanceof UUID id ? id : null;
		InFile waiting = null;
		if (values.get("manager") instanceof InFile inFile) {
			manager = context.peopleCreated.get(inFile.key());
			waiting = manager == null ? inFile : null;
		}
		if (action == Action.CREATE) {
			User created = this.users.create(Binders.user(null, values, manager), unusablePassword(), viewer.id(),
					origin);
			context.personCreated(values, created.id());
			context.created(planned, created.id());
			if (waiting != null) {
				later.add(new LaterManager(created.id(), waiting.key()));
			}
			return new Outcome(planned.row(), UserDirectory.RECORD_TYPE, "CREATED", created.id(), created.version(),
					null, warnings);
		}
		User current = this.users.get(recordId);
		UserProfile before = profile(current);
		UserProfile after = Binders.user(before, values, manager);
		context.personCreated(values, current.id());
		if (waiting != null) {
			later.add(new LaterManager(current.id(), waiting.key()));
		}
		if (after.equals(before)) {
			return unchanged(planned, UserDirectory.RECORD_TYPE, recordId);
		}
		User updated = this.users.update(recordId, current.version(), after, viewer.id(), job.id());
		return new Outcome(planned.row(), UserDirectory.RECORD_TYPE, "UPDATED", recordId, updated.version(),
				ImportStore.JSON.writeValueAsString(before), warnings);
	}

	/**
	 * Sets the managers the file brings in, once the run has created them: each in a
	 * transaction of its own, and one that can't be set (the file's managers go round in
	 * a circle, or the manager's row was refused) is said in the person's report line.
	 */
	void setLaterManagers(ImportJob job, Context context, Viewer viewer, List<LaterManager> later) {
		for (LaterManager person : later) {
			UUID manager = context.peopleCreated.get(person.key());
			if (manager == null) {
				this.store.amend(job.id(), person.userId(), null,
						"Their manager's row was not imported: they have no manager yet.");
				continue;
			}
			try {
				Long version = this.own.execute(status -> {
					User current = this.users.get(person.userId());
					if (manager.equals(current.managerId())) {
						return null; // so already
					}
					UserProfile profile = profile(current);
					UserProfile withManager = new UserProfile(profile.username(), profile.fullName(), profile.email(),
							profile.title(), profile.role(), manager, profile.team(), profile.region(),
							profile.hiredOn(), profile.integrationAccount(), profile.notCountedReason());
					return this.users.update(current.id(), current.version(), withManager, viewer.id(), job.id())
						.version();
				});
				if (version != null) {
					this.store.amend(job.id(), person.userId(), version, null);
				}
			}
			catch (InvalidInputException | StaleRecordException ex) {
				String why = ex instanceof InvalidInputException invalid
						? String.join(" ", invalid.fieldErrors().values()) : "They changed while the import ran.";
				this.store.amend(job.id(), person.userId(), null, "Their manager was not set: " + why);
			}
		}
	}

	/**
	 * Undoes what the import wrote of one record.
	 * @return why the record is kept, or {@code null} when it was undone
	 */
	String undo(Viewer viewer, UUID importId, Written record, String changed) {
		boolean created = "CREATED".equals(record.outcome());
		switch (record.recordType()) {
			case UserDirectory.RECORD_TYPE -> {
				if (created) {
					// users are never deleted: what they touched keeps its history
					return this.users.deactivateIfUnchanged(record.recordId(), record.writtenVersion(), viewer.id())
							? null : "Changed or signed in since the import; kept as it is.";
				}
				this.users.update(record.recordId(), record.writtenVersion(),
						ImportStore.JSON.readValue(record.before(), UserProfile.class), viewer.id(), importId);
				return null;
			}
			case Products.RECORD_TYPE -> {
				if (created) {
					return this.products.deleteIfUnused(viewer, record.recordId(), record.writtenVersion(), importId);
				}
				this.products.update(viewer, record.recordId(), record.writtenVersion(),
						ImportStore.JSON.readValue(record.before(), ProductDetails.class), importId);
				return null;
			}
			default -> {
				if (created) {
					return this.opportunities.removeLineItemIfUnchanged(viewer, record.recordId(),
							record.writtenVersion(), importId) ? null : changed;
				}
				LineItem current = this.opportunities.findLineItem(record.recordId())
					.orElseThrow(
							() -> new dev.bellwether.platform.RecordNotFoundException(LINE_ITEM, record.recordId()));
				this.opportunities.updateLineItem(viewer, current.opportunityId(), record.recordId(),
						record.writtenVersion(), ImportStore.JSON.readValue(record.before(), LineItemDetails.class),
						importId);
				return null;
			}
		}
	}

	private static Outcome unchanged(Planned planned, String type, UUID recordId) {
		return new Outcome(planned.row(), type, "SKIPPED", recordId, null, null,
				"The record has these values already.");
	}

	private EncodedPassword unusablePassword() {
		if (this.unusable == null) {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			this.unusable = this.users.encodePassword(Base64.getEncoder().encodeToString(secret));
		}
		return this.unusable;
	}

	static UserProfile profile(User user) {
		return new UserProfile(user.username(), user.fullName(), user.email(), user.title(), user.role(),
				user.managerId(), user.team(), user.region(), user.hiredOn(), user.integrationAccount(),
				user.notCountedReason());
	}

	static LineItemDetails details(LineItem item) {
		return new LineItemDetails(item.productId(), item.quantity(), item.unitPrice(), item.discountPercent(),
				item.description());
	}

}
