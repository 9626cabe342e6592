package dev.bellwether.sales.web;

import java.util.UUID;

import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;

/**
 * The deal form as the browser posts it: dates and amounts as text, so that a value that
 * does not parse is shown inline like any other error; the rules live in
 * {@link OpportunityDetails}.
 */
public class OpportunityFormData {

	private String name;

	private UUID accountId;

	private String accountName;

	private UUID primaryContactId;

	private UUID ownerId;

	private UUID stageId;

	private String amount;

	private boolean amountFromLineItems;

	private String closeDate;

	private Integer probability;

	private ForecastCategory forecastCategory;

	private String nextStep;

	private String leadSource;

	private String lossReason;

	private String lossReasonDetail;

	private String competitor;

	private String description;

	private long version;

	/** Custom field values by key, as the inputs post them. */
	private java.util.Map<String, String> customFields = new java.util.LinkedHashMap<>();

	public java.util.Map<String, String> getCustomFields() {
		return this.customFields;
	}

	public void setCustomFields(java.util.Map<String, String> customFields) {
		this.customFields = customFields;
	}

	static OpportunityFormData of(Opportunity deal, String accountName) {
		OpportunityFormData form = new OpportunityFormData();
		form.name = deal.name();
		form.accountId = deal.accountId();
		form.accountName = accountName;
		form.primaryContactId = deal.primaryContactId();
		form.ownerId = deal.ownerId();
		form.stageId = deal.stageId();
		form.amount = deal.amount() == null ? null : deal.amount().toPlainString();
		form.amountFromLineItems = deal.amountFromLineItems();
		form.closeDate = deal.closeDate().toString();
		form.probability = deal.probability();
		form.forecastCategory = deal.forecastCategory();
		form.nextStep = deal.nextStep();
		form.leadSource = deal.leadSource();
		form.lossReason = deal.lossReason();
		form.lossReasonDetail = deal.lossReasonDetail();
		form.competitor = deal.competitor();
		form.description = deal.description();
		form.version = deal.version();
		return form;
	}

	OpportunityDetails toDetails(Inputs inputs) {
		return new OpportunityDetails(this.name, this.accountId, this.primaryContactId, this.ownerId, this.stageId,
				inputs.decimal("amount", this.amount, "an amount"), this.amountFromLineItems,
				inputs.date("closeDate", this.closeDate), this.probability, this.forecastCategory, this.nextStep,
				this.leadSource, this.lossReason, this.description, this.lossReasonDetail, this.competitor);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
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

	public UUID getPrimaryContactId() {
		return this.primaryContactId;
	}

	public void setPrimaryContactId(UUID primaryContactId) {
		this.primaryContactId = primaryContactId;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public UUID getStageId() {
		return this.stageId;
	}

	public void setStageId(UUID stageId) {
		this.stageId = stageId;
	}

	public String getAmount() {
		return this.amount;
	}

	public void setAmount(String amount) {
		this.amount = amount;
	}

	public boolean isAmountFromLineItems() {
		return this.amountFromLineItems;
	}

	public void setAmountFromLineItems(boolean amountFromLineItems) {
		this.amountFromLineItems = amountFromLineItems;
	}

	public String getCloseDate() {
		return this.closeDate;
	}

	public void setCloseDate(String closeDate) {
		this.closeDate = closeDate;
	}

	public Integer getProbability() {
		return this.probability;
	}

	public void setProbability(Integer probability) {
		this.probability = probability;
	}

	public ForecastCategory getForecastCategory() {
		return this.forecastCategory;
	}

	public void setForecastCategory(ForecastCategory forecastCategory) {
		this.forecastCategory = forecastCategory;
	}

	public String getNextStep() {
		return this.nextStep;
	}

	public void setNextStep(String nextStep) {
		this.nextStep = nextStep;
	}

	public String getLeadSource() {
		return this.leadSource;
	}

	public void setLeadSource(String leadSource) {
		this.leadSource = leadSource;
	}

	public String getLossReason() {
		return this.lossReason;
	}

	public void setLossReason(String lossReason) {
		this.lossReason = lossReason;
	}

	public String getLossReasonDetail() {
		return this.lossReasonDetail;
	}

	public void setLossReasonDetail(String lossReasonDetail) {
		this.lossReasonDetail = lossReasonDetail;
	}

	public String getCompetitor() {
		return this.competitor;
	}

	public void setCompetitor(String competitor) {
		this.competitor = competitor;
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
