package dev.bellwether.identity.web;

/**
 * The new-token form: a name saying what uses the token, and an optional validity.
 */
public class TokenFormData {

	private String name;

	private Integer validForDays;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getValidForDays() {
		return this.validForDays;
	}

	public void setValidForDays(Integer validForDays) {
		this.validForDays = validForDays;
	}

}
