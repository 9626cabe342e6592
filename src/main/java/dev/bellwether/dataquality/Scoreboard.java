package dev.bellwether.dataquality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data quality as last measured, for the viewer's scope or one team in it.
 *
 * @param day the day of the last measurement, {@code null} when there has been none
 * @param team the manager whose team is shown, {@code null} for the viewer's whole scope
 * @param overall every scored record in scope
 * @param byType per record type ({@code account}, {@code contact}, {@code opportunity})
 * @param teams the teams in scope (a manager and everyone below them), in org order
 * @param owners the people in the team shown, lowest score first ({@code null} teamless
 * company-wide view)
 * @param openIssues open issues in scope by kind
 */
public record Scoreboard(LocalDate day, Instant measuredAt, UUID team, String teamName, QualityScore overall,
		Map<String, QualityScore> byType, List<TeamScore> teams, List<OwnerScore> owners,
		Map<QualityIssueKind, Long> openIssues) {

	public boolean measured() {
		return this.day != null;
	}

	public long brokenRecords() {
		return QualityIssueKind.brokenRecords(this.openIssues);
	}

	public long issues(QualityIssueKind kind) {
		return this.openIssues.getOrDefault(kind, 0L);
	}

	/**
	 * A team: a manager and everyone below them, at any depth (as on the home pages).
	 *
	 * @param depth 0 for the top teams shown, 1 for the teams within them…
	 */
	public record TeamScore(UUID managerId, String name, String label, int depth, int people, QualityScore overall,
			Map<String, QualityScore> byType, long openIssues) {
	}

	/**
	 * One person's own records.
	 */
	public record OwnerScore(UUID ownerId, String name, boolean active, QualityScore overall,
			Map<String, QualityScore> byType, long openIssues) {
	}

}
