package dev.bellwether.customers.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;

/**
 * The account form as the browser posts it; the rules live in {@link AccountDetails}.
 */
public class AccountFormData {

	private String name;

	private String website;

	private String industry;

	private String phone;

	private String billingStreet;

	private String billingCity;

	private String billingState;

	private String billingPostalCode;

	private String country;

	private Integer employees;

	private BigDecimal annualRevenue;

	private UUID parentId;

	private String parentName;

	private UUID ownerId;

	private String description;

	private long version;

	/** The user has seen the possible duplicates and creates the record anyway. */
	private boolean createAnyway;

	/** Custom field values by key, as the inputs post them. */
	private Map<String, String> customFields = new LinkedHashMap<>();

	static AccountFormData of(Account account) {
		AccountFormData form = new AccountFormData();
		form.name = account.name();
		form.website = account.website();
		form.industry = account.industry();
		form.phone = account.phone();
		form.billingStreet = account.billingStreet();
		form.billingCity = account.billingCity();
		form.billingState = account.billingState();
		form.billingPostalCode = account.billingPostalCode();
		form.country = account.country();
		form.employees = account.employees();
		form.annualRevenue = account.annualRevenue();
		form.parentId = account.parentId();
		form.parentName = account.parentName();
		form.ownerId = account.ownerId();
		form.description = account.description();
		form.version = account.version();
		return form;
	}

	AccountDetails toDetails() {
		return new AccountDetails(this.name, this.website, this.industry, this.phone, this.billingStreet,
				this.billingCity, this.billingState, this.billingPostalCode, this.country, this.employees,
				this.annualRevenue, this.parentId, this.ownerId, this.description);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getWebsite() {
		return this.website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public String getIndustry() {
		return this.industry;
	}

	public void setIndustry(String industry) {
		this.industry = industry;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getBillingStreet() {
		return this.billingStreet;
	}

	public void setBillingStreet(String billingStreet) {
		this.billingStreet = billingStreet;
	}

	public String getBillingCity() {
		return this.billingCity;
	}

	public void setBillingCity(String billingCity) {
		this.billingCity = billingCity;
	}

	public String getBillingState() {
		return this.billingState;
	}

	public void setBillingState(String billingState) {
		this.billingState = billingState;
	}

	public String getBillingPostalCode() {
		return this.billingPostalCode;
	}

	public void setBillingPostalCode(String billingPostalCode) {
		this.billingPostalCode = billingPostalCode;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public Integer getEmployees() {
		return this.employees;
	}

	public void setEmployees(Integer employees) {
		this.employees = employees;
	}

	public BigDecimal getAnnualRevenue() {
		return this.annualRevenue;
	}

	public void setAnnualRevenue(BigDecimal annualRevenue) {
		this.annualRevenue = annualRevenue;
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

	public Map<String, String> getCustomFields() {
		return this.customFields;
	}

	public void setCustomFields(Map<String, String> customFields) {
		this.customFields = customFields;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public boolean isCreateAnyway() {
		return this.createAnyway;
	}

	public void setCreateAnyway(boolean createAnyway) {
		this.createAnyway = createAnyway;
	}

}
