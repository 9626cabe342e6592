package dev.bellwether.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;

import org.springframework.stereotype.Service;

/**
 * Who may be given a business record: the one rule that accounts, contacts, opportunities
 * and activities follow, on create and on update, in the API and in forms (whose owner
 * pickers offer {@link #choices} and nobody else).
 * <p>
 * Records belong to active sales people ({@link #OWNER_ROLES}), never to an
 * administrator, an integration account, a marketing or a service user, nor to someone
 * deactivated. Who may hand a record to whom follows the visibility rules of the record
 * type's {@link AccessPolicy}: the roles that change every such record (sales
 * administrators, administrators) give it to anyone; a manager or an executive, within
 * their organisation (themself and everyone under them, at any depth); a rep, and anyone
 * else, only to themself. Keeping a record's current owner, or taking a record for
 * oneself, is always allowed (the API's default owner is the caller).
 */
@Service
public class RecordOwners {

	/** The roles whose people own records. */
	public static final Set<Role> OWNER_ROLES = Set
		.copyOf(EnumSet.of(Role.REP, Role.MANAGER, Role.EXECUTIVE, Role.SALES_ADMIN));

	private static final Set<Role> ORGANISATION_ROLES = Set.copyOf(EnumSet.of(Role.MANAGER, Role.EXECUTIVE));

	private static final String FIELD = "ownerId";

	private final UserDirectory users;

	private final OrgChart orgChart;

	RecordOwners(UserDirectory users, OrgChart orgChart) {
		this.users = users;
		this.orgChart = orgChart;
	}

	/**
	 * Why a new record may not belong to the user, as a form or an import says it: no
	 * such user, deactivated, not someone who owns records, or not one the viewer may
	 * give records to.
	 * @param records what the records are called, e.g. {@code deals}
	 * @return the reason, or nothing when the viewer may give a new record to the user
	 */
	public Optional<String> refusal(Viewer viewer, AccessPolicy policy, UUID ownerId, String records) {
		Optional<User> owner = this.users.find(ownerId);
		if (owner.isEmpty()) {
			return Optional.of("There is no user with id " + ownerId + ".");
		}
		if (!owner.get().active()) {
			return Optional.of(owner.get().fullName() + " is deactivated and can't own " + records + ".");
		}
		try {
			requireAssignable(viewer, policy, ownerId, null);
			return Optional.empty();
		}
		catch (InvalidInputException ex) {
			return Optional.of(String.join(" ", ex.fieldErrors().values()));
		}
		catch (ForbiddenException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	/**
	 * @throws InvalidInputException (400) when the new owner is not someone who owns
	 * records
	 * @throws ForbiddenException (403, naming {@code ownerId}) when the viewer may not
	 * give the record to them
	 * @param currentOwnerId the record's owner before the change; {@code null} for a new
	 * record
	 */
	public void requireAssignable(Viewer viewer, AccessPolicy policy, UUID newOwnerId, UUID currentOwnerId) {
		if (newOwnerId == null || newOwnerId.equals(currentOwnerId) || newOwnerId.equals(viewer.id())) {
			return;
		}
		Optional<User> found = this.users.find(newOwnerId);
		if (found.isEmpty()) {
			// the module's own validation names a user that does not exist
			return;
		}
		User owner = found.get();
		if (!isOwner(owner)) {
			throw new InvalidInputException(FIELD,
					owner.fullName() + " can't own " + policy.recordType()
							+ "s: records belong to active sales people, not to administrators, integration accounts, "
							+ "marketing or service users.");
		}
		if (!mayGiveTo(viewer, policy, owner.id())) {
			throw new ForbiddenException(FIELD, "You can't give this " + policy.recordType() + " to " + owner.fullName()
					+ ": " + scopeText(viewer) + ".");
		}
	}

	/**
	 * The people the viewer may give a record to, by name, for an owner picker: sales
	 * people only, so an administrator picks among them and not themself.
	 * @param keptOwnerId the owner the form shows now (the record's, or the viewer for a
	 * new record), listed too so that saving the form never changes the owner unasked; or
	 * {@code null}
	 */
	public List<User> choices(Viewer viewer, AccessPolicy policy, UUID keptOwnerId) {
		List<User> choices = new ArrayList<>();
		for (User candidate : this.users.activeSalesPeople()) {
			if (candidate.id().equals(keptOwnerId) || candidate.id().equals(viewer.id())
					|| mayGiveTo(viewer, policy, candidate.id())) {
				choices.add(candidate);
			}
		}
		if (keptOwnerId != null && choices.stream().noneMatch(user -> user.id().equals(keptOwnerId))) {
			this.users.find(keptOwnerId).ifPresent(kept -> choices.add(0, kept));
		}
		if (choices.isEmpty()) {
			// someone who owns no records (marketing, service) may still keep one for
			// themself, as the API's default owner does
			this.users.find(viewer.id()).ifPresent(choices::add);
		}
		return choices;
	}

	/**
	 * {@link #choices} as id → name, in order, as forms' pickers take them.
	 */
	public Map<UUID, String> choiceNames(Viewer viewer, AccessPolicy policy, UUID keptOwnerId) {
		Map<UUID, String> names = new LinkedHashMap<>();
		choices(viewer, policy, keptOwnerId).forEach(user -> names.put(user.id(), user.fullName()));
		return names;
	}

	public static boolean isOwner(User user) {
		return user.active() && !user.integrationAccount() && OWNER_ROLES.contains(user.role());
	}

	private boolean mayGiveTo(Viewer viewer, AccessPolicy policy, UUID ownerId) {
		if (viewer.id().equals(ownerId) || policy.editsAll().contains(viewer.role())) {
			return true;
		}
		return ORGANISATION_ROLES.contains(viewer.role()) && this.orgChart.isAbove(viewer.id(), ownerId);
	}

	private static String scopeText(Viewer viewer) {
		if (ORGANISATION_ROLES.contains(viewer.role())) {
			return "you can give records to yourself and to the people in your organisation only";
		}
		return "you can give records to yourself only";
	}

}
