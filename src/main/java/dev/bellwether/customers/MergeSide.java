package dev.bellwether.customers;

/**
 * Which of two merged records a field's value is kept from.
 */
public enum MergeSide {

	/** The record that stays. */
	SURVIVOR,

	/** The record merged away into it. */
	LOSER

}
