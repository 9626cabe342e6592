package dev.bellwether.sales.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import dev.bellwether.sales.StageDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stages")
@Tag(name = "Pipeline stages", description = "The stages of the sales pipeline, in order. Everyone reads them; "
		+ "administrators and sales administrators change them. A stage deals use is retired, never deleted.")
class StageApiController {

	private final PipelineStages stages;

	StageApiController(PipelineStages stages) {
		this.stages = stages;
	}

	@GetMapping
	@Operation(summary = "List the stages in pipeline order", description = "retired=true includes retired stages.")
	List<PipelineStage> list(@RequestParam(defaultValue = "false") boolean retired) {
		return retired ? this.stages.all() : this.stages.active();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one stage")
	PipelineStage get(@PathVariable UUID id) {
		return this.stages.get(id);
	}

	@PostMapping
	@Operation(summary = "Add a stage at the end of the pipeline",
			description = "outcome OPEN, WON or LOST; an open stage forecasts as PIPELINE, BEST_CASE or COMMIT, a "
					+ "won stage as CLOSED at 100%, a lost stage as OMITTED at 0%.")
	ResponseEntity<PipelineStage> create(Viewer viewer, @RequestBody StageRequest request) {
		StageDetails details = details(request);
		PipelineStage stage = this.stages.create(viewer, details);
		return ResponseEntity.created(URI.create("/api/v1/stages/" + stage.id())).body(stage);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a stage", description = "With the version read (409 when stale).")
	PipelineStage update(Viewer viewer, @PathVariable UUID id, @RequestBody StageRequest request) {
		if (request.version() == null) {
			throw new InvalidInputException("version", "Send the version of the stage you read.");
		}
		return this.stages.update(viewer, id, request.version(), details(request));
	}

	@PostMapping("/{id}/move")
	@Operation(summary = "Move a stage earlier (direction=-1) or later (direction=1) in the pipeline")
	List<PipelineStage> move(Viewer viewer, @PathVariable UUID id, @RequestParam int direction) {
		this.stages.move(viewer, id, direction);
		return this.stages.all();
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "Retire a stage (no longer offered for deals)")
	PipelineStage retire(Viewer viewer, @PathVariable UUID id) {
		return this.stages.setRetired(viewer, id, true);
	}

	@PostMapping("/{id}/unretire")
	@Operation(summary = "Offer a retired stage again")
	PipelineStage unretire(Viewer viewer, @PathVariable UUID id) {
		return this.stages.setRetired(viewer, id, false);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a stage no deal uses or ever used")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		this.stages.delete(viewer, id);
		return ResponseEntity.noContent().build();
	}

	private static StageDetails details(StageRequest request) {
		Inputs inputs = new Inputs();
		StageDetails details = request.toDetails(inputs);
		inputs.throwIfAny();
		return details;
	}

}
