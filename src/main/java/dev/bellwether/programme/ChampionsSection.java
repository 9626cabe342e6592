package dev.bellwether.programme;

import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The champions on the Programme page, for leads: coverage and its gaps.
 */
@Component
class ChampionsSection implements ProgrammeSection {

	private final Champions champions;

	ChampionsSection(Champions champions) {
		this.champions = champions;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public String title() {
		return "Champions";
	}

	@Override
	public String path() {
		return "/programme/champions";
	}

	@Override
	public boolean visibleTo(Viewer viewer, boolean lead) {
		return lead;
	}

	@Override
	public String summary(Viewer viewer) {
		Champions.Coverage coverage = this.champions.coverage();
		long counting = coverage.teams().stream().mapToLong(Champions.TeamCoverage::champions).sum();
		long gaps = coverage.gaps();
		return counting + (counting == 1 ? " champion" : " champions") + " across " + coverage.teams().size()
				+ " teams (1 per " + coverage.peoplePerChampion() + " people): "
				+ (gaps == 0 ? "no coverage gap." : gaps + (gaps == 1 ? " team" : " teams") + " below the ratio.");
	}

}
