/**
 * Adoption alerts and weekly digests, sent through the notification centre (and so by
 * e-mail when SMTP is configured): death-spiral warnings ({@link DeathSpiralAlerts}),
 * sponsor inactivity ({@link SponsorInactivityAlerts}) and each manager's weekly digest
 * ({@link WeeklyDigests}). {@link AlertJobs} runs them on schedules, on one node at a
 * time (ShedLock); each can be run directly for a given day. Every alert is recorded in
 * {@code adoption_alerts} under a period key so that it is raised once. See "Alerts and
 * digests" in {@code docs/adoption-metrics.md}.
 */
package dev.bellwether.adoption.internal.alerts;
