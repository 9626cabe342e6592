package dev.bellwether.marketing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.edit.EditableField.Input;
import dev.bellwether.platform.edit.EditableField.Option;
import dev.bellwether.platform.edit.VersionedRecordEditing;
import dev.bellwether.platform.picklist.PickLists;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Leads for inline edit and bulk changes, each change a save through {@link Leads#update}
 * (its rules, rights and field history). The status is not among them: a disqualification
 * needs a reason, given on the lead's page or through the API.
 */
@Component
class LeadEditing extends VersionedRecordEditing<Viewer, Lead, LeadDetails> {

	private final Leads leads;

	LeadEditing(Leads leads, UserDirectory users, PickLists pickLists) {
		super(Leads.RECORD_TYPE, "leads", LeadDetails.class,
				List.of(field("firstName", "First name", Input.TEXT),
						field("lastName", "Last name", Input.TEXT).mandatory(), field("company", "Company", Input.TEXT),
						field("title", "Title", Input.TEXT), field("email", "E-mail", Input.TEXT),
						field("phone", "Phone", Input.TEXT),
						select("source", "Source", () -> options(pickLists, Leads.SOURCES)),
						select("country", "Country", () -> options(pickLists, "country")),
						select("ownerId", "Owner",
								() -> users.activeSalesPeople()
									.stream()
									.map(u -> new Option(u.id().toString(), u.fullName()))
									.toList())
							.mandatory()
							.displayedAs(id -> users.namesOf(List.of((UUID) id)).getOrDefault(id, "")),
						field("description", "Description", Input.TEXTAREA)),
				leads, id -> Viewer.of(users.get(id)), users::namesOf);
		this.leads = leads;
	}

	private static List<Option> options(PickLists pickLists, String list) {
		return pickLists.choices(list, null)
			.entrySet()
			.stream()
			.map(e -> new Option(e.getKey(), e.getValue()))
			.toList();
	}

	@Override
	protected String name(Lead record) {
		return record.fullName();
	}

	@Override
	protected List<UUID> matching(Viewer viewer, Map<String, String> filters, int limit) {
		LeadFilter filter = filterFrom(LeadFilter.class, renamed(filters, Map.of("owner", "ownerId")));
		return this.leads.list(viewer, filter, PageRequest.of(0, limit)).map(Lead::id).getContent();
	}

}
