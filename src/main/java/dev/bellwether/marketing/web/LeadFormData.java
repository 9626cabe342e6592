package dev.bellwether.marketing.web;

import java.util.UUID;

import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.LeadStatus;

/**
 * The lead form as the browser posts it; the rules live in {@link LeadDetails} and
 * {@link dev.bellwether.marketing.Leads}.
 */
public class LeadFormData {

	private String firstName;

	private String lastName;

	private String company;

	private String title;

	private String email;

	private String phone;

	private String country;

	private String source;

	private LeadStatus status;

	private String disqualifyReason;

	private UUID ownerId;

	private String description;

	private long version;

	static LeadFormData of(Lead lead) {
		LeadFormData form = new LeadFormData();
		form.firstName = lead.firstName();
		form.lastName = lead.lastName();
		form.company = lead.company();
		form.title = lead.title();
		form.email = lead.email();
		form.phone = lead.phone();
		form.country = lead.country();
		form.source = lead.source();
		form.status = lead.status();
		form.disqualifyReason = lead.disqualifyReason();
		form.ownerId = lead.ownerId();
		form.description = lead.description();
		form.version = lead.version();
		return form;
	}

	LeadDetails toDetails() {
		return new LeadDetails(this.firstName, this.lastName, this.company, this.title, this.email, this.phone,
				this.country, this.source, this.status, this.disqualifyReason, this.ownerId, this.description);
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getCompany() {
		return this.company;
	}

	public void setCompany(String company) {
		this.company = company;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public LeadStatus getStatus() {
		return this.status;
	}

	public void setStatus(LeadStatus status) {
		this.status = status;
	}

	public String getDisqualifyReason() {
		return this.disqualifyReason;
	}

	public void setDisqualifyReason(String disqualifyReason) {
		this.disqualifyReason = disqualifyReason;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
