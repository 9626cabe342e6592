package dev.bellwether.sales;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.edit.EditableField.Option;
import dev.bellwether.platform.edit.EditableField.Reason;
import dev.bellwether.platform.edit.RecordWrite;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.edit.VersionedRecordEditing;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Deals for inline edit and bulk changes: each change is a save through
 * {@link Opportunities#update}, so the stage's rules, the stage history and the field
 * history apply as to any other save.
 */
@Component
class OpportunityEditing extends VersionedRecordEditing<Viewer, Opportunity, OpportunityDetails> {

	private final Opportunities opportunities;

	private final OpportunityFieldUpdates fieldUpdates;

	OpportunityEditing(Opportunities opportunities, PipelineStages stages, UserDirectory users,
			OpportunityFieldUpdates fieldUpdates, CustomFields customFields, PickLists pickLists) {
		super(Opportunities.RECORD_TYPE, "opportunities", OpportunityDetails.class, List
			.of(field("name", "Name", Input.TEXT).mandatory(), select("stageId", "Stage",
					() -> stages.active().stream().map(s -> new Option(s.id().toString(), s.name())).toList())
				.mandatory()
				.displayedAs(id -> stages.find((UUID) id).map(PipelineStage::name).orElse(id.toString()))
				// deals moved to a lost stage in bulk take one loss reason for all
				.askingReason(() -> new Reason("Loss reason",
						pickLists.get("loss-reason").allowed().stream().map(label -> new Option(label, label)).toList(),
						stages.active()
							.stream()
							.filter(s -> s.outcome() == StageOutcome.LOST)
							.map(s -> s.id().toString())
							.toList())),
					field("amount", "Amount", Input.MONEY), field("closeDate", "Close date", Input.DATE).mandatory(),
					field("probability", "Probability (%)", Input.NUMBER),
					select("forecastCategory", "Forecast category",
							() -> Arrays.stream(ForecastCategory.values())
								.map(c -> new Option(c.name(), c.label()))
								.toList()),
					select("ownerId", "Owner", () -> owners(users)).mandatory()
						.displayedAs(id -> users.namesOf(List.of((UUID) id)).getOrDefault(id, "")),
					field("nextStep", "Next step", Input.TEXT), field("leadSource", "Lead source", Input.TEXT),
					field("lossReason", "Loss reason", Input.TEXT),
					field("description", "Description", Input.TEXTAREA)),
				opportunities, id -> Viewer.of(users.get(id)), users::namesOf);
		this.opportunities = opportunities;
		offerCustomFields(customFields, () -> owners(users));
		this.fieldUpdates = fieldUpdates;
	}

	/**
	 * Close date, amount, owner, next step and stage of many deals at once, set-based
	 * (see {@link OpportunityFieldUpdates}); the other fields one deal at a time through
	 * {@link Opportunities#update}.
	 */
	@Override
	protected List<Written> writeAllAtOnce(Viewer viewer, List<UUID> ids, String field, Object value, String reason,
			List<Long> versions) {
		return OpportunityFieldUpdates.handles(field)
				? this.fieldUpdates.setAll(viewer, ids, field, value, reason, versions) : null;
	}

	/**
	 * A stage to set back by an undo may carry the loss reason the deal had in it
	 * ({@link OpportunityFieldUpdates#stageBefore}).
	 */
	@Override
	public List<RecordWrite> writeAll(UUID actorId, List<UUID> recordIds, String field, String value, String reason,
			List<Long> versions) {
		if ("stageId".equals(field) && reason == null && value != null
				&& value.indexOf(OpportunityFieldUpdates.REASON_SEPARATOR) > 0) {
			int at = value.indexOf(OpportunityFieldUpdates.REASON_SEPARATOR);
			return super.writeAll(actorId, recordIds, field, value.substring(0, at), value.substring(at + 1), versions);
		}
		return super.writeAll(actorId, recordIds, field, value, reason, versions);
	}

	static List<Option> owners(UserDirectory users) {
		return users.activeUsers().stream().map(u -> new Option(u.id().toString(), u.fullName())).toList();
	}

	@Override
	protected String name(Opportunity record) {
		return record.name();
	}

	@Override
	protected List<UUID> matching(Viewer viewer, Map<String, String> filters, int limit) {
		Map<String, String> parameters = renamed(filters, Map.of("owner", "ownerId", "stage", "stageId", "category",
				"forecastCategory", "team", "teamOf", "forecast", "forecastTotal"));
		String status = filters.get("status");
		if ("open".equals(status) || "closed".equals(status)) {
			parameters.put("open", String.valueOf("open".equals(status)));
		}
		OpportunityFilter filter = filterFrom(OpportunityFilter.class, parameters);
		CustomFilter custom = customFilter(filters);
		if (!custom.isEmpty()) {
			return this.opportunities.list(viewer, filter, custom, PageRequest.of(0, limit))
				.map(Opportunity::id)
				.getContent();
		}
		return this.opportunities.listContent(viewer, filter, PageRequest.of(0, limit))
			.stream()
			.map(Opportunity::id)
			.toList();
	}

}
