package dev.bellwether.service.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.service.CasePriority;
import dev.bellwether.service.Cases;
import dev.bellwether.service.OnboardingRule;
import dev.bellwether.service.OnboardingRuleDetails;
import dev.bellwether.service.OnboardingRules;

/**
 * The onboarding rule form.
 */
public class OnboardingRuleFormData {

	private String name;

	private boolean enabled = true;

	private BigDecimal minimumAmount;

	private UUID productId;

	private UUID queueId = Cases.DEFAULT_QUEUE_ID;

	private CasePriority priority = CasePriority.NORMAL;

	private String subjectTemplate = OnboardingRules.DEFAULT_SUBJECT;

	private long version;

	static OnboardingRuleFormData of(OnboardingRule rule) {
		OnboardingRuleFormData form = new OnboardingRuleFormData();
		form.name = rule.name();
		form.enabled = rule.enabled();
		form.minimumAmount = rule.minimumAmount();
		form.productId = rule.productId();
		form.queueId = rule.queueId();
		form.priority = rule.priority();
		form.subjectTemplate = rule.subjectTemplate();
		form.version = rule.version();
		return form;
	}

	OnboardingRuleDetails toDetails() {
		return new OnboardingRuleDetails(this.name, this.enabled, this.minimumAmount, this.productId, this.queueId,
				this.priority, this.subjectTemplate);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public BigDecimal getMinimumAmount() {
		return this.minimumAmount;
	}

	public void setMinimumAmount(BigDecimal minimumAmount) {
		this.minimumAmount = minimumAmount;
	}

	public UUID getProductId() {
		return this.productId;
	}

	public void setProductId(UUID productId) {
		this.productId = productId;
	}

	public UUID getQueueId() {
		return this.queueId;
	}

	public void setQueueId(UUID queueId) {
		this.queueId = queueId;
	}

	public CasePriority getPriority() {
		return this.priority;
	}

	public void setPriority(CasePriority priority) {
		this.priority = priority;
	}

	public String getSubjectTemplate() {
		return this.subjectTemplate;
	}

	public void setSubjectTemplate(String subjectTemplate) {
		this.subjectTemplate = subjectTemplate;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
