package dev.bellwether.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.forecasting.QuotaKind;
import dev.bellwether.forecasting.Quotas;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.ForecastFigures;

import org.springframework.stereotype.Component;

/**
 * The demo company's quotas, set by its sales administrator: for the current fiscal
 * quarter, the {@value #PAST_QUARTERS} before it and the {@value #NEXT_QUARTERS} after
 * it. Each rep's personal quota is what they won per quarter on average over the past
 * quarters, plus 15%, rounded up to 5,000 (at least 20,000), and 5% more for the quarters
 * ahead; each regional manager's team quota is the sum of their reps' plus 5%, rounded up
 * to 10,000 (managers carry a stretch). So attainment and coverage tell something on
 * first start: some reps above their quota, some below.
 */
@Component
class DemoQuotas {

	static final int PAST_QUARTERS = 6;

	static final int NEXT_QUARTERS = 2;

	private static final BigDecimal FLOOR = new BigDecimal("20000");

	private final Quotas quotas;

	private final ForecastFigures figures;

	private final FiscalCalendar calendar;

	DemoQuotas(Quotas quotas, ForecastFigures figures, FiscalCalendar calendar) {
		this.quotas = quotas;
		this.figures = figures;
		this.calendar = calendar;
	}

	/**
	 * @param ids the demo people's ids by username
	 */
	void seed(Map<String, UUID> ids) {
		Viewer salesAdmin = new Viewer(ids.get("salesadmin"), "salesadmin", "Nina Brandt", Role.SALES_ADMIN);
		FiscalPeriod current = this.calendar.current(FiscalPeriod.Kind.QUARTER);
		List<FiscalPeriod> past = new ArrayList<>();
		FiscalPeriod quarter = current;
		for (int i = 0; i < PAST_QUARTERS; i++) {
			quarter = this.calendar.previous(quarter);
			past.add(0, quarter);
		}
		List<FiscalPeriod> ahead = new ArrayList<>();
		quarter = current;
		for (int i = 0; i < NEXT_QUARTERS; i++) {
			quarter = this.calendar.next(quarter);
			ahead.add(quarter);
		}
		Map<String, List<UUID>> repsByManager = new HashMap<>();
		for (DemoPeople.Person person : DemoPeople.all()) {
			if (person.role() == Role.REP) {
				repsByManager.computeIfAbsent(person.manager(), m -> new ArrayList<>()).add(ids.get(person.username()));
			}
		}
		List<UUID> reps = repsByManager.values().stream().flatMap(List::stream).toList();
		Map<UUID, BigDecimal> won = new HashMap<>();
		this.figures.byOwnerAndCategory(salesAdmin, reps, past.get(0).start(), past.get(past.size() - 1).end())
			.stream()
			.filter(cell -> cell.category() == ForecastCategory.CLOSED)
			.forEach(cell -> won.merge(cell.ownerId(), cell.amount(), BigDecimal::add));
		Map<UUID, BigDecimal> base = new HashMap<>();
		for (UUID rep : reps) {
			BigDecimal perQuarter = won.getOrDefault(rep, BigDecimal.ZERO)
				.divide(BigDecimal.valueOf(PAST_QUARTERS), 2, RoundingMode.HALF_UP);
			base.put(rep, roundUp(perQuarter.multiply(new BigDecimal("1.15")), 5_000).max(FLOOR));
		}
		List<FiscalPeriod> all = new ArrayList<>(past);
		all.add(current);
		for (FiscalPeriod period : all) {
			set(salesAdmin, repsByManager, ids, base, period, BigDecimal.ONE);
		}
		for (FiscalPeriod period : ahead) {
			set(salesAdmin, repsByManager, ids, base, period, new BigDecimal("1.05"));
		}
	}

	private void set(Viewer salesAdmin, Map<String, List<UUID>> repsByManager, Map<String, UUID> ids,
			Map<UUID, BigDecimal> base, FiscalPeriod period, BigDecimal growth) {
		repsByManager.forEach((manager, reps) -> {
			BigDecimal team = BigDecimal.ZERO;
			for (UUID rep : reps) {
				BigDecimal quota = roundUp(base.get(rep).multiply(growth), 5_000);
				this.quotas.set(salesAdmin, rep, period.code(), QuotaKind.PERSONAL, quota, null);
				team = team.add(quota);
			}
			this.quotas.set(salesAdmin, ids.get(manager), period.code(), QuotaKind.TEAM,
					roundUp(team.multiply(new BigDecimal("1.05")), 10_000), null);
		});
	}

	private static BigDecimal roundUp(BigDecimal amount, int step) {
		BigDecimal steps = amount.divide(BigDecimal.valueOf(step), 0, RoundingMode.CEILING);
		return steps.multiply(BigDecimal.valueOf(step)).setScale(2);
	}

}
