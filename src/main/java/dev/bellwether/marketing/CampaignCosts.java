package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.web.DateInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;
import static dev.bellwether.platform.Text.blankToNull;

/**
 * A campaign's actual cost lines. Whoever may change the campaign adds and removes them;
 * a closed (completed or aborted) campaign takes no new ones. Each change is published as
 * a change of the campaign's actual cost, so its field history shows what it cost when.
 */
@Service
@Transactional(readOnly = true)
public class CampaignCosts {

	public static final String RECORD_TYPE = "campaign cost";

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CampaignCosts(JdbcClient jdbc, Campaigns campaigns, InputValidation validation, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
	}

	/** The campaign's cost lines, latest first. */
	public List<CampaignCost> list(Viewer viewer, UUID campaignId) {
		this.campaigns.get(viewer, campaignId);
		return this.jdbc
			.sql("select * from campaign_costs where campaign_id = :id order by cost_date desc, created_at desc, id")
			.param("id", campaignId)
			.query(CampaignCosts::map)
			.list();
	}

	@Transactional
	public CampaignCost add(Viewer viewer, UUID campaignId, CampaignCostDetails details) {
		Campaign campaign = this.campaigns.get(viewer, campaignId);
		this.campaigns.requireEdit(viewer, campaign);
		if (campaign.isClosed()) {
			throw new InvalidInputException("campaign", campaign.name() + " is "
					+ campaign.status().label().toLowerCase() + ": a closed campaign takes no new costs.");
		}
		Map<String, String> errors = this.validation.violations(details);
		if (details.date() != null && !errors.containsKey("date")) {
			try {
				DateInput.requireInRange("date", details.date());
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.fieldErrors());
			}
		}
		InputValidation.throwIfAny(errors);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into campaign_costs (id, campaign_id, cost_date, supplier, amount, note, created_at, created_by,
				  updated_at, updated_by, version)
				values (:id, :campaign, :date, :supplier, :amount, :note, :now, :actor, :now, :actor, 0)
				""")
			.param("id", id)
			.param("campaign", campaignId)
			.param("date", details.date())
			.param("supplier", blankToNull(details.supplier()))
			.param("amount", details.amount())
			.param("note", blankToNull(details.note()))
			.param("now", utc(now))
			.param("actor", viewer.id())
			.update();
		publishCostChange(viewer, campaign, now);
		return this.jdbc.sql("select * from campaign_costs where id = :id")
			.param("id", id)
			.query(CampaignCosts::map)
			.single();
	}

	@Transactional
	public void remove(Viewer viewer, UUID campaignId, UUID costId) {
		Campaign campaign = this.campaigns.get(viewer, campaignId);
		this.campaigns.requireEdit(viewer, campaign);
		int removed = this.jdbc.sql("delete from campaign_costs where id = :id and campaign_id = :campaign")
			.param("id", costId)
			.param("campaign", campaignId)
			.update();
		if (removed == 0) {
			throw new RecordNotFoundException(RECORD_TYPE, costId);
		}
		publishCostChange(viewer, campaign, this.clock.instant());
	}

	private void publishCostChange(Viewer viewer, Campaign before, Instant now) {
		BigDecimal after = this.jdbc.sql("select coalesce(sum(amount), 0) from campaign_costs where campaign_id = :id")
			.param("id", before.id())
			.query(BigDecimal.class)
			.single();
		List<FieldChange> changes = new FieldChange.Diff().compare("actualCost", before.actualCost(), after).changes();
		if (!changes.isEmpty()) {
			this.events.publishEvent(new RecordChanged(Campaigns.RECORD_TYPE, before.id(), ChangeKind.UPDATED,
					viewer.id(), now, changes));
		}
	}

	static CampaignCost map(ResultSet rs, int row) throws SQLException {
		return new CampaignCost(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
				rs.getObject("cost_date", LocalDate.class), rs.getString("supplier"), rs.getBigDecimal("amount"),
				rs.getString("note"), instant(rs, "created_at"), rs.getObject("created_by", UUID.class));
	}

}
