package dev.bellwether.programme.web;

import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.RolloutWaves;
import dev.bellwether.programme.Wave;

import org.springframework.stereotype.Component;

/**
 * Which waves a viewer sees, the same for pages and API: programme leads and executives
 * every wave; everyone else their own wave only.
 */
@Component
class WaveAccess {

	private final RolloutWaves waves;

	private final ProgrammeLeads leads;

	WaveAccess(RolloutWaves waves, ProgrammeLeads leads) {
		this.waves = waves;
		this.leads = leads;
	}

	boolean seesEveryWave(Viewer viewer) {
		return this.leads.isLead(viewer) || viewer.is(Role.EXECUTIVE);
	}

	List<Wave> visible(Viewer viewer) {
		if (seesEveryWave(viewer)) {
			return this.waves.list();
		}
		return this.waves.waveOf(viewer.id()).stream().toList();
	}

	/**
	 * @throws RecordNotFoundException for an unknown wave, or one the viewer does not see
	 */
	Wave get(Viewer viewer, UUID id) {
		return visible(viewer).stream()
			.filter(w -> w.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("rollout wave", id));
	}

}
