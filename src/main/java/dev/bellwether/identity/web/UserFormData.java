package dev.bellwether.identity.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.platform.web.DateInput;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The user form as the browser posts it; the rules live in
 * {@link dev.bellwether.identity.UserDirectory}. The password is only used when a user is
 * created.
 */
public class UserFormData {

	private String username;

	private String fullName;

	private String email;

	private String title;

	private Role role;

	private UUID managerId;

	private String team;

	private String region;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate hiredOn;

	private String password;

	private boolean integrationAccount;

	private boolean notCounted;

	private String notCountedReason;

	private long version;

	static UserFormData of(User user) {
		UserFormData form = new UserFormData();
		form.username = user.username();
		form.fullName = user.fullName();
		form.email = user.email();
		form.title = user.title();
		form.role = user.role();
		form.managerId = user.managerId();
		form.team = user.team();
		form.region = user.region();
		form.hiredOn = user.hiredOn();
		form.integrationAccount = user.integrationAccount();
		form.notCounted = user.notCountedReason() != null;
		form.notCountedReason = user.notCountedReason();
		form.version = user.version();
		return form;
	}

	UserProfile toProfile() {
		DateInput.requireInRange("hiredOn", this.hiredOn);
		return new UserProfile(this.username, this.fullName, this.email, this.title, this.role, this.managerId,
				this.team, this.region, this.hiredOn, this.integrationAccount,
				this.notCounted ? notCountedReasonOrDefault() : null);
	}

	/** Ticked without a reason: still not counted, with a reason that says so. */
	private String notCountedReasonOrDefault() {
		return (this.notCountedReason == null || this.notCountedReason.isBlank()) ? "No reason given"
				: this.notCountedReason;
	}

	public boolean isNotCounted() {
		return this.notCounted;
	}

	public void setNotCounted(boolean notCounted) {
		this.notCounted = notCounted;
	}

	public String getNotCountedReason() {
		return this.notCountedReason;
	}

	public void setNotCountedReason(String notCountedReason) {
		this.notCountedReason = notCountedReason;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getFullName() {
		return this.fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public UUID getManagerId() {
		return this.managerId;
	}

	public void setManagerId(UUID managerId) {
		this.managerId = managerId;
	}

	public String getTeam() {
		return this.team;
	}

	public void setTeam(String team) {
		this.team = team;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public LocalDate getHiredOn() {
		return this.hiredOn;
	}

	public void setHiredOn(LocalDate hiredOn) {
		this.hiredOn = hiredOn;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isIntegrationAccount() {
		return this.integrationAccount;
	}

	public void setIntegrationAccount(boolean integrationAccount) {
		this.integrationAccount = integrationAccount;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
