package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignDetails;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.web.DateInput;

/**
 * The campaign form as the browser posts it; the rules live in {@link CampaignDetails}.
 * Dates and the budget arrive as text and are parsed here, so that a typo is named next
 * to its field like any other error.
 */
public class CampaignFormData {

	private String name;

	private String type;

	private CampaignStatus status = CampaignStatus.PLANNED;

	private String startDate;

	private String endDate;

	private String budget;

	private UUID parentId;

	private String parentName;

	private UUID ownerId;

	private String description;

	private long version;

	static CampaignFormData of(Campaign campaign) {
		CampaignFormData form = new CampaignFormData();
		form.name = campaign.name();
		form.type = campaign.type();
		form.status = campaign.status();
		form.startDate = campaign.startDate() == null ? null : campaign.startDate().toString();
		form.endDate = campaign.endDate() == null ? null : campaign.endDate().toString();
		form.budget = campaign.budget() == null ? null : campaign.budget().toPlainString();
		form.parentId = campaign.parentId();
		form.parentName = campaign.parentName();
		form.ownerId = campaign.ownerId();
		form.description = campaign.description();
		form.version = campaign.version();
		return form;
	}

	/**
	 * @throws InvalidInputException naming each field whose text is no date or amount
	 */
	CampaignDetails toDetails() {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate start = date("startDate", this.startDate, errors);
		LocalDate end = date("endDate", this.endDate, errors);
		BigDecimal amount = null;
		if (this.budget != null && !this.budget.isBlank()) {
			try {
				amount = new BigDecimal(this.budget.trim().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				errors.put("budget", "'" + this.budget.trim() + "' is not an amount; enter a number such as 12500.50.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new CampaignDetails(this.name, this.type, this.status, start, end, amount, this.parentId, this.ownerId,
				this.description);
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

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public CampaignStatus getStatus() {
		return this.status;
	}

	public void setStatus(CampaignStatus status) {
		this.status = status;
	}

	public String getStartDate() {
		return this.startDate;
	}

	public void setStartDate(String startDate) {
		this.startDate = startDate;
	}

	public String getEndDate() {
		return this.endDate;
	}

	public void setEndDate(String endDate) {
		this.endDate = endDate;
	}

	public String getBudget() {
		return this.budget;
	}

	public void setBudget(String budget) {
		this.budget = budget;
	}

	public UUID getParentId() {
		return this.parentId;
	}

	public void setParentId(UUID parentId) {
		this.parentId = parentId;
	}

	public String getParentName() {
		return this.parentName;
	}

	public void setParentName(String parentName) {
		this.parentName = parentName;
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
