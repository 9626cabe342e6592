package dev.bellwether.service.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.service.AccountTier;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.SlaPolicy;
import dev.bellwether.service.SlaPolicyDetails;

/**
 * The SLA policy form: minutes as typed (text, so that a typo is the service's message
 * next to the field, not a binding error), one row per priority.
 */
public class SlaPolicyFormData {

	private String name;

	private UUID calendarId;

	private AccountTier accountTier;

	private boolean active = true;

	private String warnPercentLeft = "25";

	private Map<CasePriority, TargetRow> targets = new EnumMap<>(CasePriority.class);

	private long version;

	public SlaPolicyFormData() {
		for (CasePriority priority : CasePriority.values()) {
			this.targets.put(priority, new TargetRow());
		}
	}

	static SlaPolicyFormData of(SlaPolicy policy) {
		SlaPolicyFormData form = new SlaPolicyFormData();
		form.name = policy.name();
		form.calendarId = policy.calendarId();
		form.accountTier = policy.accountTier();
		form.active = policy.active();
		form.warnPercentLeft = String.valueOf(policy.warnPercentLeft());
		policy.targets().forEach((priority, target) -> {
			TargetRow row = form.targets.get(priority);
			row.setFirstResponse(String.valueOf(target.firstResponse().toMinutes()));
			row.setResolution(String.valueOf(target.resolution().toMinutes()));
		});
		form.version = policy.version();
		return form;
	}

	static SlaPolicyFormData defaults(UUID calendarId) {
		SlaPolicyFormData form = new SlaPolicyFormData();
		form.calendarId = calendarId;
		return form;
	}

	SlaPolicyDetails toDetails() {
		Map<CasePriority, SlaPolicyDetails.TargetMinutes> minutes = new EnumMap<>(CasePriority.class);
		this.targets.forEach((priority, row) -> minutes.put(priority,
				new SlaPolicyDetails.TargetMinutes(number(row.getFirstResponse()), number(row.getResolution()))));
		Integer warn = number(this.warnPercentLeft);
		return new SlaPolicyDetails(this.name, this.calendarId, this.accountTier, this.active,
				(warn != null) ? warn : (this.warnPercentLeft == null || this.warnPercentLeft.isBlank()) ? null : -1,
				minutes);
	}

	private static Integer number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UUID getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(UUID calendarId) {
		this.calendarId = calendarId;
	}

	public AccountTier getAccountTier() {
		return this.accountTier;
	}

	public void setAccountTier(AccountTier accountTier) {
		this.accountTier = accountTier;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getWarnPercentLeft() {
		return this.warnPercentLeft;
	}

	public void setWarnPercentLeft(String warnPercentLeft) {
		this.warnPercentLeft = warnPercentLeft;
	}

	public Map<CasePriority, TargetRow> getTargets() {
		return this.targets;
	}

	public void setTargets(Map<CasePriority, TargetRow> targets) {
		this.targets = targets;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	/**
	 * One priority's targets as typed.
	 */
	public static class TargetRow {

		private String firstResponse;

		private String resolution;

		public String getFirstResponse() {
			return this.firstResponse;
		}

		public void setFirstResponse(String firstResponse) {
			this.firstResponse = firstResponse;
		}

		public String getResolution() {
			return this.resolution;
		}

		public void setResolution(String resolution) {
			this.resolution = resolution;
		}

	}

}
