package dev.bellwether.service.web;

import java.util.UUID;

import dev.bellwether.service.CaseChannel;
import dev.bellwether.service.CaseDetails;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.SupportCase;

/**
 * The case form as the browser posts it; the rules live in {@link CaseDetails} and
 * {@link dev.bellwether.service.Cases}.
 */
public class CaseFormData {

	private String subject;

	private String description;

	private UUID accountId;

	private String accountName;

	private UUID contactId;

	private UUID productId;

	private CasePriority priority = CasePriority.NORMAL;

	private CaseChannel channel = CaseChannel.PHONE;

	private UUID ownerId;

	private UUID queueId;

	private String requesterEmail;

	private String requesterName;

	private long version;

	static CaseFormData of(SupportCase c, String accountName) {
		CaseFormData form = new CaseFormData();
		form.subject = c.subject();
		form.description = c.description();
		form.accountId = c.accountId();
		form.accountName = accountName;
		form.contactId = c.contactId();
		form.productId = c.productId();
		form.priority = c.priority();
		form.channel = c.channel();
		form.ownerId = c.ownerId();
		form.queueId = c.queueId();
		form.requesterEmail = c.requesterEmail();
		form.requesterName = c.requesterName();
		form.version = c.version();
		return form;
	}

	CaseDetails toDetails() {
		return new CaseDetails(this.subject, this.description, this.accountId, this.contactId, this.productId,
				this.priority, this.channel, this.ownerId, this.queueId, this.requesterEmail, this.requesterName);
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
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

	public UUID getProductId() {
		return this.productId;
	}

	public void setProductId(UUID productId) {
		this.productId = productId;
	}

	public CasePriority getPriority() {
		return this.priority;
	}

	public void setPriority(CasePriority priority) {
		this.priority = priority;
	}

	public CaseChannel getChannel() {
		return this.channel;
	}

	public void setChannel(CaseChannel channel) {
		this.channel = channel;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public UUID getQueueId() {
		return this.queueId;
	}

	public void setQueueId(UUID queueId) {
		this.queueId = queueId;
	}

	public String getRequesterEmail() {
		return this.requesterEmail;
	}

	public void setRequesterEmail(String requesterEmail) {
		this.requesterEmail = requesterEmail;
	}

	public String getRequesterName() {
		return this.requesterName;
	}

	public void setRequesterName(String requesterName) {
		this.requesterName = requesterName;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
