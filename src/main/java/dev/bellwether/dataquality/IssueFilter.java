package dev.bellwether.dataquality;

import java.util.UUID;

/**
 * Which issues of the steward queue to list; every criterion is optional.
 *
 * @param recordType {@code account}, {@code contact} or {@code opportunity}
 * @param team a manager: the issues of records owned by them or anyone below them
 * @param assignee whose issues; see {@link #unassigned}
 * @param unassigned only issues nobody is assigned to (overrides {@code assignee})
 * @param status {@code open} (the default), {@code fixed} or {@code all}
 */
public record IssueFilter(QualityIssueKind kind, String recordType, UUID owner, UUID team, UUID assignee,
		boolean unassigned, String status) {

	public static IssueFilter open() {
		return new IssueFilter(null, null, null, null, null, false, "open");
	}

	public String statusOrDefault() {
		return this.status == null || this.status.isBlank() ? "open" : this.status;
	}

}
