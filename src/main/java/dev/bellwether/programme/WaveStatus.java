package dev.bellwether.programme;

/**
 * Where a rollout wave stands: planned, open, then closed as passed or failed by its
 * gates.
 */
public enum WaveStatus {

	PLANNED("Planned"), OPEN("Open"), PASSED("Passed"), FAILED("Failed");

	private final String label;

	WaveStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean closed() {
		return this == PASSED || this == FAILED;
	}

}
