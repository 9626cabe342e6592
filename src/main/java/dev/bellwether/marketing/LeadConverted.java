package dev.bellwether.marketing;

import java.util.UUID;

/**
 * What a lead became.
 *
 * @param accountCreated whether the account is new (else the lead's company matched it,
 * or the user chose it)
 * @param contactCreated whether the contact is new (else one with the lead's e-mail
 * address was there)
 * @param opportunityId the deal opened, or {@code null}
 * @param campaignsCarried the campaigns the lead was a member of that the contact now is
 * too (their touches kept, for attribution)
 */
public record LeadConverted(UUID leadId, UUID accountId, boolean accountCreated, UUID contactId, boolean contactCreated,
		UUID opportunityId, int campaignsCarried) {
}
