/**
 * Business time: the hours a company works, in its time zone, with holidays
 * ({@link dev.bellwether.platform.businesstime.BusinessCalendar}, a pure calculator that
 * is right across weekends, holidays and daylight-saving changes), and the stored
 * calendars ({@link dev.bellwether.platform.businesstime.BusinessCalendars}; the
 * company's is the default), for targets counted in business hours: speed to lead now,
 * service SLAs later (docs/business-hours.md).
 */
package dev.bellwether.platform.businesstime;
