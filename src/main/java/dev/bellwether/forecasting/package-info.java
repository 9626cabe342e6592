/**
 * Forecasting: quotas per person and fiscal period, the forecast grid over the manager
 * hierarchy with adjustments and submissions, weekly pipeline snapshots and what changed
 * between them, win/loss and pipeline analytics, forecast accuracy and the pipeline
 * review. Learns about deals only through the sales module's public API and events (never
 * its tables); periods are {@link dev.bellwether.platform.FiscalPeriod}s of
 * {@link dev.bellwether.platform.FiscalCalendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forecasting")
package dev.bellwether.forecasting;
