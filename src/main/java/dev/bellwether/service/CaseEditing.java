package dev.bellwether.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.edit.EditableField.Option;
import dev.bellwether.platform.edit.RecordEditing;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Cases for inline edit and bulk changes (subject, priority, status, owner, queue), each
 * change a save through {@link Cases#edit} (its rules, rights, history and events).
 */
@Component
class CaseEditing extends RecordEditing<Viewer, SupportCase, CaseEdit> {

	private final Cases cases;

	private final UserDirectory users;

	CaseEditing(Cases cases, CaseQueues queues, UserDirectory users) {
		super(Cases.RECORD_TYPE, "cases", CaseEdit.class,
				List.of(field("subject", "Subject", Input.TEXT).mandatory(), select("priority", "Priority",
						() -> Arrays.stream(CasePriority.values()).map(p -> new Option(p.name(), p.label())).toList())
					.mandatory(),
						select("status", "Status",
								() -> Arrays.stream(CaseStatus.values())
									.map(s -> new Option(s.name(), s.label()))
									.toList())
							.mandatory(),
						select("ownerId", "Owner",
								() -> users.activeUsers()
									.stream()
									.filter(u -> !u.integrationAccount() && Cases.AGENT_ROLES.contains(u.role()))
									.map(u -> new Option(u.id().toString(), u.fullName()))
									.toList())
							.displayedAs(id -> id == null ? "Unassigned"
									: users.namesOf(List.of((UUID) id)).getOrDefault(id, "")),
						select("queueId", "Queue",
								() -> queues.all()
									.stream()
									.filter(CaseQueue::active)
									.map(q -> new Option(q.id().toString(), q.name()))
									.toList())
							.mandatory()
							.displayedAs(
									id -> id == null ? "" : queues.find((UUID) id).map(CaseQueue::name).orElse(""))));
		this.cases = cases;
		this.users = users;
	}

	@Override
	protected Viewer viewer(UUID actorId) {
		return Viewer.of(this.users.get(actorId));
	}

	@Override
	protected SupportCase get(Viewer viewer, UUID id) {
		return this.cases.get(viewer, id);
	}

	@Override
	protected CaseEdit details(SupportCase record) {
		return CaseEdit.of(record);
	}

	@Override
	protected SupportCase update(Viewer viewer, UUID id, long version, CaseEdit details) {
		return this.cases.edit(viewer, id, version, details);
	}

	@Override
	protected long version(SupportCase record) {
		return record.version();
	}

	@Override
	protected String lastChangedBy(SupportCase record) {
		UUID by = this.cases.updatedBy(record.id());
		return (by == null) ? "the system" : this.users.namesOf(List.of(by)).getOrDefault(by, "someone");
	}

	@Override
	protected Instant lastChangedAt(SupportCase record) {
		return record.updatedAt();
	}

	@Override
	protected String name(SupportCase record) {
		return record.reference() + " " + record.subject();
	}

	@Override
	protected void delete(Viewer viewer, UUID id) {
		this.cases.delete(viewer, id);
	}

	@Override
	protected void restore(Viewer viewer, UUID id) {
		this.cases.restore(viewer, id);
	}

	@Override
	protected List<UUID> matching(Viewer viewer, Map<String, String> filters, int limit) {
		String unassigned = filters.get("unassigned");
		CaseFilter filter = new CaseFilter(filters.get("q"), filters.get("status"), filters.get("priority"),
				uuid(filters.get("owner")), "true".equals(unassigned) ? Boolean.TRUE : null, uuid(filters.get("queue")),
				uuid(filters.get("account")));
		return this.cases.list(viewer, filter, PageRequest.of(0, limit)).map(SupportCase::id).getContent();
	}

	private static UUID uuid(String text) {
		try {
			return (text == null || text.isBlank()) ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new dev.bellwether.platform.InvalidInputException("filters", "'" + text + "' is not a valid id.");
		}
	}

}
