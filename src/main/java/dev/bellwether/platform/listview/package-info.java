/**
 * List-view machinery shared by every list of records: each module declares its list
 * ({@link ListDefinition}: the filters it understands, the columns it can show and sort,
 * its standard views) as a bean, and renders the values itself; {@link ViewSettings} is
 * what a view holds (filters, columns, sort, page size) and how it travels in a URL. The
 * saved views themselves (owners, sharing, defaults) live in the {@code listviews}
 * module.
 */
package dev.bellwether.platform.listview;
