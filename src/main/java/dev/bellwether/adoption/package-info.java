/**
 * Adoption intelligence: who really uses the CRM. Captures every signed-in action as a
 * usage event (asynchronously, in batches), rolls them up per user and day, and computes
 * the adoption metrics, cascade by org level, alerts, digests and scorecards from them.
 * It learns about the world from events and from other modules' public APIs; nobody calls
 * it, but the demo company's seeding, which catches up on its past weeks' alerts
 * ({@link dev.bellwether.adoption.AdoptionAlerts}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adoption")
package dev.bellwether.adoption;
