package dev.bellwether.programme;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.bellwether.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The rollout waves on the Programme page: leads see where the rollout stands, everyone
 * else in a wave when theirs starts.
 */
@Component
class WavesSection implements ProgrammeSection {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final RolloutWaves waves;

	private final ProgrammeLeads leads;

	WavesSection(RolloutWaves waves, ProgrammeLeads leads) {
		this.waves = waves;
		this.leads = leads;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public String title() {
		return "Rollout waves";
	}

	@Override
	public String path() {
		return "/programme/waves";
	}

	@Override
	public boolean visibleTo(Viewer viewer, boolean lead) {
		return lead || this.waves.waveOf(viewer.id()).isPresent();
	}

	@Override
	public String summary(Viewer viewer) {
		if (!this.leads.isLead(viewer)) {
			return yourWave(this.waves.waveOf(viewer.id()));
		}
		List<Wave> all = this.waves.list();
		if (all.isEmpty()) {
			return "No wave planned yet.";
		}
		List<Wave> open = all.stream().filter(w -> w.status() == WaveStatus.OPEN).toList();
		if (open.isEmpty()) {
			long closed = all.stream().filter(w -> w.status().closed()).count();
			return closed + " of " + all.size() + " waves closed, none open"
					+ all.stream()
						.filter(w -> w.status() == WaveStatus.PLANNED)
						.findFirst()
						.map(w -> "; next: " + w.name() + ", planned for " + DAY.format(w.plannedStart()) + ".")
						.orElse(".");
		}
		Wave wave = open.get(0);
		WaveFigures figures = this.waves.figures(wave);
		return "Wave " + (all.indexOf(wave) + 1) + " of " + all.size() + " open (" + wave.name() + "), "
				+ figures.gatesMetCount() + " of " + figures.gates().size() + " gates met.";
	}

	static String yourWave(Optional<Wave> wave) {
		if (wave.isEmpty()) {
			return "You are in no rollout wave.";
		}
		Wave w = wave.get();
		return switch (w.status()) {
			case PLANNED -> "Your wave, " + w.name() + ", starts " + DAY.format(w.plannedStart()) + ".";
			case OPEN -> "Your wave, " + w.name() + ", is open.";
			case PASSED -> "Your wave, " + w.name() + ", passed its gates.";
			case FAILED -> "Your wave, " + w.name() + ", closed without meeting its gates.";
		};
	}

}
