package dev.bellwether.activities.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.activities.ActivityKind;
import dev.bellwether.activities.Attendee;
import dev.bellwether.activities.TaskPriority;
import dev.bellwether.activities.TaskStatus;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.web.DateInput;

import org.springframework.util.StringUtils;

/**
 * The "log activity" form as the browser posts it: one form with a section per kind, of
 * which only the chosen kind's fields are taken. Dates and times arrive as text (from
 * {@code date} and {@code datetime-local} inputs, in the company's time zone) so that an
 * unreadable one gets a message of its own. The rules live in {@link ActivityDetails}.
 */
public class ActivityFormData {

	private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private ActivityKind kind = ActivityKind.TASK;

	private String subject;

	private String body;

	private UUID accountId;

	private String accountName;

	private UUID contactId;

	private String contactName;

	private UUID opportunityId;

	/** The lead the activity is logged against (from the lead's page), if any. */
	private UUID leadId;

	private String leadName;

	private String opportunityName;

	private UUID ownerId;

	private String dueDate;

	private TaskStatus status = TaskStatus.OPEN;

	private TaskPriority priority = TaskPriority.NORMAL;

	private String subType;

	private String callAt;

	private Integer durationMinutes;

	private String startsAt;

	private String endsAt;

	private List<UUID> attendeeContactIds = new ArrayList<>();

	private List<UUID> attendeeUserIds = new ArrayList<>();

	private String attendeeEmails;

	/** Which record page to go back to after saving: account, contact or opportunity. */
	private String origin;

	private long version;

	static ActivityFormData of(Activity activity, ZoneId zone) {
		ActivityFormData form = new ActivityFormData();
		form.kind = activity.kind();
		form.subject = activity.subject();
		form.body = activity.body();
		form.accountId = activity.accountId();
		form.contactId = activity.contactId();
		form.opportunityId = activity.opportunityId();
		form.leadId = activity.leadId();
		form.ownerId = activity.ownerId();
		form.dueDate = activity.dueDate() == null ? null : activity.dueDate().toString();
		form.status = activity.status();
		form.priority = activity.priority();
		form.subType = activity.subType();
		if (activity.kind() == ActivityKind.CALL) {
			form.callAt = local(activity.startsAt(), zone);
			Long minutes = activity.durationMinutes();
			form.durationMinutes = minutes == null ? null : minutes.intValue();
		}
		else {
			form.startsAt = local(activity.startsAt(), zone);
			form.endsAt = local(activity.endsAt(), zone);
		}
		for (Attendee attendee : activity.attendees()) {
			if (attendee.contactId() != null) {
				form.attendeeContactIds.add(attendee.contactId());
			}
			else if (attendee.userId() != null) {
				form.attendeeUserIds.add(attendee.userId());
			}
		}
		form.attendeeEmails = String.join(", ",
				activity.attendees().stream().filter(a -> a.email() != null).map(Attendee::email).toList());
		form.version = activity.version();
		return form;
	}

	/**
	 * @throws InvalidInputException naming the date or time fields that can't be read
	 */
	ActivityDetails toDetails(ZoneId zone) {
		Map<String, String> errors = new LinkedHashMap<>();
		ActivityKind chosen = this.kind == null ? ActivityKind.TASK : this.kind;
		ActivityDetails details = switch (chosen) {
			case TASK -> new ActivityDetails(chosen, this.subject, this.body, this.accountId, this.contactId,
					this.opportunityId, this.ownerId, date("dueDate", this.dueDate, errors), this.status, this.priority,
					null, null, List.of());
			case CALL -> {
				Instant at = instant("callAt", this.callAt, zone, errors);
				if (this.durationMinutes != null && (this.durationMinutes < 0 || this.durationMinutes > 24 * 60)) {
					errors.put("durationMinutes", "Enter a duration between 0 and 1,440 minutes.");
				}
				Instant end = at == null || this.durationMinutes == null || errors.containsKey("durationMinutes") ? null
						: at.plus(Duration.ofMinutes(this.durationMinutes));
				yield new ActivityDetails(chosen, this.subject, this.body, this.accountId, this.contactId,
						this.opportunityId, this.ownerId, null, null, null, at, end, List.of());
			}
			case MEETING ->
				new ActivityDetails(chosen, this.subject, this.body, this.accountId, this.contactId, this.opportunityId,
						this.ownerId, null, null, null, instant("startsAt", this.startsAt, zone, errors),
						instant("endsAt", this.endsAt, zone, errors), attendees());
			case NOTE -> new ActivityDetails(chosen, this.subject, this.body, this.accountId, this.contactId,
					this.opportunityId, this.ownerId, null, null, null, null, null, List.of());
		};
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// a type chosen before switching the form to a note is not the note's
		details = details.withSubType(chosen == ActivityKind.NOTE ? null : this.subType);
		return (this.leadId != null) ? details.onLead(this.leadId) : details;
	}

	private List<Attendee> attendees() {
		List<Attendee> attendees = new ArrayList<>();
		this.attendeeContactIds.stream()
			.filter(java.util.Objects::nonNull)
			.map(Attendee::contact)
			.forEach(attendees::add);
		this.attendeeUserIds.stream().filter(java.util.Objects::nonNull).map(Attendee::user).forEach(attendees::add);
		if (StringUtils.hasText(this.attendeeEmails)) {
			for (String email : this.attendeeEmails.split("[,;\\s]+")) {
				if (!email.isBlank()) {
					attendees.add(Attendee.email(email.trim()));
				}
			}
		}
		return attendees;
	}

	private static LocalDate date(String field, String text, Map<String, String> errors) {
		try {
			return DateInput.date(field, text);
		}
		catch (InvalidInputException ex) {
			errors.putAll(ex.fieldErrors());
			return null;
		}
	}

	private static Instant instant(String field, String text, ZoneId zone, Map<String, String> errors) {
		try {
			LocalDateTime at = DateInput.dateTime(field, text);
			return at == null ? null : at.atZone(zone).toInstant();
		}
		catch (InvalidInputException ex) {
			errors.putAll(ex.fieldErrors());
			return null;
		}
	}

	private static String local(Instant instant, ZoneId zone) {
		return instant == null ? null : LOCAL_DATE_TIME.format(instant.atZone(zone));
	}

	public ActivityKind getKind() {
		return this.kind;
	}

	public void setKind(ActivityKind kind) {
		this.kind = kind;
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public UUID getAccountId() {
		return this.accountId;
	}

	public void setAccountId(UUID accountId) {
		this.accountId = accountId;
	}

	public String getAccountName() {
		return this.accountName;
	}

	public void setAccountName(String accountName) {
		this.accountName = accountName;
	}

	public UUID getContactId() {
		return this.contactId;
	}

	public void setContactId(UUID contactId) {
		this.contactId = contactId;
	}

	public String getContactName() {
		return this.contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public UUID getOpportunityId() {
		return this.opportunityId;
	}

	public void setOpportunityId(UUID opportunityId) {
		this.opportunityId = opportunityId;
	}

	public UUID getLeadId() {
		return this.leadId;
	}

	public void setLeadId(UUID leadId) {
		this.leadId = leadId;
	}

	public String getLeadName() {
		return this.leadName;
	}

	public void setLeadName(String leadName) {
		this.leadName = leadName;
	}

	public String getOpportunityName() {
		return this.opportunityName;
	}

	public void setOpportunityName(String opportunityName) {
		this.opportunityName = opportunityName;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public String getDueDate() {
		return this.dueDate;
	}

	public void setDueDate(String dueDate) {
		this.dueDate = dueDate;
	}

	public TaskStatus getStatus() {
		return this.status;
	}

	public void setStatus(TaskStatus status) {
		this.status = status;
	}

	public TaskPriority getPriority() {
		return this.priority;
	}

	public void setPriority(TaskPriority priority) {
		this.priority = priority;
	}

	public String getCallAt() {
		return this.callAt;
	}

	public void setCallAt(String callAt) {
		this.callAt = callAt;
	}

	public Integer getDurationMinutes() {
		return this.durationMinutes;
	}

	public void setDurationMinutes(Integer durationMinutes) {
		this.durationMinutes = durationMinutes;
	}

	public String getStartsAt() {
		return this.startsAt;
	}

	public void setStartsAt(String startsAt) {
		this.startsAt = startsAt;
	}

	public String getEndsAt() {
		return this.endsAt;
	}

	public void setEndsAt(String endsAt) {
		this.endsAt = endsAt;
	}

	public List<UUID> getAttendeeContactIds() {
		return this.attendeeContactIds;
	}

	public void setAttendeeContactIds(List<UUID> attendeeContactIds) {
		this.attendeeContactIds = attendeeContactIds == null ? new ArrayList<>() : attendeeContactIds;
	}

	public List<UUID> getAttendeeUserIds() {
		return this.attendeeUserIds;
	}

	public void setAttendeeUserIds(List<UUID> attendeeUserIds) {
		this.attendeeUserIds = attendeeUserIds == null ? new ArrayList<>() : attendeeUserIds;
	}

	public String getAttendeeEmails() {
		return this.attendeeEmails;
	}

	public void setAttendeeEmails(String attendeeEmails) {
		this.attendeeEmails = attendeeEmails;
	}

	public String getOrigin() {
		return this.origin;
	}

	public void setOrigin(String origin) {
		this.origin = origin;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getSubType() {
		return this.subType;
	}

	public void setSubType(String subType) {
		this.subType = subType;
	}

}
