package dev.bellwether.activities;

/**
 * Whether a task still needs doing.
 */
public enum TaskStatus {

	OPEN, COMPLETED

}
