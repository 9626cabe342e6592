package dev.bellwether.listviews;

/**
 * Who sees a saved view besides its owner.
 */
public enum Sharing {

	/** Only its owner. */
	PERSONAL,
	/** Everyone with one role. */
	ROLE,
	/** A manager and everyone below them. */
	TEAM

}
