package dev.bellwether.platform.customfield.web;

import java.util.Arrays;

import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFieldDefinition;
import dev.bellwether.platform.customfield.CustomFieldType;

/**
 * The custom field form as the browser posts it; the rules live in
 * {@link dev.bellwether.platform.customfield.CustomFields}.
 */
public class CustomFieldFormData {

	private String label;

	private CustomFieldType type = CustomFieldType.TEXT;

	/** The choices, one a line. */
	private String options;

	private Requirement required = Requirement.NEVER;

	private String requiredFrom;

	private String helpText;

	private boolean indexed;

	private long version;

	static CustomFieldFormData of(CustomField field) {
		CustomFieldFormData form = new CustomFieldFormData();
		form.label = field.label();
		form.type = field.type();
		form.options = String.join("\n", field.options());
		form.required = field.required();
		form.requiredFrom = field.requiredFrom();
		form.helpText = field.helpText();
		form.indexed = field.indexed();
		form.version = field.version();
		return form;
	}

	CustomFieldDefinition toDefinition() {
		return new CustomFieldDefinition(this.label, this.type,
				this.options == null ? null : Arrays.asList(this.options.split("\\R")), this.required,
				this.requiredFrom, this.helpText, this.indexed);
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public CustomFieldType getType() {
		return this.type;
	}

	public void setType(CustomFieldType type) {
		this.type = type;
	}

	public String getOptions() {
		return this.options;
	}

	public void setOptions(String options) {
		this.options = options;
	}

	public Requirement getRequired() {
		return this.required;
	}

	public void setRequired(Requirement required) {
		this.required = required;
	}

	public String getRequiredFrom() {
		return this.requiredFrom;
	}

	public void setRequiredFrom(String requiredFrom) {
		this.requiredFrom = requiredFrom;
	}

	public String getHelpText() {
		return this.helpText;
	}

	public void setHelpText(String helpText) {
		this.helpText = helpText;
	}

	public boolean isIndexed() {
		return this.indexed;
	}

	public void setIndexed(boolean indexed) {
		this.indexed = indexed;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
