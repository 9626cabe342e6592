package dev.bellwether.dataquality.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.dataquality.CompletenessRule;
import dev.bellwether.dataquality.CompletenessRules;
import dev.bellwether.dataquality.IssueFilter;
import dev.bellwether.dataquality.Measurement;
import dev.bellwether.dataquality.OwnerRequest;
import dev.bellwether.dataquality.QualityIssue;
import dev.bellwether.dataquality.QualityIssueKind;
import dev.bellwether.dataquality.QualityMeasurement;
import dev.bellwether.dataquality.QualityScore;
import dev.bellwether.dataquality.QualityScores;
import dev.bellwether.dataquality.ScoredRecord;
import dev.bellwether.dataquality.Scoreboard;
import dev.bellwether.dataquality.StewardQueue;
import dev.bellwether.dataquality.TrendPoint;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/data-quality")
@Tag(name = "Data quality",
		description = "Completeness scores and their trend by team and owner, the steward queue of incomplete, broken "
				+ "and duplicate records (assign, ask the owner) and the completeness rules. Scores: sales "
				+ "administrators, administrators and executives see everyone's, managers their organisation's; "
				+ "the queue: sales administrators and administrators, managers for their organisation. "
				+ "Definitions in docs/data-quality.md.")
class DataQualityApiController {

	private final QualityScores scores;

	private final StewardQueue queue;

	private final QualityMeasurement measurement;

	private final CompletenessRules rules;

	DataQualityApiController(QualityScores scores, StewardQueue queue, QualityMeasurement measurement,
			CompletenessRules rules) {
		this.scores = scores;
		this.queue = queue;
		this.measurement = measurement;
		this.rules = rules;
	}

	@GetMapping("/scores")
	@Operation(summary = "Completeness scores as last measured",
			description = "For the viewer's scope, or team (a manager: them and everyone below). A score is the mean "
					+ "of the record scores (filled counted fields ÷ counted fields), from 0 to 1.")
	ScoreboardResource scores(Viewer viewer, @RequestParam(required = false) UUID team) {
		return ScoreboardResource.of(this.scores.scoreboard(viewer, team));
	}

	@GetMapping("/trend")
	@Operation(summary = "Completeness on each measured day", description = "The last days (up to 366), oldest first.")
	List<TrendResource> trend(Viewer viewer, @RequestParam(required = false) UUID team,
			@RequestParam(defaultValue = "90") int days) {
		return this.scores.trend(viewer, team, days).stream().map(TrendResource::of).toList();
	}

	@GetMapping("/owners/{id}/records")
	@Operation(summary = "One person's records scored as they are now",
			description = "type is account, contact or opportunity (open deals); lowest score first.")
	List<ScoredRecord> records(Viewer viewer, @PathVariable UUID id,
			@RequestParam(defaultValue = "opportunity") String type) {
		CompletenessRules.fieldsOf(type);
		return this.scores.records(viewer, id, type);
	}

	@GetMapping("/issues")
	@Operation(summary = "The steward queue",
			description = "status is open (default), fixed or all; assignee=none for unassigned issues.")
	ListPage<IssueResource> issues(Viewer viewer, @RequestParam(required = false) QualityIssueKind kind,
			@RequestParam(required = false) String type, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) String assignee,
			@RequestParam(defaultValue = "open") String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		boolean unassigned = "none".equals(assignee);
		UUID assigneeId = unassigned || assignee == null || assignee.isBlank() ? null
				: DataQualityController.parse(assignee);
		return ListPage
			.of(this.queue.list(viewer, new IssueFilter(kind, type, owner, team, assigneeId, unassigned, status),
					PageRequest.of(Math.max(0, page), Math.max(1, Math.min(size, 500)))), IssueResource::of);
	}

	@GetMapping("/issues/{id}")
	@Operation(summary = "One issue")
	IssueResource issue(Viewer viewer, @PathVariable UUID id) {
		return IssueResource.of(this.queue.get(viewer, id));
	}

	@PostMapping("/issues/{id}/assign")
	@Operation(summary = "Assign an issue to a steward",
			description = "An active sales administrator, administrator or manager; assigneeId null for nobody.")
	IssueResource assign(Viewer viewer, @PathVariable UUID id, @RequestBody AssignRequest request) {
		return IssueResource.of(this.queue.assign(viewer, id, request.assigneeId()));
	}

	@PostMapping("/issues/{id}/ask-owner")
	@Operation(summary = "Ask the record's owner to fix an issue",
			description = "Notifies the owner (and e-mails them when mail is configured); the request is kept with the "
					+ "issue. 400 when the issue is fixed or its owner deactivated.")
	OwnerRequest askOwner(Viewer viewer, @PathVariable UUID id, @RequestBody(required = false) AskRequest request) {
		return this.queue.askOwner(viewer, id, request == null ? null : request.message());
	}

	@GetMapping("/issues/{id}/requests")
	@Operation(summary = "Every 'ask the owner' about an issue, latest first")
	List<OwnerRequest> requests(Viewer viewer, @PathVariable UUID id) {
		return this.queue.requests(viewer, id);
	}

	@PostMapping("/measure")
	@Operation(summary = "Measure now (sales administrators and administrators)",
			description = "Scores every record, writes today's snapshot and re-evaluates the queue; it also runs "
					+ "every night.")
	Measurement measure(Viewer viewer) {
		if (!CompletenessRules.canEdit(viewer)) {
			throw new ForbiddenException("Only sales administrators and administrators measure data quality.");
		}
		return this.measurement.measure();
	}

	@GetMapping("/rules")
	@Operation(summary = "The completeness rules in force", description = "Sales administrators and administrators.")
	List<CompletenessRule> rules(Viewer viewer) {
		if (!CompletenessRules.canEdit(viewer)) {
			throw new ForbiddenException("Completeness rules are set by sales administrators and administrators.");
		}
		return this.rules.all();
	}

	@PutMapping("/rules")
	@Operation(summary = "Set which fields a rule counts",
			description = "recordType account, contact or opportunity (with stageId, an open stage); fields from "
					+ "the record type's list; an empty list scores no record of it.")
	CompletenessRule saveRule(Viewer viewer, @RequestBody RuleRequest request) {
		return this.rules.save(viewer, request.recordType(), request.stageId(),
				request.fields() == null ? List.of() : request.fields());
	}

	record AssignRequest(UUID assigneeId) {
	}

	record AskRequest(String message) {
	}

	record RuleRequest(String recordType, UUID stageId, List<String> fields) {
	}

	record ScoreResource(long records, Double score, long complete) {

		static ScoreResource of(QualityScore score) {
			return new ScoreResource(score.records(), score.mean(), score.complete());
		}

	}

	record TeamResource(UUID managerId, String name, String label, int depth, int people, ScoreResource score,
			Map<String, ScoreResource> byType, long openIssues) {

	}

	record OwnerResource(UUID ownerId, String name, boolean active, ScoreResource score,
			Map<String, ScoreResource> byType, long openIssues) {

	}

	record ScoreboardResource(LocalDate day, Instant measuredAt, UUID team, String teamName, ScoreResource score,
			Map<String, ScoreResource> byType, List<TeamResource> teams, List<OwnerResource> owners,
			Map<QualityIssueKind, Long> openIssues) {

		static ScoreboardResource of(Scoreboard board) {
			return new ScoreboardResource(board.day(), board.measuredAt(), board.team(), board.teamName(),
					ScoreResource.of(board.overall()), types(board.byType()),
					board.teams()
						.stream()
						.map(t -> new TeamResource(t.managerId(), t.name(), t.label(), t.depth(), t.people(),
								ScoreResource.of(t.overall()), types(t.byType()), t.openIssues()))
						.toList(),
					board.owners() == null ? null
							: board.owners()
								.stream()
								.map(o -> new OwnerResource(o.ownerId(), o.name(), o.active(),
										ScoreResource.of(o.overall()), types(o.byType()), o.openIssues()))
								.toList(),
					board.openIssues());
		}

	}

	record TrendResource(LocalDate day, ScoreResource score, Map<String, ScoreResource> byType) {

		static TrendResource of(TrendPoint point) {
			return new TrendResource(point.day(), ScoreResource.of(point.overall()), types(point.byType()));
		}

	}

	record IssueResource(UUID id, QualityIssueKind kind, String recordType, UUID recordId, String recordName,
			UUID ownerId, String ownerName, String detail, BigDecimal score, Instant firstFoundAt, Instant lastFoundAt,
			Instant fixedAt, boolean open, UUID assigneeId, String assigneeName, Instant assignedAt, Instant askedAt,
			int askedCount, boolean fixedAfterAsking, String fixLink) {

		static IssueResource of(QualityIssue i) {
			return new IssueResource(i.id(), i.kind(), i.recordType(), i.recordId(), i.recordName(), i.ownerId(),
					i.ownerName(), i.detail(), i.score(), i.firstFoundAt(), i.lastFoundAt(), i.fixedAt(), i.isOpen(),
					i.assigneeId(), i.assigneeName(), i.assignedAt(), i.askedAt(), i.askedCount(), i.fixedAfterAsking(),
					i.fixLink());
		}

	}

	private static Map<String, ScoreResource> types(Map<String, QualityScore> byType) {
		Map<String, ScoreResource> types = new java.util.LinkedHashMap<>();
		byType.forEach((type, score) -> types.put(type, ScoreResource.of(score)));
		return types;
	}

}
