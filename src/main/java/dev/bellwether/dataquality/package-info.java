/**
 * Data quality: the sales administrator's desk — completeness of records, duplicates and
 * their merge, broken records, and the steward queue (issue #15).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data quality")
package dev.bellwether.dataquality;
