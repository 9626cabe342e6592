/**
 * Sales: pipeline stages and their forecast categories, opportunities with products and
 * line items, and the stage history of every deal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package dev.bellwether.sales;
