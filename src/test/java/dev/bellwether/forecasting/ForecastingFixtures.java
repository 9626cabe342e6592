package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;

/**
 * What the forecasting tests share: people in a manager hierarchy, and deals, each on an
 * account of its own, made through their modules' services. The fixture keeps its own
 * record of who reports to whom, so that a test can tell a team the simple way, without
 * the identity module's answer. Not a component, like {@code ExportFixtures}: each test
 * makes its own, with a label that names its accounts and deals.
 */
final class ForecastingFixtures {

	/** The default stages every database has. */
	static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final UUID QUALIFICATION = UUID.fromString("01900000-0000-7000-8000-000000000002");

	static final UUID NEEDS_ANALYSIS = UUID.fromString("01900000-0000-7000-8000-000000000003");

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	/** The reason a deal made at the lost stage is lost for: it needs one. */
	static final String LOSS_REASON = "No budget this year";

	private final TestUsers users;

	private final Accounts accounts;

	private final Opportunities opportunities;

	private final String label;

	/** Everyone the fixture made, by id. */
	private final Map<UUID, User> people = new LinkedHashMap<>();

	/** Each person's manager as the test set it; null at the top. */
	private final Map<UUID, UUID> managerOf = new LinkedHashMap<>();

	ForecastingFixtures(TestUsers users, Accounts accounts, Opportunities opportunities, String label) {
		this.users = users;
		this.accounts = accounts;
		this.opportunities = opportunities;
		this.label = label;
	}

	/** A new person, reporting to the manager, or to nobody when it is null. */
	User person(Role role, User manager) {
		User user = this.users.create(role, manager == null ? null : manager.id());
		this.people.put(user.id(), user);
		this.managerOf.put(user.id(), manager == null ? null : manager.id());
		return user;
	}

	/** Notes that the person reports to another manager now (the test moved them). */
	void moved(User person, User manager) {
		this.managerOf.put(person.id(), manager.id());
	}

	/** The people who report to the manager directly. */
	List<UUID> reportsOf(UUID manager) {
		List<UUID> reports = new ArrayList<>();
		this.managerOf.forEach((id, managerId) -> {
			if (manager.equals(managerId)) {
				reports.add(id);
			}
		});
		return reports;
	}

	/** The simple way: everyone whose chain of managers reaches the person. */
	List<UUID> organisationOf(UUID top) {
		List<UUID> members = new ArrayList<>();
		for (UUID id : this.managerOf.keySet()) {
			UUID at = id;
			while (at != null && !at.equals(top)) {
				at = this.managerOf.get(at);
			}
			if (at != null) {
				members.add(id);
			}
		}
		return members;
	}

	/** An open deal with the forecast category of its stage. */
	Opportunity deal(User owner, UUID stage, String amount, LocalDate closeDate) {
		return deal(owner, stage, amount, closeDate, null);
	}

	/**
	 * A deal of the owner's on an account of its own, at the stage; a forecast category
	 * of null is the stage's.
	 */
	Opportunity deal(User owner, UUID stage, String amount, LocalDate closeDate, ForecastCategory category) {
		Viewer viewer = TestUsers.viewer(owner);
		UUID account = this.accounts
			.create(viewer,
					new AccountDetails(this.label + " Co " + UUID.randomUUID(), null, null, null, null, null, null,
							null, null, null, null, null, owner.id(), null))
			.id();
		return this.opportunities.create(viewer,
				new OpportunityDetails(this.label + " deal " + UUID.randomUUID(), account, null, owner.id(), stage,
						new BigDecimal(amount), false, closeDate, null, category, null, null,
						stage.equals(LOST) ? LOSS_REASON : null, null));
	}

	/**
	 * The deal changed by its owner: a stage, amount or close date of null stays as it
	 * is; a new stage takes its own probability and forecast category.
	 */
	Opportunity update(Opportunity deal, UUID stage, String amount, LocalDate closeDate) {
		Viewer owner = TestUsers.viewer(this.people.get(deal.ownerId()));
		Opportunity current = this.opportunities.get(owner, deal.id());
		OpportunityDetails d = current.details();
		return this.opportunities.update(owner, deal.id(), current.version(),
				new OpportunityDetails(d.name(), d.accountId(), d.primaryContactId(), d.ownerId(),
						stage == null ? d.stageId() : stage, amount == null ? d.amount() : new BigDecimal(amount),
						d.amountFromLineItems(), closeDate == null ? d.closeDate() : closeDate,
						stage == null ? d.probability() : null, stage == null ? d.forecastCategory() : null,
						d.nextStep(), d.leadSource(), d.lossReason(), d.description()));
	}

	/**
	 * The forecast category a deal at the stage counts in when none is set on it; a lost
	 * deal counts in none.
	 */
	static ForecastCategory categoryOf(UUID stage) {
		if (stage.equals(WON)) {
			return ForecastCategory.CLOSED;
		}
		if (stage.equals(LOST)) {
			return null;
		}
		if (stage.equals(NEGOTIATION)) {
			return ForecastCategory.COMMIT;
		}
		if (stage.equals(PROPOSAL)) {
			return ForecastCategory.BEST_CASE;
		}
		return ForecastCategory.PIPELINE;
	}

	/** A close date in the period: three days on, or today near its end. */
	static LocalDate closingIn(FiscalPeriod period, LocalDate today) {
		return today.plusDays(3).isAfter(period.end()) ? today : today.plusDays(3);
	}

	/** A close date well after the period. */
	static LocalDate closingAfter(FiscalPeriod period) {
		return period.end().plusDays(20);
	}

}
