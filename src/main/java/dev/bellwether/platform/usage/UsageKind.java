package dev.bellwether.platform.usage;

/**
 * What a signed-in person (or API client) did, as the adoption module counts it. See
 * {@code docs/adoption-metrics.md} for which kinds make a user active.
 */
public enum UsageKind {

	LOGIN, LOGOUT, VIEW, CREATE, UPDATE, DELETE, SEARCH, REPORT_VIEW, DASHBOARD_VIEW, FORECAST_VIEW, EXPORT, API_CALL,
	MEETING_MODE,

	/** A field changed in place, in a list or on a record's page. */
	INLINE_EDIT,

	/** A bulk action over selected records. */
	BULK_ACTION

}
