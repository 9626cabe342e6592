package dev.bellwether.home;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.activities.Activity;
import dev.bellwether.activities.LinkedNames;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.Contact;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.PipelineStage;

import org.springframework.data.domain.Page;

/**
 * A rep's "my day": tasks due, deals closing this month, and the stale and overdue deals
 * to update in one click (each once, overdue first).
 */
public record MyDay(DayCounters counters, List<Activity> tasks, LinkedNames names, List<Opportunity> closing,
		List<Opportunity> attention, List<PipelineStage> openStages, Map<UUID, String> accountNames,
		Page<Account> myAccounts, Page<Contact> myContacts) {
}
