package dev.bellwether.home;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.forecasting.ForecastAccuracy;
import dev.bellwether.sales.Opportunity;

import org.springframework.data.domain.Page;

/**
 * The company view: the whole pipeline's figures, the top open deals and, for those who
 * can give deals a new owner (sales administrators and administrators), the deals of
 * deactivated owners.
 *
 * @param orphaned {@code null} for a viewer who cannot reassign deals
 * @param accuracy the company's forecast accuracy in the last fiscal quarter that is
 * over, and MAPE over the last 4 (from the forecasting module)
 */
public record CompanyHome(PipelineFigures figures, Page<Opportunity> topDeals, Map<UUID, String> people,
		Map<UUID, String> accountNames, OrphanedDeals orphaned, ForecastAccuracy.Summary accuracy) {
}
