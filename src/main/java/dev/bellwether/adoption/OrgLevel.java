package dev.bellwether.adoption;

/**
 * The levels of the top-down cascade: executives (the EXECUTIVE role), then managers (any
 * other user with direct reports) by how many managers are above them, then everyone
 * without reports.
 */
public enum OrgLevel {

	EXECUTIVES, MANAGERS, REPS

}
