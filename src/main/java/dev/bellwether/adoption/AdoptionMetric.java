package dev.bellwether.adoption;

/**
 * Every adoption figure with its name and definition, as docs/adoption-metrics.md states
 * them (a test keeps the two in step), for the help popovers beside the figures.
 */
public enum AdoptionMetric {

	ACTIVE_USER("Active user",
			"A user is active on a day when they viewed, created or updated a business record that day (usage_daily.active). Logins, searches and dashboards alone do not make a user active."),
	LICENSED_USERS("Licensed users",
			"Users as of the day who are not integration accounts nor flagged as not counted, were provisioned on or before the day and are active now or were deactivated after the day. A user deactivated on or before the day is left out of every figure for that day, as an active user and as a licensed one."),
	DAU("DAU", "Daily active users: licensed users active on the day."),
	WAU("WAU", "Weekly active users: licensed users active at least once in the 7 days ending on the day."),
	MAU("MAU", "Monthly active users: licensed users active at least once in the 30 days ending on the day."),
	STICKINESS("Stickiness",
			"Average DAU over the 30 days ending on the day ÷ MAU, where average DAU = active user-days in those 30 days ÷ 30. With the business-days option, average DAU = active user-days on Monday to Friday ÷ the number of Monday-to-Friday days among the 30."),
	ADOPTION_RATE("Adoption rate",
			"MAU ÷ licensed users as of the day. Band: green at 80% or more, amber from 60% to under 80%, red under 60%."),
	HEALTH("Health",
			"Per user, from active days: Healthy with 10 or more active days in the 28 ending on the day; At risk with 1 to 9; Lapsing with none in the 28 but at least one in the 90 ending on the day; Dormant with none in the 90 but active at some time before; Never active otherwise. Healthy share = healthy users ÷ licensed users."),
	BREADTH("Breadth",
			"Per user, distinct key features (module:KIND, e.g. sales:VIEW) used in the 28 days ending on the day ÷ the key features that person is measured against: their role's own list where it has one, else the company-wide list. For a group, the average over the users active in those 28 days who are measured against at least one key feature. Key features are chosen among the features the modules of this version declare; a kept choice no module declares any more is not counted. The same lists count in the adoption score's breadth component."),
	DEPTH("Depth",
			"Actions per active user per week: actions (usage_daily.actions) in the 28 days ending on the day of the users active in those days ÷ those users ÷ 4."),
	TIME_TO_FIRST_VALUE("Time to first value",
			"Per user, the time from provisioning (users.provisioned_at) to the first change by which they moved a deal they had created to a later stage (a higher position that is not a lost stage). For a monthly cohort of provisioning, the median over those of its users who got there; the others are counted as not yet there."),
	PIPELINE_FRESHNESS("Pipeline freshness",
			"Open deals touched by a person (updated, or an activity logged on them; an integration account's updates and logged work are no touch) in the last N days (30 by default; a stage's own stale days where it sets them) ÷ open deals, by count and by amount, for the deals owned by the licensed users in scope and by the deactivated people in scope: a deactivated owner's open deals wait for a new owner and stay in the figure as open deals nobody active looks after, in the denominator and fresh only when touched within the window. Known as of now only (deals keep their last touch, not a history of touches): asked for a past day, the API answers with today's figures, asOf today and an asOfNote saying so."),
	OVERDUE_DEALS("Overdue deals", "Open deals whose close date is before today."),
	CLOSE_DATE_PUSHES("Close-date pushes",
			"Changes in this fiscal quarter that moved a deal's close date later (stage history rows with the new close date after the old), and how many deals they were to."),
	NEGLECTED_DEALS("Neglected deals",
			"Open deals with a close date from today to 60 days ahead whose last touch (last update of the deal or activity logged on it, opportunities.last_touched_at) is more than 14 days ago."),
	LATE_ENTRY("Late entry",
			"Of the deals closed (won or lost) in the period, the share whose first recorded forecast category was COMMIT or CLOSED, or that closed at most one day after they were created, by count and by amount; per owner, and per manager over the manager's whole organisation including the manager."),
	REPORTING_FROM_THE_SYSTEM("Reporting from the system",
			"Users active in the 30 days ending on the day who viewed a report, dashboard or forecast in those days ÷ users active in them (MAU); for executives separately. Measured only when a module captures views of the CRM's reports or forecasts (REPORT_VIEW or FORECAST_VIEW outside adoption, whose reports are about the use of Bellwether): the forecasting module captures FORECAST_VIEW when someone opens the forecast grid (/forecast) or reads a forecast through the API (/api/v1/forecasts/{period}), and REPORT_VIEW on its analytics pages (/analytics); a build without such a module says not measured rather than 0%."),
	EXPORT_LEAKAGE("Export leakage",
			"Exports ÷ report views in the 30 days ending on the day, per user and for a group; no figure without report views. Measured only when a module captures exports of the CRM's records (EXPORT outside adoption; the score export is about the use of Bellwether) and reporting is measured (the sales, customers and activities lists' exports and the analytics exports, with the forecast and analytics views of the forecasting module); a build without them says not measured."),
	CASCADE("Cascade",
			"Each figure per org level: executives (the Executive role); then managers (any other user with a direct report in scope), one level per number of managers above them; then everyone else (reps). Each manager's active days in the last 28 beside the average of everyone below them, at any depth; a manager is flagged when that average is higher than their own."),
	EXECUTIVES_LOOKING("Executives looking at team figures",
			"Executives with a dashboard, report or forecast view in the 7 days ending on the day ÷ executives."),
	TREND("Trend",
			"Adoption rate, WAU, stickiness and healthy share as of the day and each of the 25 same weekdays before it: 26 weekly values. A week ending before the scope's first captured usage has no data (captured false, its shares null: a gap in the chart, no data in its table) rather than 0%."),
	MOVERS("Movers",
			"Users whose active days in the 28 ending on the day changed most against the 28 days before: the largest rises and the largest falls.");

	private final String label;

	private final String definition;

	AdoptionMetric(String label, String definition) {
		this.label = label;
		this.definition = definition;
	}

	public String label() {
		return this.label;
	}

	public String definition() {
		return this.definition;
	}

}
