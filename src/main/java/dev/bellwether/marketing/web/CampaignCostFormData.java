package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.bellwether.marketing.CampaignCostDetails;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.web.DateInput;

/**
 * The add-a-cost form on a campaign's page.
 */
public class CampaignCostFormData {

	private String date;

	private String supplier;

	private String amount;

	private String note;

	CampaignCostDetails toDetails() {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = null;
		try {
			day = DateInput.date("date", this.date);
		}
		catch (InvalidInputException ex) {
			errors.putAll(ex.fieldErrors());
		}
		BigDecimal value = null;
		if (this.amount != null && !this.amount.isBlank()) {
			try {
				value = new BigDecimal(this.amount.trim().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				errors.put("amount", "'" + this.amount.trim() + "' is not an amount; enter a number such as 1250.00.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new CampaignCostDetails(day, this.supplier, value, this.note);
	}

	public String getDate() {
		return this.date;
	}

	public void setDate(String date) {
		this.date = date;
	}

	public String getSupplier() {
		return this.supplier;
	}

	public void setSupplier(String supplier) {
		this.supplier = supplier;
	}

	public String getAmount() {
		return this.amount;
	}

	public void setAmount(String amount) {
		this.amount = amount;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
