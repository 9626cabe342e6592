/**
 * The demo company seeded on first start (when {@code bellwether.demo.enabled} — by
 * default only on the embedded database — and the database has no business data): its
 * people and hierarchy, accounts and contacts, generated deterministically from
 * {@code bellwether.demo.seed} through the other modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo company")
package dev.bellwether.demo;
