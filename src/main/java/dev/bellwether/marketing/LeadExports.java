package dev.bellwether.marketing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.customfield.CustomValues;
import dev.bellwether.platform.export.ExportRow;
import dev.bellwether.platform.export.ExportableList;
import dev.bellwether.platform.export.RecordListExport;
import dev.bellwether.platform.listview.ListQuery;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The lead list for exports: the leads the person may see, filtered and sorted as
 * {@code /leads} does it ({@link Leads#list}).
 */
@Component
class LeadExports extends RecordListExport {

	private final Leads leads;

	private final UserDirectory users;

	private final PickLists pickLists;

	LeadExports(Leads leads, UserDirectory users, PickLists pickLists) {
		super(Leads.RECORD_TYPE, "leads", "leads", users::namesOf);
		this.leads = leads;
		this.users = users;
		this.pickLists = pickLists;
	}

	@Override
	public Page<ExportRow> page(UUID viewerId, ListQuery query, CustomFilter custom, Pageable pageable) {
		Page<Lead> page = this.leads.list(Viewer.of(this.users.get(viewerId)), LeadFilter.of(query), pageable);
		Map<UUID, String> owners = namesOf(page, Lead::ownerId, this.users::namesOf);
		return page.map(lead -> {
			Map<String, Object> cells = new HashMap<>();
			cells.put("name", lead.fullName());
			cells.put("company", lead.company());
			cells.put("title", lead.title());
			cells.put("email", lead.email());
			cells.put("phone", lead.phone());
			cells.put("status", lead.status().label());
			cells.put("source", lead.source());
			cells.put("country", this.pickLists.label("country", lead.country()));
			cells.put("owner", owners.get(lead.ownerId()));
			cells.put("lastTouchedAt", lead.lastTouchedAt());
			cells.put("createdAt", lead.createdAt());
			return new ExportRow(cells, CustomValues.NONE);
		});
	}

	/** {@code /api/v1/leads} names the owner filter {@code ownerId}. */
	@Override
	public Map<String, String[]> fromApi(Map<String, String[]> parameters) {
		return ExportableList.renamed(parameters, Map.of("ownerId", "owner"));
	}

}
