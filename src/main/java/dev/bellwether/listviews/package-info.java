/**
 * Saved list views: a person's named filters, columns, sort and page size for a list of
 * accounts, contacts, deals or activities; shared with a role or a team; a default per
 * person and list; the lists' standard views. The lists themselves (what they filter and
 * show) are declared by their modules through {@code platform.listview}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "List views")
package dev.bellwether.listviews;
