package dev.bellwether.search;

import java.util.UUID;

/**
 * One record found by the global search, described well enough to be recognised and
 * opened without loading it.
 *
 * @param type the record type, e.g. {@code account}
 * @param title what the record is called
 * @param subtitle what tells it apart from others of the same name (may be empty)
 * @param url the record's page, relative to the application
 */
public record SearchHit(String type, UUID id, String title, String subtitle, String url) {

}
