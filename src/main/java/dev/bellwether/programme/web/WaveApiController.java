package dev.bellwether.programme.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.RolloutWaves;
import dev.bellwether.programme.Wave;
import dev.bellwether.programme.WaveDetails;
import dev.bellwether.programme.WaveFigures;
import dev.bellwether.programme.WaveGates;
import dev.bellwether.programme.WaveOverride;
import dev.bellwether.programme.WaveStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rollout waves: programme leads and executives read every wave, everyone else their
 * own (another wave is a 404); programme leads plan, open and close them.
 */
@RestController
@RequestMapping("/api/v1/programme/waves")
@Tag(name = "Programme: rollout waves",
		description = "Top-down rollout waves with gates and a funnel (docs/programme.md, \"Rollout waves\"). "
				+ "Programme leads and executives read every wave, everyone else their own; leads change them. "
				+ "Under the aggregate-only privacy policy a wave smaller than the minimum group shows its gate "
				+ "decisions but no figures (docs/privacy.md).")
class WaveApiController {

	private final RolloutWaves waves;

	private final WaveAccess access;

	WaveApiController(RolloutWaves waves, WaveAccess access) {
		this.waves = waves;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "List the waves the caller sees, in order, with their gates and funnel")
	List<WaveResource> list(Viewer viewer) {
		return this.access.visible(viewer).stream().map(w -> resource(viewer, w)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one wave with its gates, funnel and the overrides of its opening")
	WaveResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(viewer, this.access.get(viewer, id));
	}

	@PostMapping
	@Operation(summary = "Plan a wave (programme leads)",
			description = "At least one gate; activation needs both its days and its share. Without position the "
					+ "wave goes last. A 400 names each wrong field.")
	ResponseEntity<WaveResource> create(Viewer viewer, @RequestBody WaveRequest request) {
		Wave wave = this.waves.create(viewer, request.details());
		return ResponseEntity.created(URI.create("/api/v1/programme/waves/" + wave.id())).body(resource(viewer, wave));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a planned wave (programme leads)",
			description = "Send the whole wave and the version you read; a stale version gives 409 Conflict.")
	WaveResource update(Viewer viewer, @PathVariable UUID id, @RequestBody WaveRequest request) {
		if (request.version() == null) {
			throw new InvalidInputException("version", "Send the version of the wave you read.");
		}
		return resource(viewer, this.waves.update(viewer, id, request.version(), request.details()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a planned wave (programme leads)",
			description = "A wave that has opened, or that a queued programme message is addressed to, is a 400 "
					+ "(field status) naming the messages.")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		this.waves.delete(viewer, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/open")
	@Operation(summary = "Open a planned wave (programme leads)",
			description = "Waves open in order: while a wave ahead has not passed its gates, a reason is required "
					+ "(400 without one) and kept with who opened it and when. Waves ahead that are open with every "
					+ "gate met close as passed.")
	WaveResource open(Viewer viewer, @PathVariable UUID id, @RequestBody(required = false) OpenRequest request) {
		return resource(viewer, this.waves.open(viewer, id, request == null ? null : request.reason()));
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close an open wave (programme leads): PASSED when every gate is met today, FAILED otherwise")
	WaveResource close(Viewer viewer, @PathVariable UUID id) {
		return resource(viewer, this.waves.close(viewer, id));
	}

	private WaveResource resource(Viewer viewer, Wave wave) {
		return new WaveResource(wave.id(), wave.name(), wave.position(), wave.levels(), wave.teams(), wave.people(),
				wave.plannedStart(), wave.status(), wave.gates(), wave.openedAt(), wave.closedAt(),
				this.waves.figures(viewer, wave), this.waves.overrides(wave.id()), wave.version());
	}

	/**
	 * A wave as the API shows it.
	 *
	 * @param figures its gates and funnel as of {@code figures.asOf} (none while
	 * planned); under the aggregate-only privacy policy a wave smaller than the minimum
	 * group has its gate decisions only: no funnel, no gate values,
	 * {@code figures.hidden} says why
	 */
	record WaveResource(UUID id, String name, int position, List<Integer> levels, List<String> teams, List<UUID> people,
			LocalDate plannedStart, WaveStatus status, WaveGates gates, Instant openedAt, Instant closedAt,
			WaveFigures figures, List<WaveOverride> overrides, long version) {
	}

	/**
	 * A wave as the API takes it.
	 */
	record WaveRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
			@Schema(description = "The wave's order, from 1; last when left out") Integer position,
			@Schema(description = "Org levels (0 = the top of the company)") List<Integer> levels, List<String> teams,
			@Schema(description = "People named one by one (user ids)") List<UUID> people,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate plannedStart,
			@Schema(description = "Activation gate: within this many days (1 to 365)") Integer activationDays,
			@Schema(description = "Activation gate: this share of members, in per cent (above 0, at most 100)") BigDecimal activationPercent,
			@Schema(description = "Adoption rate gate, in per cent (above 0, at most 100)") BigDecimal adoptionPercent,
			@Schema(description = "Time to first value gate: median at most this many days (1 to 365)") Integer firstValueDays,
			@Schema(description = "The version you read (changes only)", example = "0") Long version) {

		WaveDetails details() {
			return new WaveDetails(this.name, this.position, this.levels, this.teams, this.people, this.plannedStart,
					new WaveGates(this.activationDays, this.activationPercent, this.adoptionPercent,
							this.firstValueDays));
		}

	}

	/**
	 * @param reason why the wave opens before the waves ahead passed their gates
	 */
	record OpenRequest(@Schema(maxLength = 2000) String reason) {
	}

}
