package dev.bellwether.sales.web;

import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.Board;
import dev.bellwether.sales.BoardFilter;
import dev.bellwether.sales.ClosePeriod;
import dev.bellwether.sales.PipelineBoard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipeline")
@Tag(name = "Pipeline board", description = "Deals by stage, with each stage's count and totals.")
class PipelineBoardApiController {

	private final PipelineBoard board;

	PipelineBoardApiController(PipelineBoard board) {
		this.board = board;
	}

	@Usage(UsageKind.DASHBOARD_VIEW)
	@GetMapping("/board")
	@Operation(summary = "The pipeline board",
			description = "One column per active stage, in pipeline order, with the count, amount and weighted "
					+ "amount of the deals the caller may see, and the first " + PipelineBoard.CARDS_PER_COLUMN
					+ " deals by close date. Filter by ownerId, team (a manager's id: their organisation's deals) and "
					+ "period (ALL: every open deal and those closed in the last " + PipelineBoard.RECENTLY_CLOSED_DAYS
					+ " days; THIS_MONTH, THIS_QUARTER, NEXT_QUARTER, "
					+ "THIS_YEAR: deals closing then). Move a deal with POST /api/v1/opportunities/{id}/stage.")
	Board board(Viewer viewer, @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) ClosePeriod period) {
		return this.board.load(viewer, new BoardFilter(ownerId, team, period));
	}

}
