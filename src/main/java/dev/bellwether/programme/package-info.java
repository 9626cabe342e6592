/**
 * Programme: driving adoption, not only measuring it — the charter, the steering
 * committee, top-down rollout waves with gates, champions, queued communications, in-app
 * guidance, pulse surveys and the privacy policy over individual figures (issue 18). It
 * builds on {@code adoption}: its figures, sponsors, alerts and notification centre.
 * <p>
 * {@link dev.bellwether.programme.ProgrammeLeads} says who runs the programme: every
 * administrator, and the users an administrator flags as programme leads (table
 * {@code programme_leads}). Each part of the programme contributes a
 * {@link dev.bellwether.programme.ProgrammeSection} to the Programme page
 * ({@code /programme}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programme")
package dev.bellwether.programme;
