package dev.bellwether.sales;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.export.ExportRow;
import dev.bellwether.platform.export.ExportableList;
import dev.bellwether.platform.export.RecordListExport;
import dev.bellwether.platform.listview.ListQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The deal list for exports: the deals the person may see, filtered and sorted as the
 * list page does it ({@link Opportunities#list}), with each column's value and related
 * fields by name (account, stage, owner).
 */
@Component
class OpportunityExports extends RecordListExport {

	private final Opportunities opportunities;

	private final Accounts accounts;

	private final UserDirectory users;

	OpportunityExports(Opportunities opportunities, Accounts accounts, UserDirectory users) {
		super(OpportunityAccess.RECORD_TYPE, "opportunities", "deals", users::namesOf);
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.users = users;
	}

	@Override
	public Page<ExportRow> page(UUID viewerId, ListQuery query, CustomFilter custom, Pageable pageable) {
		Page<Opportunity> page = this.opportunities.list(Viewer.of(this.users.get(viewerId)), filter(query), custom,
				pageable);
		Map<UUID, String> accountNames = namesOf(page, Opportunity::accountId, this.accounts::namesOf);
		Map<UUID, String> ownerNames = namesOf(page, Opportunity::ownerId, this.users::namesOf);
		return page.map(deal -> {
			Map<String, Object> cells = new HashMap<>();
			cells.put("name", deal.name());
			cells.put("account", accountNames.get(deal.accountId()));
			cells.put("stage", deal.stageName());
			cells.put("amount", deal.amount());
			cells.put("closeDate", deal.closeDate());
			cells.put("probability", deal.probability());
			cells.put("forecastCategory", (deal.forecastCategory() != null) ? deal.forecastCategory().label() : null);
			cells.put("nextStep", deal.nextStep());
			cells.put("owner", ownerNames.get(deal.ownerId()));
			cells.put("lastTouchedAt", deal.lastTouchedAt());
			cells.put("createdAt", deal.createdAt());
			return new ExportRow(cells, deal.customFields());
		});
	}

	/**
	 * The list page's filters as the deal query's (as {@code /opportunities} reads them).
	 */
	static OpportunityFilter filter(ListQuery query) {
		String status = query.choice("status");
		Boolean open = "open".equals(status) ? Boolean.TRUE : "closed".equals(status) ? Boolean.FALSE : null;
		String category = query.choice("category");
		return new OpportunityFilter(query.text("q"), query.id("accountId"), query.id("owner"), query.id("team"),
				query.id("stage"), (category == null) ? null : ForecastCategory.valueOf(category),
				query.date("closeFrom"), query.date("closeTo"), open, query.flag("stale"), query.flag("overdue"),
				query.choice("forecast") == null ? null : ForecastTotal.valueOf(query.choice("forecast")));
	}

	/**
	 * {@code /api/v1/opportunities} names the owner, stage and forecast filters
	 * {@code ownerId}, {@code stageId}, {@code forecastCategory}, and open or closed
	 * deals {@code open=true|false}.
	 */
	@Override
	public Map<String, String[]> fromApi(Map<String, String[]> parameters) {
		Map<String, String[]> renamed = ExportableList.renamed(parameters, Map.of("ownerId", "owner", "stageId",
				"stage", "forecastCategory", "category", "forecastTotal", "forecast"));
		String[] open = renamed.remove("open");
		if (open != null && open.length > 0 && !renamed.containsKey("status")) {
			renamed.put("status", new String[] { "true".equalsIgnoreCase(open[0]) ? "open"
					: "false".equalsIgnoreCase(open[0]) ? "closed" : open[0] });
		}
		return renamed;
	}

}
