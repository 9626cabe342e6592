package dev.bellwether.dataquality;

/**
 * Where a duplicate pair stands.
 */
public enum DuplicateStatus {

	/** Found, not decided yet. */
	OPEN,

	/** "Not a duplicate": stays so however often the detection finds the pair again. */
	DISMISSED,

	/** One was merged into the other. */
	MERGED

}
