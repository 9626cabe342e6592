/**
 * Home pages by role, from real data: a rep's "my day" (tasks due, deals closing this
 * month, stale and overdue deals to update in one click), a manager's team view and an
 * executive's view of the pipeline, with charts that drill into the deals behind them. It
 * owns no data: it reads the sales, activities and customers modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package dev.bellwether.home;
