/**
 * Adoption intelligence: who really uses the CRM. Captures every signed-in action as a
 * usage event (asynchronously, in batches), rolls them up per user and day, and computes
 * the adoption metrics, cascade by org level, alerts, digests and scorecards from them.
 * It learns about the world from events and from other modules' public APIs; nobody calls
 * it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adoption")
package dev.bellwether.adoption;
