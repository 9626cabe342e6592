package dev.bellwether.marketing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who gets a lead: the assignment rules applied to a lead's details
 * ({@link LeadAssignmentRules} keeps them), "reassign by rules" on an existing lead, and
 * each lead's assignment log.
 * <p>
 * {@link Leads#create} applies the rules itself to a lead created without an owner (and
 * logs which rule chose), so a caller that creates leads should leave the owner out
 * rather than ask {@link #ownerFor} first.
 */
@Component
public class LeadAssignment {

	private final LeadAssignmentRules rules;

	private final LeadAssignmentLog log;

	private final Leads leads;

	LeadAssignment(LeadAssignmentRules rules, LeadAssignmentLog log, Leads leads) {
		this.rules = rules;
		this.log = log;
		this.leads = leads;
	}

	/**
	 * The owner the rules give a lead with these details, taking the round-robin turn.
	 * @return the owner, or nothing when no rule matches
	 */
	@Transactional
	public Optional<UUID> ownerFor(LeadDetails details) {
		return assign(details).map(RuleAssignment::ownerId);
	}

	/**
	 * {@link #ownerFor}, saying which rule matched.
	 */
	@Transactional
	public Optional<RuleAssignment> assign(LeadDetails details) {
		return this.rules.choose(details);
	}

	/**
	 * The rule that would match, and the owner it would give, without taking a turn.
	 */
	public Optional<RuleAssignment> preview(LeadDetails details) {
		return this.rules.preview(details);
	}

	/**
	 * Gives the lead to the owner the rules choose for it now (logged, in its field
	 * history, and the new owner told).
	 * @throws InvalidInputException (naming {@code ownerId}) when no rule matches; the
	 * owner stays
	 * @throws dev.bellwether.platform.ForbiddenException when the viewer may not change
	 * the lead
	 */
	@Transactional
	public Lead reassign(Viewer viewer, UUID leadId) {
		Lead lead = this.leads.get(viewer, leadId);
		if (!this.leads.canEdit(viewer, lead)) {
			throw new dev.bellwether.platform.ForbiddenException("You can't change " + lead.fullName()
					+ ": only its owner, the owner's managers, marketing, sales administrators and administrators can.");
		}
		RuleAssignment rule = this.rules.choose(lead.details())
			.orElseThrow(() -> new InvalidInputException("ownerId",
					"No assignment rule matches this lead; its owner stays as it is."));
		return this.leads.assignByRule(viewer, lead, rule);
	}

	/**
	 * @return the lead's assignments, newest first
	 * @throws dev.bellwether.platform.RecordNotFoundException when the viewer may not
	 * read the lead
	 */
	public List<LeadAssignmentEntry> history(Viewer viewer, UUID leadId) {
		this.leads.get(viewer, leadId);
		return this.log.of(leadId);
	}

}
