/**
 * Home pages by role, from real data: a rep's "my day" (tasks due, deals closing this
 * month, stale and overdue deals to update in one click), a manager's team view and an
 * executive's view of the pipeline, with charts that drill into the deals behind them,
 * and the deals of deactivated owners that need a new one; and marketing's own home page
 * ({@link dev.bellwether.home.MarketingHomePage}: leads waiting, campaigns running, ROI
 * and the funnel, through the marketing module's public API).
 * {@link dev.bellwether.home.HomePages} computes every figure; the controllers only turn
 * requests into its calls. It owns no data and no SQL: it reads the sales, activities,
 * customers, identity and forecasting modules' public APIs (the company view shows the
 * forecasting module's forecast accuracy; the team and company views the data-quality
 * module's completeness and open issues).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package dev.bellwether.home;
