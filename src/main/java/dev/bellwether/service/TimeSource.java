package dev.bellwether.service;

/**
 * How a time entry was made: by the case page's timer, or entered by hand.
 */
public enum TimeSource {

	TIMER, MANUAL

}
