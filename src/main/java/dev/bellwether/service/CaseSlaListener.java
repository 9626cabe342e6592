package dev.bellwether.service;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's SLA from the cases' own events, after the change commits, each in a
 * transaction of its own (a failure here never undoes the case's change; the publication
 * registry retries it).
 */
@Component
class CaseSlaListener {

	private final CaseSlas slas;

	CaseSlaListener(CaseSlas slas) {
		this.slas = slas;
	}

	@ApplicationModuleListener
	void on(CaseOpened event) {
		this.slas.opened(event);
	}

	@ApplicationModuleListener
	void on(CaseStatusChanged event) {
		this.slas.statusChanged(event);
	}

	@ApplicationModuleListener
	void on(CaseCommented event) {
		this.slas.commented(event);
	}

	@ApplicationModuleListener
	void on(CasePriorityChanged event) {
		this.slas.priorityChanged(event);
	}

}
