package dev.bellwether.marketing.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.bellwether.marketing.LeadAssignmentAction;
import dev.bellwether.marketing.LeadAssignmentRule;
import dev.bellwether.marketing.LeadAssignmentRuleDetails;
import dev.bellwether.marketing.WorldRegion;

import org.springframework.util.StringUtils;

/**
 * The assignment rule form: sources as check boxes, countries as ISO codes separated by
 * commas or spaces.
 */
public class LeadAssignmentRuleFormData {

	private String name;

	private boolean active = true;

	private List<String> sources = new ArrayList<>();

	private String countries;

	private WorldRegion region;

	private LeadAssignmentAction action = LeadAssignmentAction.ROUND_ROBIN;

	private UUID assigneeId;

	private String team;

	private long version;

	static LeadAssignmentRuleFormData of(LeadAssignmentRule rule) {
		LeadAssignmentRuleFormData form = new LeadAssignmentRuleFormData();
		form.name = rule.name();
		form.active = rule.active();
		form.sources = new ArrayList<>(rule.sources());
		form.countries = String.join(", ", rule.countries());
		form.region = rule.region();
		form.action = rule.action();
		form.assigneeId = rule.assigneeId();
		form.team = rule.team();
		form.version = rule.version();
		return form;
	}

	LeadAssignmentRuleDetails toDetails() {
		List<String> codes = StringUtils.hasText(this.countries)
				? Arrays.stream(this.countries.split("[,;\\s]+")).filter(StringUtils::hasText).toList() : List.of();
		return new LeadAssignmentRuleDetails(this.name, this.active, this.sources, codes, this.region, this.action,
				this.assigneeId, this.team);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public List<String> getSources() {
		return this.sources;
	}

	public void setSources(List<String> sources) {
		this.sources = (sources != null) ? sources : new ArrayList<>();
	}

	public String getCountries() {
		return this.countries;
	}

	public void setCountries(String countries) {
		this.countries = countries;
	}

	public WorldRegion getRegion() {
		return this.region;
	}

	public void setRegion(WorldRegion region) {
		this.region = region;
	}

	public LeadAssignmentAction getAction() {
		return this.action;
	}

	public void setAction(LeadAssignmentAction action) {
		this.action = action;
	}

	public UUID getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(UUID assigneeId) {
		this.assigneeId = assigneeId;
	}

	public String getTeam() {
		return this.team;
	}

	public void setTeam(String team) {
		this.team = team;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
