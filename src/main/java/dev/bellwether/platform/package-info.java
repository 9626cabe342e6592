/**
 * Shared platform: the embedded database, typed errors, the change event every business
 * module publishes, ids, and the web plumbing (layout, error handling, htmx, request size
 * limits) used by all modules. An open module: everything here is meant to be used by the
 * others.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		displayName = "Platform")
package dev.bellwether.platform;
