package dev.bellwether.marketing.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.bellwether.marketing.WebLeadForm;
import dev.bellwether.marketing.WebLeadFormDetails;

/**
 * The web-to-lead form's settings form: origins one a line.
 */
public class WebLeadFormData {

	private String name;

	private String allowedOrigins;

	private boolean active = true;

	private String leadSource;

	private UUID campaignId;

	private String consentText;

	private boolean consentRequired;

	private String thankYouUrl;

	private UUID ownerId;

	private long version;

	static WebLeadFormData of(WebLeadForm form) {
		WebLeadFormData data = new WebLeadFormData();
		data.name = form.name();
		data.allowedOrigins = String.join("\n", form.allowedOrigins());
		data.active = form.active();
		data.leadSource = form.leadSource();
		data.campaignId = form.campaignId();
		data.consentText = form.consentText();
		data.consentRequired = form.consentRequired();
		data.thankYouUrl = form.thankYouUrl();
		data.ownerId = form.ownerId();
		data.version = form.version();
		return data;
	}

	WebLeadFormDetails toDetails() {
		List<String> origins = (this.allowedOrigins == null) ? List.of()
				: Arrays.stream(this.allowedOrigins.split("[\\s,]+")).filter(o -> !o.isBlank()).toList();
		return new WebLeadFormDetails(this.name, origins, this.active, this.leadSource, this.campaignId,
				this.consentText, this.consentRequired, this.thankYouUrl, this.ownerId);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(String allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getLeadSource() {
		return this.leadSource;
	}

	public void setLeadSource(String leadSource) {
		this.leadSource = leadSource;
	}

	public UUID getCampaignId() {
		return this.campaignId;
	}

	public void setCampaignId(UUID campaignId) {
		this.campaignId = campaignId;
	}

	public String getConsentText() {
		return this.consentText;
	}

	public void setConsentText(String consentText) {
		this.consentText = consentText;
	}

	public boolean isConsentRequired() {
		return this.consentRequired;
	}

	public void setConsentRequired(boolean consentRequired) {
		this.consentRequired = consentRequired;
	}

	public String getThankYouUrl() {
		return this.thankYouUrl;
	}

	public void setThankYouUrl(String thankYouUrl) {
		this.thankYouUrl = thankYouUrl;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
