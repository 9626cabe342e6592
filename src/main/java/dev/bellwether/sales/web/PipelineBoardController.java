package dev.bellwether.sales.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.sales.Board;
import dev.bellwether.sales.BoardFilter;
import dev.bellwether.sales.ClosePeriod;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.PipelineBoard;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pipeline board page. Cards are moved by drag and drop, or from the keyboard,
 * through {@code POST /pipeline/move}, which answers with the board re-drawn (so counts
 * and totals stay right) and a message — also when the move was refused, with a status
 * saying why.
 */
@Controller
class PipelineBoardController {

	private final PipelineBoard board;

	private final Opportunities opportunities;

	private final PipelineStages stages;

	private final UserDirectory users;

	private final OrgChart orgChart;

	PipelineBoardController(PipelineBoard board, Opportunities opportunities, PipelineStages stages,
			UserDirectory users, OrgChart orgChart) {
		this.board = board;
		this.opportunities = opportunities;
		this.stages = stages;
		this.users = users;
		this.orgChart = orgChart;
	}

	@Usage(UsageKind.DASHBOARD_VIEW)
	@GetMapping("/pipeline")
	String board(Viewer viewer, @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) ClosePeriod period, HttpServletRequest request, Model model) {
		BoardFilter filter = new BoardFilter(ownerId, team, period);
		show(viewer, filter, model);
		return Htmx.targets(request, "board") ? "sales/board :: board" : "sales/board";
	}

	@PostMapping("/pipeline/move")
	String move(Viewer viewer, @RequestParam UUID id, @RequestParam UUID stageId, @RequestParam long version,
			@RequestParam(required = false) String lossReason, @RequestParam(required = false) String lossReasonDetail,
			@RequestParam(required = false) UUID ownerId, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) ClosePeriod period, HttpServletResponse response, Model model) {
		BoardFilter filter = new BoardFilter(ownerId, team, period);
		try {
			Opportunity moved = this.opportunities.changeStage(viewer, id, stageId, version, lossReason,
					lossReasonDetail);
			model.addAttribute("message", "Moved “" + moved.name() + "” to " + moved.stageName() + ".");
			model.addAttribute("movedId", moved.id());
		}
		catch (StaleRecordException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", "Someone else changed this deal while you were looking at it. The board "
					+ "now shows their change; move the deal again if you still want to.");
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", String.join(" ", ex.fieldErrors().values()));
		}
		catch (ForbiddenException ex) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("error", ex.getMessage());
		}
		catch (RecordNotFoundException ex) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("error", "That deal no longer exists, or is no longer yours to see.");
		}
		show(viewer, filter, model);
		return "sales/board :: board";
	}

	private void show(Viewer viewer, BoardFilter filter, Model model) {
		Board loaded = this.board.load(viewer, filter);
		model.addAttribute("board", loaded);
		model.addAttribute("filter", filter);
		model.addAttribute("periods", ClosePeriod.values());
		model.addAttribute("range", this.board.range(filter.period()));
		model.addAttribute("moveTargets", this.stages.active());
		List<User> people = peopleInScope(viewer);
		model.addAttribute("owners", people);
		Set<UUID> managers = people.stream()
			.map(User::managerId)
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		model.addAttribute("teams", people.stream().filter(user -> managers.contains(user.id())).toList());
		model.addAttribute("recentlyClosedDays", PipelineBoard.RECENTLY_CLOSED_DAYS);
		model.addAttribute("lostStageIds",
				this.stages.active().stream().filter(PipelineStage::isLost).map(PipelineStage::id).toList());
	}

	/**
	 * Whose deals the viewer can filter the board by: everyone for those who see all
	 * deals, their own organisation for managers, nobody else for reps.
	 */
	private List<User> peopleInScope(Viewer viewer) {
		Set<Role> seesAll = Set.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN);
		Set<UUID> organisation = seesAll.contains(viewer.role()) ? null : this.orgChart.organisationOf(viewer.id());
		return this.users.activeUsers()
			.stream()
			.filter(user -> organisation == null || organisation.contains(user.id()))
			.filter(user -> user.role() == Role.REP || user.role() == Role.MANAGER || user.role() == Role.EXECUTIVE
					|| user.id().equals(viewer.id()))
			.sorted(Comparator.comparing(User::fullName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

}
