package dev.bellwether.platform.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.User;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the export tests of the lists share: accounts and deals made through their
 * modules' services, an export's file read as text, and the exports a person made as
 * usage captured them. Not a component: a module test that takes in {@code platform}
 * would pick it up without the modules it needs.
 */
public final class ExportFixtures {

	/** "Prospecting", one of the default stages every database has. */
	public static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	private final Accounts accounts;

	private final Opportunities opportunities;

	private final UsageRecorder recorder;

	private final JdbcClient jdbc;

	private final Clock clock;

	public ExportFixtures(Accounts accounts, Opportunities opportunities, UsageRecorder recorder, JdbcClient jdbc,
			Clock clock) {
		this.accounts = accounts;
		this.opportunities = opportunities;
		this.recorder = recorder;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An account of the owner's, with a name and nothing else. */
	public UUID account(User owner, String name) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails(name, null, null, null, null, null, null, null, null, null, null, null,
							owner.id(), null))
			.id();
	}

	/** A deal of the owner's at the first stage, closing in two months. */
	public Opportunity deal(User owner, UUID account, String name, String amount, Map<String, ?> custom) {
		return this.opportunities.create(TestUsers.viewer(owner),
				new OpportunityDetails(name, account, null, owner.id(), FIRST_STAGE, new BigDecimal(amount), false,
						LocalDate.now(this.clock).plusMonths(2), null, null, null, null, null, null),
				custom);
	}

	/** The exported file of a successful request, as text. */
	public static String text(ResultActions export) throws Exception {
		return export.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The exported file of a successful request. */
	public static byte[] bytes(ResultActions export) throws Exception {
		return export.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	/**
	 * The exports the person made of the module's records, as usage captured them: how
	 * many records each held.
	 */
	public List<Integer> exportsBy(User user, String module, String recordType) {
		this.recorder.flush();
		return this.jdbc.sql("""
				select records from usage_events
				where user_id = :id and kind = 'EXPORT' and module = :module and record_type = :recordType
				order by occurred_at
				""")
			.param("id", user.id())
			.param("module", module)
			.param("recordType", recordType)
			.query(Integer.class)
			.list();
	}

}
