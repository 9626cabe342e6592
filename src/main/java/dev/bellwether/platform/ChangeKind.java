package dev.bellwether.platform;

/**
 * What happened to a business record.
 */
public enum ChangeKind {

	CREATED, UPDATED, DELETED, RESTORED, PURGED

}
