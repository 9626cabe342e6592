package dev.bellwether.programme;

import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.sales.OpportunityStageChanged;
import dev.bellwether.service.CaseStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completes checklist items from the domain events other modules publish, in the
 * transaction of the change (so a change rolled back completes nothing). What an import
 * wrote is not the importing person's behaviour and completes nothing; neither does a
 * change without a person (a customer's reply, Bellwether's own jobs).
 */
@Component
class ChecklistListeners {

	private final OnboardingChecklist checklist;

	ChecklistListeners(OnboardingChecklist checklist) {
		this.checklist = checklist;
	}

	@EventListener
	void on(RecordChanged event) {
		if (event.actorId() == null || event.imported()) {
			return;
		}
		ChecklistItem item = switch (event.recordType()) {
			case "opportunity" -> (event.kind() == ChangeKind.CREATED) ? ChecklistItem.DEAL_CREATED : null;
			case "activity" -> (event.kind() == ChangeKind.CREATED) ? ChecklistItem.ACTIVITY_LOGGED : null;
			case "case" -> (event.kind() == ChangeKind.CREATED) ? ChecklistItem.CASE_CREATED : null;
			case "lead" -> switch (event.kind()) {
				case CREATED -> ChecklistItem.LEAD_CREATED;
				case UPDATED -> converted(event) ? ChecklistItem.LEAD_CONVERTED : null;
				default -> null;
			};
			default -> null;
		};
		if (item != null) {
			this.checklist.complete(event.actorId(), item, event.at(),
					"RecordChanged " + event.recordType() + " " + event.kind(), event.recordId());
		}
	}

	@EventListener
	void on(RecordsChanged event) {
		event.changes().forEach(this::on);
	}

	/**
	 * A stage change after creation (creation publishes one from no stage).
	 */
	@EventListener
	void on(OpportunityStageChanged event) {
		if (event.actorId() != null && event.fromStageId() != null) {
			this.checklist.complete(event.actorId(), ChecklistItem.STAGE_ADVANCED, event.at(),
					"OpportunityStageChanged", event.opportunityId());
		}
	}

	@EventListener
	void on(CaseStatusChanged event) {
		if (event.actorId() != null && event.to().isDone() && !event.from().isDone()) {
			this.checklist.complete(event.actorId(), ChecklistItem.CASE_RESOLVED, event.at(),
					"CaseStatusChanged " + event.from() + " → " + event.to(), event.caseId());
		}
	}

	/**
	 * Conversion sets the lead's converted contact (marketing's
	 * {@code Leads.markConverted}).
	 */
	private static boolean converted(RecordChanged event) {
		return event.changes().stream().map(FieldChange::field).anyMatch("convertedContactId"::equals);
	}

}
