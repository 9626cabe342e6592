package dev.bellwether.programme;

import java.util.List;

import dev.bellwether.identity.Role;

/**
 * One item of the onboarding checklist: a first use of the CRM that completes itself from
 * what the person really does — a domain event another module publishes, or (for reading
 * the forecast, which changes nothing) the adoption module's captured usage.
 */
public enum ChecklistItem {

	DEAL_CREATED("Create your first deal", "an opportunity created by you (sales' record change)",
			"/opportunities/new"),
	STAGE_ADVANCED("Move a deal to another stage", "a deal's stage changed by you (OpportunityStageChanged)",
			"/pipeline"),
	FORECAST_VIEWED("Look at the forecast", "the forecast opened by you (captured usage forecasting:FORECAST_VIEW)",
			"/forecast"),
	ACTIVITY_LOGGED("Log a call, meeting, task or note", "an activity created by you (activities' record change)",
			"/activities"),
	LEAD_CREATED("Enter your first lead", "a lead created by you (marketing's record change)", "/leads/new"),
	LEAD_CONVERTED("Convert a lead", "a lead converted by you into an account and contact (marketing's record change)",
			"/leads"),
	CASE_CREATED("Open your first case", "a case created by you (service's record change)", "/cases/new"),
	CASE_RESOLVED("Resolve a case", "a case moved by you to Resolved or Closed (CaseStatusChanged)", "/cases");

	/** The usage feature that completes {@link #FORECAST_VIEWED}. */
	public static final String FORECAST_FEATURE = "forecasting:FORECAST_VIEW";

	private final String label;

	private final String completedBy;

	private final String link;

	ChecklistItem(String label, String completedBy, String link) {
		this.label = label;
		this.completedBy = completedBy;
		this.link = link;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return what completes the item, as the page states it
	 */
	public String completedBy() {
		return this.completedBy;
	}

	/**
	 * @return where the person does it
	 */
	public String link() {
		return this.link;
	}

	/**
	 * @return the checklist of a role, in the order it is shown
	 */
	public static List<ChecklistItem> forRole(Role role) {
		return switch (role) {
			case REP, MANAGER -> List.of(DEAL_CREATED, STAGE_ADVANCED, ACTIVITY_LOGGED, FORECAST_VIEWED);
			case SALES_ADMIN -> List.of(DEAL_CREATED, STAGE_ADVANCED, FORECAST_VIEWED);
			case EXECUTIVE -> List.of(FORECAST_VIEWED, ACTIVITY_LOGGED);
			case MARKETING -> List.of(LEAD_CREATED, LEAD_CONVERTED, ACTIVITY_LOGGED);
			case SERVICE -> List.of(CASE_CREATED, CASE_RESOLVED, ACTIVITY_LOGGED);
			case ADMIN -> List.of(DEAL_CREATED, ACTIVITY_LOGGED, FORECAST_VIEWED);
		};
	}

}
