package dev.bellwether.adoption.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.bellwether.adoption.UserHealth;

/**
 * Each person's adoption figures and health, by name, as of a day, with when they were
 * computed.
 *
 * @param asOf the day the figures are of
 * @param computedAt when the usage data behind them was read
 * @param users the people of the scope (of the health class asked for), by name
 */
record UsersAnswer(LocalDate asOf, Instant computedAt, List<UserHealth> users) {

}
