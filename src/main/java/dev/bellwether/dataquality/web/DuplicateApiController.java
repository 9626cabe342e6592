package dev.bellwether.dataquality.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bellwether.dataquality.DetectionRun;
import dev.bellwether.dataquality.DuplicatePair;
import dev.bellwether.dataquality.DuplicateStatus;
import dev.bellwether.dataquality.Duplicates;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/duplicates")
@Tag(name = "Duplicates",
		description = "Candidate duplicate accounts and contacts, for sales administrators, "
				+ "administrators and managers (pairs of records they may both change). Merge them through "
				+ "/api/v1/accounts/{id}/merge and /api/v1/contacts/{id}/merge.")
class DuplicateApiController {

	private final Duplicates duplicates;

	DuplicateApiController(Duplicates duplicates) {
		this.duplicates = duplicates;
	}

	@GetMapping
	@Operation(summary = "List open duplicate pairs",
			description = "type is account or contact; most likely first; record limits them to the pairs one record is in.")
	List<DuplicatePairResource> list(Viewer viewer, @RequestParam(defaultValue = "account") String type,
			@RequestParam(required = false) java.util.UUID record, @RequestParam(defaultValue = "100") int limit) {
		return this.duplicates.open(viewer, type, record, Math.max(1, Math.min(limit, 500)))
			.stream()
			.map(DuplicatePairResource::of)
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one duplicate pair")
	DuplicatePairResource get(Viewer viewer, @PathVariable UUID id) {
		return DuplicatePairResource.of(this.duplicates.get(viewer, id));
	}

	@PostMapping("/{id}/dismiss")
	@Operation(summary = "Not a duplicate", description = "The pair stays dismissed when it is found again.")
	DuplicatePairResource dismiss(Viewer viewer, @PathVariable UUID id) {
		return DuplicatePairResource.of(this.duplicates.dismiss(viewer, id));
	}

	@PostMapping("/detect")
	@Operation(summary = "Find duplicates now (sales administrators and administrators)",
			description = "The detection also runs every night.")
	DetectionRun detect(Viewer viewer) {
		if (!viewer.isAdmin() && !viewer.is(Role.SALES_ADMIN)) {
			throw new ForbiddenException("Only sales administrators and administrators run the detection.");
		}
		return this.duplicates.detect();
	}

	record DuplicatePairResource(UUID id, String type, UUID aId, String aName, String aDetail, UUID bId, String bName,
			String bDetail, String reason, BigDecimal score, DuplicateStatus status, Instant foundAt, UUID mergeId) {

		static DuplicatePairResource of(DuplicatePair pair) {
			return new DuplicatePairResource(pair.id(), pair.recordType(), pair.aId(), pair.a().name(),
					pair.a().detail(), pair.bId(), pair.b().name(), pair.b().detail(), pair.reason(), pair.score(),
					pair.status(), pair.foundAt(), pair.mergeId());
		}

	}

}
