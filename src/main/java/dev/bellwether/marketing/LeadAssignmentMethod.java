package dev.bellwether.marketing;

/**
 * How a lead got an owner, in its assignment log.
 */
public enum LeadAssignmentMethod {

	/** An assignment rule chose the owner (on create, or "reassign by rules"). */
	RULE,
	/** A person chose the owner (on create, by an edit, by a bulk change). */
	MANUAL

}
