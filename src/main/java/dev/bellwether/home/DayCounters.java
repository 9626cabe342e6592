package dev.bellwether.home;

import dev.bellwether.platform.FiscalCalendar;

/**
 * The counters at the top of a rep's "my day", drawn again after a task is done or a deal
 * updated from the page.
 *
 * @param tasksDue the viewer's open tasks due today or earlier
 * @param closingThisMonth the viewer's open deals with a close date this month
 * @param stale the viewer's open deals untouched for longer than their stage allows
 * @param overdue the viewer's open deals whose close date has passed
 */
public record DayCounters(long tasksDue, long closingThisMonth, long stale, long overdue, FiscalCalendar.Period month) {
}
