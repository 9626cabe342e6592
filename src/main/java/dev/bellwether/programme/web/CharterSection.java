package dev.bellwether.programme.web;

import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.ProgrammeCharter;
import dev.bellwether.programme.ProgrammeLeads;
import dev.bellwether.programme.ProgrammeSection;

import org.springframework.stereotype.Component;

/**
 * The charter on the Programme page: for everyone, the current version and whether they
 * accepted it; for leads, how many accepted it.
 */
@Component
class CharterSection implements ProgrammeSection {

	private final ProgrammeCharter charter;

	private final ProgrammeLeads leads;

	CharterSection(ProgrammeCharter charter, ProgrammeLeads leads) {
		this.charter = charter;
		this.leads = leads;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String title() {
		return "Charter";
	}

	@Override
	public String path() {
		return "/programme/charter";
	}

	@Override
	public boolean visibleTo(Viewer viewer, boolean lead) {
		return true;
	}

	@Override
	public String summary(Viewer viewer) {
		ProgrammeCharter.Status status = this.charter.status(viewer);
		if (status.current() == null) {
			return "No charter published yet";
		}
		String version = "Version " + status.current().number();
		if (this.leads.isLead(viewer)) {
			ProgrammeCharter.AcceptanceReport report = this.charter.report(viewer);
			return version + " · accepted by " + report.accepted() + " of " + report.licensed();
		}
		return version + (status.acceptedCurrent() ? " · you accepted it" : " · waiting for your acceptance");
	}

}
