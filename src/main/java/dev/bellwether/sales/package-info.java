/**
 * Sales: pipeline stages and their forecast categories
 * ({@link dev.bellwether.sales.PipelineStages}), opportunities with products and line
 * items ({@link dev.bellwether.sales.Opportunities},
 * {@link dev.bellwether.sales.Products}), and the stage history of every deal. Who sees
 * and changes a deal is decided by {@link dev.bellwether.sales.OpportunityAccess}
 * everywhere; stale and overdue deals by
 * {@link dev.bellwether.sales.OpportunityFreshness}. Publishes
 * {@link dev.bellwether.platform.RecordChanged} for every change and
 * {@link dev.bellwether.sales.OpportunityStageChanged} when a deal enters a stage;
 * follows accounts to the recycle bin and {@link dev.bellwether.platform.RecordTouched}
 * for freshness; contributes the stage history to deal timelines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package dev.bellwether.sales;
