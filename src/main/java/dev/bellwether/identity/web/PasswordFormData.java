package dev.bellwether.identity.web;

/**
 * A password form: a user changing their own (current, new, confirmation), or an
 * administrator resetting someone's (new only). Passwords are never echoed back into the
 * page.
 */
public class PasswordFormData {

	private String currentPassword;

	private String newPassword;

	private String confirmPassword;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

	/**
	 * Drops what was typed, so that a page shown again after an error never carries a
	 * password in its HTML.
	 */
	void clear() {
		this.currentPassword = null;
		this.newPassword = null;
		this.confirmPassword = null;
	}

}
