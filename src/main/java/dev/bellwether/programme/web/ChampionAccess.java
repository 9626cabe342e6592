package dev.bellwether.programme.web;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.programme.ProgrammeLeads;

import org.springframework.stereotype.Component;

/**
 * Who reads the champions' coverage, the same for page and API: programme leads and
 * executives.
 */
@Component
class ChampionAccess {

	private final ProgrammeLeads leads;

	ChampionAccess(ProgrammeLeads leads) {
		this.leads = leads;
	}

	void requireReader(Viewer viewer) {
		if (!this.leads.isLead(viewer) && !viewer.is(Role.EXECUTIVE)) {
			throw new ForbiddenException("Champions' coverage is for programme leads and executives.");
		}
	}

}
