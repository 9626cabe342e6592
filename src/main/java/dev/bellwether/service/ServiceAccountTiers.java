package dev.bellwether.service;

import java.time.Clock;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * Accounts' service tiers (table {@code service_account_tiers}; an account without a row
 * is {@link AccountTier#STANDARD}). Administrators set them; the tier chooses the SLA
 * policy of the account's new cases.
 */
@Service
@Transactional(readOnly = true)
public class ServiceAccountTiers {

	private final JdbcClient jdbc;

	private final Clock clock;

	ServiceAccountTiers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param accountId {@code null}: a case without an account
	 */
	public AccountTier of(UUID accountId) {
		if (accountId == null) {
			return AccountTier.STANDARD;
		}
		return this.jdbc.sql("select tier from service_account_tiers where account_id = :id")
			.param("id", accountId)
			.query(String.class)
			.optional()
			.map(AccountTier::valueOf)
			.orElse(AccountTier.STANDARD);
	}

	/**
	 * Sets an account's tier (the account is the customers module's; it is referred to by
	 * id and not checked here, as a deleted account's tier does no harm).
	 */
	@Transactional
	public AccountTier set(Viewer viewer, UUID accountId, AccountTier tier) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only administrators set an account's service tier.");
		}
		this.jdbc.sql("""
				insert into service_account_tiers (account_id, tier, created_at, created_by, updated_at, updated_by)
				values (:id, :tier, :now, :actor, :now, :actor)
				on conflict (account_id) do update set tier = excluded.tier, updated_at = excluded.updated_at,
				  updated_by = excluded.updated_by, version = service_account_tiers.version + 1
				""")
			.param("id", accountId)
			.param("tier", tier.name())
			.param("now", utc(this.clock.instant()))
			.param("actor", viewer.id())
			.update();
		return tier;
	}

}
