package dev.bellwether.home;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.sales.Opportunity;

import org.springframework.data.domain.Page;

/**
 * The company view: the whole pipeline's figures, the top open deals and, for those who
 * can give deals a new owner (sales administrators and administrators), the deals of
 * deactivated owners.
 *
 * @param orphaned {@code null} for a viewer who cannot reassign deals
 */
public record CompanyHome(PipelineFigures figures, Page<Opportunity> topDeals, Map<UUID, String> people,
		Map<UUID, String> accountNames, OrphanedDeals orphaned) {
}
