package dev.bellwether.programme.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.ProgrammeCharter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The charter through the API (docs/programme.md, "Charter").
 */
@RestController
@RequestMapping("/api/v1/programme/charter")
@Tag(name = "Programme: charter",
		description = "What the CRM is for at this company, the pains it removes, the expected payback and what's in it "
				+ "for each role, as published by the programme leads in numbered versions that never change; each "
				+ "person accepts the current version.")
class CharterApiController {

	private final ProgrammeCharter charter;

	CharterApiController(ProgrammeCharter charter) {
		this.charter = charter;
	}

	/**
	 * @param current {@code null} before the first publication
	 * @param yourWiifm the text for the caller's own role
	 * @param acceptedCurrent whether the caller accepted the current version
	 * @param lastAcceptedVersion the last version the caller accepted, {@code null} if
	 * none
	 */
	record CharterResource(CharterVersionResource current, String yourRole, String yourWiifm, boolean acceptedCurrent,
			Integer lastAcceptedVersion, Instant lastAcceptedAt) {
	}

	record CharterVersionResource(int number, String purpose, String pains, String payback, Map<Role, String> wiifm,
			Instant publishedAt, String publishedBy) {

		static CharterVersionResource of(ProgrammeCharter.CharterVersion version) {
			return version == null ? null
					: new CharterVersionResource(version.number(), version.purpose(), version.pains(),
							version.payback(), version.wiifm(), version.publishedAt(), version.publishedByName());
		}

	}

	/**
	 * @param version the version accepted: it must be the current one
	 */
	record CharterAcceptanceRequest(Integer version) {
	}

	record AcceptanceResource(int version, Instant acceptedAt) {
	}

	record AcceptanceReportResource(Integer version, long accepted, long licensed,
			List<ProgrammeCharter.TeamAcceptance> teams, List<ProgrammeCharter.PersonAcceptance> people) {
	}

	@GetMapping
	@Operation(summary = "The current charter and whether you accepted it",
			description = "current is null before the first publication.")
	CharterResource charter(Viewer viewer) {
		ProgrammeCharter.Status status = this.charter.status(viewer);
		ProgrammeCharter.CharterVersion current = status.current();
		ProgrammeCharter.Acceptance last = status.acceptance();
		return new CharterResource(CharterVersionResource.of(current), viewer.role().name(),
				current == null ? null : current.wiifm().get(viewer.role()), status.acceptedCurrent(),
				last == null ? null : last.versionNumber(), last == null ? null : last.acceptedAt());
	}

	@PostMapping("/acceptance")
	@Operation(summary = "Accept the current charter",
			description = "Send the number of the current version; any other version (or none published) is a 400 "
					+ "naming version. Accepting again changes nothing.")
	AcceptanceResource accept(Viewer viewer, @RequestBody(required = false) CharterAcceptanceRequest request) {
		ProgrammeCharter.Acceptance acceptance = this.charter.accept(viewer,
				request == null ? null : request.version());
		return new AcceptanceResource(acceptance.versionNumber(), acceptance.acceptedAt());
	}

	@GetMapping("/acceptances")
	@Operation(summary = "Who accepted the current charter",
			description = "Programme leads and administrators only (403 otherwise). Licensed people (active, counted "
					+ "in adoption figures) who accepted the current version, overall and by team, and each person's "
					+ "last accepted version.")
	AcceptanceReportResource acceptances(Viewer viewer) {
		ProgrammeCharter.AcceptanceReport report = this.charter.report(viewer);
		return new AcceptanceReportResource(report.versionNumber(), report.accepted(), report.licensed(),
				report.teams(), report.people());
	}

}
