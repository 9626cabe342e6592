package dev.bellwether.programme.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.Champions;
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
 * Champions and their coverage by team: programme leads and executives read them,
 * programme leads change them.
 */
@RestController
@RequestMapping("/api/v1/programme/champions")
@Tag(name = "Programme: champions",
		description = "Champions per team, coverage against the ratio (docs/programme.md, \"Champions\"). Programme "
				+ "leads and executives read; programme leads change.")
class ChampionApiController {

	private final Champions champions;

	private final ChampionAccess access;

	ChampionApiController(Champions champions, ChampionAccess access) {
		this.champions = champions;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Every champion, and each team's coverage with the adoption rate of teams with a champion "
			+ "beside the others'")
	ChampionsResource list(Viewer viewer) {
		this.access.requireReader(viewer);
		return new ChampionsResource(this.champions.list(), this.champions.coverage(), this.champions.ratio());
	}

	@PostMapping
	@Operation(summary = "Designate a champion of a team (programme leads)",
			description = "The person must be active and in the team: 400 otherwise; an unknown person is a 404.")
	ResponseEntity<Champions.Champion> designate(Viewer viewer, @RequestBody ChampionRequest request) {
		Champions.Champion champion = this.champions.designate(viewer, request.userId(), request.team());
		return ResponseEntity.created(URI.create("/api/v1/programme/champions/" + champion.id())).body(champion);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove a champion (programme leads)")
	ResponseEntity<Void> remove(Viewer viewer, @PathVariable UUID id) {
		this.champions.remove(viewer, id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/ratio")
	@Operation(summary = "Change how many people one champion covers (programme leads)",
			description = "1 to 1000; send the version you read (0 while the default holds); stale gives 409.")
	Champions.Ratio ratio(Viewer viewer, @RequestBody RatioRequest request) {
		if (request.version() == null) {
			throw new InvalidInputException("version", "Send the version of the ratio you read.");
		}
		return this.champions.changeRatio(viewer, request.peoplePerChampion(), request.version());
	}

	record ChampionsResource(List<Champions.Champion> champions, Champions.Coverage coverage, Champions.Ratio ratio) {
	}

	record ChampionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID userId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String team) {
	}

	record RatioRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1",
					maximum = "1000") Integer peoplePerChampion,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0") Long version) {
	}

}
