/**
 * Search: one search box across modules. It owns no data of its own: it asks each
 * module's public search ({@link dev.bellwether.customers.Accounts#search},
 * {@link dev.bellwether.customers.Contacts#search},
 * {@link dev.bellwether.sales.Opportunities#search} and
 * {@link dev.bellwether.marketing.Leads#search}), which apply record visibility, and
 * merges their hits into one ranked list for the search page and the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package dev.bellwether.search;
