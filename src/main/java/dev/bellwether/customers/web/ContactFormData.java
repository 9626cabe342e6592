package dev.bellwether.customers.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;

/**
 * The contact form as the browser posts it; the rules live in {@link ContactDetails}.
 * {@code accountName} only travels with the form so that the account picker shows the
 * chosen account again when the form is re-rendered with errors.
 */
public class ContactFormData {

	private String firstName;

	private String lastName;

	private String title;

	private String email;

	private String phone;

	private String mobile;

	private UUID accountId;

	private String accountName;

	private UUID ownerId;

	private long version;

	/** The user has seen the possible duplicates and creates the record anyway. */
	private boolean createAnyway;

	/** Custom field values by key, as the inputs post them. */
	private Map<String, String> customFields = new LinkedHashMap<>();

	public Map<String, String> getCustomFields() {
		return this.customFields;
	}

	public void setCustomFields(Map<String, String> customFields) {
		this.customFields = customFields;
	}

	static ContactFormData of(Contact contact) {
		ContactFormData form = new ContactFormData();
		form.firstName = contact.firstName();
		form.lastName = contact.lastName();
		form.title = contact.title();
		form.email = contact.email();
		form.phone = contact.phone();
		form.mobile = contact.mobile();
		form.accountId = contact.accountId();
		form.accountName = contact.accountName();
		form.ownerId = contact.ownerId();
		form.version = contact.version();
		return form;
	}

	ContactDetails toDetails() {
		return new ContactDetails(this.firstName, this.lastName, this.title, this.email, this.phone, this.mobile,
				this.accountId, this.ownerId);
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

	public String getMobile() {
		return this.mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
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

	public boolean isCreateAnyway() {
		return this.createAnyway;
	}

	public void setCreateAnyway(boolean createAnyway) {
		this.createAnyway = createAnyway;
	}

}
