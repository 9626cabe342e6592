package dev.bellwether.demo;

import java.math.BigDecimal;
import java.util.List;

import dev.bellwether.sales.ProductDetails;

/**
 * The demo company's catalogue: it sells an analytics platform by the seat, add-ons,
 * appliances and services. Services are priced for each deal (the quote's figure, not the
 * list price).
 */
final class DemoCatalogue {

	record Item(ProductDetails details, boolean perDeal) {
	}

	/** About this share of the demo's deals are priced from line items. */
	static final int DEALS_WITH_LINE_ITEMS_PERCENT = 45;

	private DemoCatalogue() {
	}

	static List<Item> all() {
		return List.of(unit("ANL-PRO", "Analytics Platform Professional", "Per seat, yearly subscription.", "1200.00"),
				unit("ANL-ENT", "Analytics Platform Enterprise",
						"Per seat, yearly subscription; audit trail and row-level security.", "2400.00"),
				unit("CONN-PACK", "Data Connector Pack", "Five managed connectors, yearly.", "3000.00"),
				unit("STOR-1TB", "Managed Storage 1 TB", "Yearly.", "1800.00"),
				unit("API-100K", "API Calls 100k", "100,000 calls a month, yearly.", "900.00"),
				unit("SUP-PREM", "Premium Support", "Per seat, yearly: four-hour response, named engineer.", "300.00"),
				unit("SSO-ADD", "Single Sign-On Add-on", "Per seat, yearly.", "120.00"),
				unit("EDGE-GW", "Edge Gateway Appliance", "On-premises appliance, three years' warranty.", "4500.00"),
				unit("TRAIN-DAY", "Training Day", "One day on site, up to twelve people.", "2200.00"),
				perDeal("IMPL-STD", "Implementation Services", "Fixed-price implementation, quoted per deal.",
						"15000.00"),
				perDeal("MIGR-SVC", "Data Migration Services", "Quoted per deal.", "8000.00"),
				perDeal("CONSULT", "Consulting Services", "Quoted per deal; list price is a day.", "1800.00"));
	}

	private static Item unit(String code, String name, String description, String listPrice) {
		return new Item(new ProductDetails(code, name, description, new BigDecimal(listPrice), true), false);
	}

	private static Item perDeal(String code, String name, String description, String listPrice) {
		return new Item(new ProductDetails(code, name, description, new BigDecimal(listPrice), true), true);
	}

}
